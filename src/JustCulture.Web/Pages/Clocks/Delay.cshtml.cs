using JustCulture.Application.Clocks;
using JustCulture.Application.Common;
using JustCulture.Domain.Concerns;
using JustCulture.Web.Hosting;
using JustCulture.Web.Pages.Review;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Clocks;

/// <summary>Why a stage is past its target: one of the fixed reasons and a few words, recorded as a case step
/// (docs/domain/case-clocks.md). Open to whoever's work the stage is; anyone else gets the 403 or 404 every case page gives.</summary>
public sealed class DelayModel(CaseClocksHandler clocks, RecordStageDelayHandler record) : ReviewPageModel
{
    public ActionClockView Action { get; private set; } = null!;

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Details { get; set; }

    [BindProperty]
    public int? ExpectedVersion { get; set; }

    public static IReadOnlyList<StageDelayReason> Reasons { get; } = Enum.GetValues<StageDelayReason>();

    /// <summary>Where the person came from: their own concern page for the raiser, the case page for a reviewer.</summary>
    public string BackLink => Action.Stage == ActionStage.Checklist ? $"/Concerns/Details/{Action.ConcernId}" : $"/Review/Case/{Action.ConcernId}";

    public async Task<IActionResult> OnGetAsync(Guid id, int action, CancellationToken cancellationToken) =>
        await LoadAsync(id, action, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, int action, CancellationToken cancellationToken)
    {
        RequireExpectedVersion(ExpectedVersion);
        StageDelayReason? reason = Enum.TryParse<StageDelayReason>(Reason, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        if (ModelState.IsValid)
        {
            try
            {
                await record.HandleAsync(new RecordStageDelayCommand(id, action, User.UserId(), reason, Details, ExpectedVersion), cancellationToken);
                return Redirect(await BackLinkAsync(id, action, cancellationToken) + $"?done=delay#action-{action}");
            }
            catch (UseCaseException refused)
            {
                if (Handle(refused) is { } result)
                {
                    return result;
                }
            }
        }

        var posted = ExpectedVersion;
        var shown = await LoadAsync(id, action, cancellationToken);
        ExpectedVersion = posted;
        return shown ?? Page();
    }

    private async Task<string> BackLinkAsync(Guid id, int action, CancellationToken cancellationToken)
    {
        Action = await clocks.ForDelayAsync(id, action, User.UserId(), cancellationToken);
        return BackLink;
    }

    private async Task<IActionResult?> LoadAsync(Guid id, int action, CancellationToken cancellationToken)
    {
        if (await LoadCaseAsync(id, async () => Action = await clocks.ForDelayAsync(id, action, User.UserId(), cancellationToken)) is { } refusal)
        {
            return refusal;
        }

        ExpectedVersion = Action.ActionVersion;
        return null;
    }
}
