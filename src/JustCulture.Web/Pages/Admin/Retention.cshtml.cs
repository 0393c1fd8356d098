using JustCulture.Application.Common;
using JustCulture.Application.Retention;
using JustCulture.Domain;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Web.Api;
using JustCulture.Web.Hosting;
using JustCulture.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Admin;

/// <summary>
/// What is due for erasure today, the period in force and where it came from, the erasures done so far (from the
/// log), and running retention now after a confirmation. The folder's policy admits administrators only, and the
/// use case itself refuses anyone else.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class RetentionModel(RetentionPeriod period, RetentionDueHandler due, RetentionErasuresHandler erasures, RunRetentionHandler run,
    TimeProvider clock) : FormPageModel
{
    public RetentionPeriod Period => period;

    public DateOnly Today { get; private set; }

    public IReadOnlyList<RetentionDuePerson> Due { get; private set; } = [];

    /// <summary>The newest erasures shown; the rest are in the decision log (event "Personal data erased").</summary>
    public const int ErasuresShown = 50;

    public IReadOnlyList<RecordedErasure> Erasures { get; private set; } = [];

    public int ErasureCount { get; private set; }

    /// <summary>How many people's records were erased, and where to find those not listed.</summary>
    public string ErasureSummary => (ErasureCount == 1 ? "1 person's case records have been erased." : $"{ErasureCount:N0} people's case records have been erased.")
        + (ErasureCount > Erasures.Count
            ? $" The newest {Erasures.Count} are shown; every one is in the decision log as \"{Vocabulary.Event(LogEventTypes.PersonalDataErased)}\"."
            : string.Empty);

    /// <summary>The administrator asked to run: show what will be erased and ask them to confirm.</summary>
    [BindProperty(SupportsGet = true)]
    public bool Confirm { get; set; }

    public string? Confirmation { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Confirmation = TempData["RetentionRun"] as string;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await run.HandleAsync(new RunRetentionCommand(TodayUk(), period, new Actor(User.UserId(), Policies.Administrator)), cancellationToken);
            TempData["RetentionRun"] = result.Erasures.Count switch
            {
                0 => "Nothing was due, so nothing was erased.",
                1 => $"The case records of 1 person were erased ({string.Join(", ", result.Erasures[0].CaseReferences)}).",
                var n => $"The case records of {n} people were erased.",
            } + (result.MovedOn.Count > 0 ? $" {result.MovedOn.Count} were no longer due when their turn came and were left as they are." : string.Empty);
            return RedirectToPage();
        }
        catch (UseCaseException refusal)
        {
            ModelState.AddModelError(string.Empty, refusal.Message);
            Response.StatusCode = UseCaseProblems.StatusOf(refusal.Error);
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    private DateOnly TodayUk() => UkDates.UkDateOf(clock.GetUtcNow().UtcDateTime);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Today = TodayUk();
        Due = await due.HandleAsync(new RetentionDueQuery(Today, period), cancellationToken);
        var all = await erasures.HandleAsync(cancellationToken);
        ErasureCount = all.Count;
        Erasures = [.. all.Take(ErasuresShown)];
    }
}
