using JustCulture.Application.Checklist;
using JustCulture.Application.Common;
using JustCulture.Application.Concerns;
using JustCulture.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JustCulture.Web.Pages.Concerns;

/// <summary>One concern the signed-in line manager raised: each action's outcome and what it means, and the
/// decisions so far in plain words. Anyone else's concern is a 404.</summary>
public sealed class DetailsModel(GetConcernHandler concerns, ConcernTimelineHandler timeline, ChecklistDraftHandler drafts,
    JustCulture.Application.Clocks.StageClockReader clocks, JustCulture.Application.Wellbeing.CaseWellbeingHandler wellbeing) : PageModel
{
    /// <summary>The person's wellbeing contact and support: the line manager is one of the case's parties.</summary>
    public JustCulture.Application.Wellbeing.WellbeingView Wellbeing { get; private set; } = null!;

    /// <summary>Each open action's stage clock, by action.</summary>
    public IReadOnlyDictionary<int, JustCulture.Application.Clocks.StageClock> Clocks { get; private set; } = new Dictionary<int, JustCulture.Application.Clocks.StageClock>();

    /// <summary>What the line manager just did: "delay" after recording why a checklist is late.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ConcernView Concern { get; private set; } = null!;

    public IReadOnlyList<TimelineEntryView> Timeline { get; private set; } = [];

    /// <summary>The actions whose checklist this user has started and saved.</summary>
    public IReadOnlySet<int> ActionsWithDraft { get; private set; } = new HashSet<int>();

    public string? Confirmation { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Concern = await concerns.HandleForAsync(Id, User.UserId(), cancellationToken);
            Timeline = await timeline.HandleForAsync(Id, User.UserId(), cancellationToken);
        }
        catch (UseCaseException refusal) when (refusal.Error is UseCaseError.Forbidden or UseCaseError.NotFound)
        {
            return NotFound();
        }
        catch (UseCaseException refusal) when (refusal.Error is UseCaseError.Conflict)
        {
            // The only conflict a read meets: the case was erased at the end of its retention period.
            return RedirectToPage("/Cases/Erased", new { id = Id });
        }

        ActionsWithDraft = await drafts.ActionsWithDraftAsync(Id, User.UserId(), cancellationToken);
        Clocks = ((await clocks.ForAsync([Id], cancellationToken)).GetValueOrDefault(Id) ?? []).ToDictionary(c => c.ActionOrdinal);
        Wellbeing = await wellbeing.HandleAsync(Id, User.UserId(), cancellationToken);
        Confirmation = TempData["Confirmation"] as string;
        return Page();
    }
}
