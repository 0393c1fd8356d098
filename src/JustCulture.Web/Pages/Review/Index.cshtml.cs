using JustCulture.Application.Common;
using JustCulture.Application.Review;
using JustCulture.Domain.Concerns;
using JustCulture.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace JustCulture.Web.Pages.Review;

/// <summary>The review queue, filtered by what is waiting, category and overdue, and sorted, a page at a time;
/// filters and the page cursor travel in the query string.</summary>
public sealed class IndexModel(ReviewQueueHandler queue, IOptions<JustCultureWebOptions> options, JustCulture.Application.Cases.CaseFlagsHandler flags) : PageModel
{
    /// <summary>Flags of the listed cases (an open or overdue suspension), by concern.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<JustCulture.Application.Cases.CaseFlag>> Flags { get; private set; } =
        new Dictionary<Guid, IReadOnlyList<JustCulture.Application.Cases.CaseFlag>>();

    public const int PageSize = 25;

    /// <summary>The page of cases the reviewer may review.</summary>
    public ReviewQueuePage Queue { get; private set; } = new([], null, null, 1);

    /// <summary>Cases the reviewer is not independent of, longest waiting first: on the first page only.</summary>
    public ReviewQueuePage Conflicted { get; private set; } = new([], null, null, 1);

    /// <summary>The page link followed was not one this queue gave (or is out of date): the first page is shown.</summary>
    public bool CursorRefused { get; private set; }

    public int OverdueAfterDays => options.Value.OverdueReviewDays;

    public int ReviewDateWarningDays => options.Value.ReviewDateWarningDays;

    public int InformalPlanDueDays => options.Value.InformalPlanDueDays;

    /// <summary>"route", "result" or empty for both.</summary>
    [BindProperty(SupportsGet = true, Name = "waiting")]
    public string? Waiting { get; set; }

    [BindProperty(SupportsGet = true, Name = "category")]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true, Name = "overdue")]
    public bool OverdueOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = "sort")]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "after")]
    public string? After { get; set; }

    [BindProperty(SupportsGet = true, Name = "before")]
    public string? Before { get; set; }

    public bool IsFirstPage => Queue.Previous is null;

    public static IReadOnlyList<string> Categories => ConcernCategories.All;

    public static IReadOnlyList<(string Value, string Label)> SortChoices { get; } =
    [
        ("oldest", "Longest waiting first"),
        ("overdue", "Overdue first"),
        ("newest", "Newest first"),
        ("case", "Case reference"),
    ];

    public bool IsFiltered => !string.IsNullOrEmpty(Waiting) || !string.IsNullOrEmpty(Category) || OverdueOnly;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Unknown filter values are treated as "no filter" rather than refused: they come from links and bookmarks.
        var query = new ReviewQueueQuery(User.UserId(), OverdueAfterDays, ReviewDateWarningDays, InformalPlanDueDays)
        {
            Kind = Waiting switch { "route" => ReviewTaskKind.RouteDecision, "result" => ReviewTaskKind.InformalResolutionResult, _ => null },
            Category = ConcernCategories.Canonical(Category) ?? (Category == ConcernCategories.Unspecified ? Category : null),
            OverdueOnly = OverdueOnly,
            Sort = Sort switch
            {
                "overdue" => ReviewQueueSort.OverdueFirst,
                "newest" => ReviewQueueSort.NewestFirst,
                "case" => ReviewQueueSort.CaseReference,
                _ => ReviewQueueSort.LongestWaiting,
            },
        };
        try
        {
            try
            {
                Queue = await queue.HandlePageAsync(query, After, Before, PageSize, cancellationToken);
            }
            catch (UseCaseException invalid) when (invalid.Error == UseCaseError.Invalid)
            {
                // A mangled or stale link (a cursor from another sort, say): the first page, with a word why.
                CursorRefused = true;
                Queue = await queue.HandlePageAsync(query, null, null, PageSize, cancellationToken);
            }

            Flags = await flags.ForAsync(Queue.Items.Select(i => i.ConcernId).ToList(), cancellationToken);

            if (IsFirstPage)
            {
                Conflicted = await queue.HandlePageAsync(query with { Conflicted = true, Sort = ReviewQueueSort.LongestWaiting }, null, null, PageSize, cancellationToken);
            }
        }
        catch (UseCaseException refused) when (refused.Error == UseCaseError.Forbidden)
        {
            return Forbid();
        }

        return Page();
    }

    /// <summary>This page's link to another, keeping the filters and sort.</summary>
    public string PageHref(string cursorName, string cursor)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("waiting", Waiting);
        Add("category", Category);
        Add("overdue", OverdueOnly ? "true" : null);
        Add("sort", Sort);
        Add(cursorName, cursor);
        return "/Review?" + string.Join('&', parts);
    }
}
