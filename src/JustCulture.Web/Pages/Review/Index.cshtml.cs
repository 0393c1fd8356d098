using JustCulture.Application.Common;
using JustCulture.Application.Review;
using JustCulture.Domain.Concerns;
using JustCulture.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace JustCulture.Web.Pages.Review;

/// <summary>The review queue, filtered by what is waiting, category and overdue, and sorted; filters travel in the query string.</summary>
public sealed class IndexModel(ReviewQueueHandler queue, IOptions<JustCultureWebOptions> options, JustCulture.Application.Cases.CaseFlagsHandler flags) : PageModel
{
    /// <summary>Flags of the listed cases (an open or overdue suspension), by concern.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<JustCulture.Application.Cases.CaseFlag>> Flags { get; private set; } =
        new Dictionary<Guid, IReadOnlyList<JustCulture.Application.Cases.CaseFlag>>();

    public IReadOnlyList<ReviewQueueItem> Items { get; private set; } = [];

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
            Items = await queue.HandleAsync(query, cancellationToken);
            Flags = await flags.ForAsync(Items.Where(i => i.Conflict is null).Select(i => i.ConcernId).ToList(), cancellationToken);
        }
        catch (UseCaseException refused) when (refused.Error == UseCaseError.Forbidden)
        {
            return Forbid();
        }

        return Page();
    }
}
