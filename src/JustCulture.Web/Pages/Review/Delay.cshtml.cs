using JustCulture.Application.Clocks;
using JustCulture.Application.Common;
using JustCulture.Application.Review;
using JustCulture.Domain.Concerns;
using JustCulture.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Review;

/// <summary>Why a stage is past its working-day target: one of a fixed list plus a few words, recorded through
/// <see cref="RecordStageDelayHandler"/> (docs/domain/case-clocks.md, "Delay reasons").</summary>
public sealed class DelayModel(GetReviewCaseHandler cases, StageClockReader clocks, RecordStageDelayHandler delays) : ReviewPageModel
{
    public ReviewCaseView Case { get; private set; } = null!;

    public StageClock? Clock { get; private set; }

    [BindProperty]
    public StageDelayReason? Reason { get; set; }

    [BindProperty]
    public string? Details { get; set; }

    [BindProperty]
    public int? ExpectedVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int ordinal, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, ordinal, cancellationToken) is { } refused)
        {
            return refused;
        }

        ExpectedVersion = Case.Actions.Single(a => a.Ordinal == ordinal).Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int ordinal, CancellationToken cancellationToken)
    {
        RequireExpectedVersion(ExpectedVersion);
        if (ModelState.IsValid)
        {
            try
            {
                await delays.HandleAsync(new RecordStageDelayCommand(id, ordinal, User.UserId(), Reason, Details, ExpectedVersion), cancellationToken);
                return RedirectToPage("Case", new { id, done = "delay" });
            }
            catch (UseCaseException refused)
            {
                if (Handle(refused) is { } result)
                {
                    return result;
                }
            }
        }

        return await LoadAsync(id, ordinal, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, int ordinal, CancellationToken cancellationToken)
    {
        try
        {
            Case = await cases.HandleAsync(new GetReviewCaseQuery(id, User.UserId()), cancellationToken);
        }
        catch (UseCaseException refused) when (refused.Error is UseCaseError.NotFound or UseCaseError.Forbidden or UseCaseError.Conflict)
        {
            return refused.Error == UseCaseError.Conflict ? RedirectToPage("/Cases/Erased", new { id }) : Handle(refused);
        }

        if (Case.Actions.All(a => a.Ordinal != ordinal))
        {
            return NotFound();
        }

        Clock = await clocks.ForActionAsync(id, ordinal, cancellationToken);
        return null;
    }
}
