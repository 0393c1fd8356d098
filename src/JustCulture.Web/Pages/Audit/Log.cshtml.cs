using System.Globalization;
using JustCulture.Application.Common;
using JustCulture.Application.Log;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Audit;

/// <summary>
/// The pseudonymised decision log, newest first, a page at a time, filtered by case reference, event and UK dates,
/// with a button that verifies the whole chain.
/// </summary>
public sealed class LogModel(BrowseLogHandler browse, VerifyLogHandler verify, DecisionLogTrust trust) : FormPageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true, Name = "case")]
    public string? CaseReference { get; set; }

    [BindProperty(SupportsGet = true, Name = "event")]
    public string? EventType { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? FromDay { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? FromMonth { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? FromYear { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ToDay { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ToMonth { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ToYear { get; set; }

    public PseudonymisedLogPage? Entries { get; private set; }

    public LogVerification? Verification { get; private set; }

    public bool IsFiltered { get; private set; }

    /// <summary>The newest signed checkpoint in the store, as it stands (the verify button checks the log against it).</summary>
    public LogCheckpointSummary? NewestCheckpoint { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        Verification = await verify.HandleAsync(cancellationToken);
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>The query string of this filter, for the pagination links (without the page number).</summary>
    public string FilterQuery()
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value.Trim())}");
            }
        }

        Add("case", CaseReference);
        Add("event", EventType);
        Add(nameof(FromDay), FromDay);
        Add(nameof(FromMonth), FromMonth);
        Add(nameof(FromYear), FromYear);
        Add(nameof(ToDay), ToDay);
        Add(nameof(ToMonth), ToMonth);
        Add(nameof(ToYear), ToYear);
        return string.Join("&", parts);
    }

    public string PageLink(int page)
    {
        var filter = FilterQuery();
        return "/Audit/Log?" + (filter.Length == 0 ? "" : filter + "&") + "p=" + page.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The page numbers to link: the first, the last, and those next to the current one; null is a gap.</summary>
    public IReadOnlyList<int?> PageItems()
    {
        var count = Entries?.PageCount ?? 1;
        var current = Entries?.Page ?? 1;
        var shown = new[] { 1, current - 1, current, current + 1, count }.Where(p => p >= 1 && p <= count).Distinct().Order().ToList();
        var items = new List<int?>();
        for (var i = 0; i < shown.Count; i++)
        {
            if (i > 0 && shown[i] - shown[i - 1] > 1)
            {
                items.Add(null);
            }

            items.Add(shown[i]);
        }

        return items;
    }

    public static IReadOnlyList<string> EventTypes => BrowseLogHandler.EventTypes;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        NewestCheckpoint = LogCheckpointSummary.Of(trust.Store.Newest());
        var from = DateFrom(FromDay, FromMonth, FromYear, nameof(FromDay), "start");
        var to = DateFrom(ToDay, ToMonth, ToYear, nameof(ToDay), "end");
        var filter = new LogFilter(CaseReference, EventType, from, to);
        IsFiltered = !filter.IsEmpty;
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        try
        {
            Entries = await browse.HandleAsync(new BrowseLogQuery(PageSize, Page: PageNumber, NewestFirst: true, Filter: filter), cancellationToken);
        }
        catch (UseCaseException refusal) when (refusal.Error == UseCaseError.Invalid)
        {
            foreach (var problem in refusal.FieldProblems)
            {
                ModelState.AddModelError(problem.Field switch
                {
                    nameof(LogFilter.CaseReference) => "case",
                    nameof(LogFilter.EventType) => "event",
                    nameof(LogFilter.To) => nameof(ToDay),
                    _ => nameof(FromDay),
                }, problem.Message);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <summary>A UK date from the three boxes of an NHS.UK date input; none filled is no date.</summary>
    private DateOnly? DateFrom(string? day, string? month, string? year, string key, string which)
    {
        if (string.IsNullOrWhiteSpace(day) && string.IsNullOrWhiteSpace(month) && string.IsNullOrWhiteSpace(year))
        {
            return null;
        }

        if (int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && y is >= 2000 and <= 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            return new DateOnly(y, m, d);
        }

        ModelState.AddModelError(key, $"The {which} date must be a real date, for example 15 1 2027");
        return null;
    }

    /// <summary>An entry's answer in words: a route, an outcome or a role rather than its stored name.</summary>
    public static string AnswerText(PseudonymisedLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Answer is null)
        {
            return "–";
        }

        return entry.EventType switch
        {
            LogEventTypes.ReviewDecided or LogEventTypes.WorkflowFinished => Domain.Vocabulary.Route(entry.Answer),
            LogEventTypes.OutcomeRecorded => Domain.Vocabulary.Outcome(entry.Answer),
            LogEventTypes.UserAdded => Domain.Vocabulary.Role(entry.Answer),
            _ => entry.Answer,
        };
    }
}
