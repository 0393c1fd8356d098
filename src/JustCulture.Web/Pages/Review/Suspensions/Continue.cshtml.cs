using JustCulture.Application.Common;
using JustCulture.Application.Suspensions;
using JustCulture.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Review.Suspensions;

/// <summary>A review that proposes it continue to a new review date; a second person approves, as for the proposal.</summary>
public sealed class ContinueModel(CaseSuspensionsHandler suspensions, SuspensionSteps steps, SuspensionRules rules) : SuspensionPageModel
{
    public SuspensionView Suspension { get; private set; } = null!;

    public int MaxReviewDays => rules.MaxReviewDays;

    [BindProperty]
    public string? Rationale { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        RequireExpectedVersion(ExpectedVersion);
        var reviewDate = ReviewDate();
        if (ModelState.IsValid || BadDate)
        {
            try
            {
                await steps.ProposeContinuationAsync(new ProposeContinuationCommand(id, User.UserId(), Rationale, reviewDate, ExpectedVersion), cancellationToken);
                return RedirectToPage("Details", new { id, done = "reviewed" });
            }
            catch (UseCaseException refused)
            {
                if (Refused(refused, field => field) is { } result)
                {
                    return result;
                }
            }
        }

        var posted = ExpectedVersion;
        var shown = await LoadAsync(id, cancellationToken);
        ExpectedVersion = posted;
        return shown ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Suspension = await suspensions.OneAsync(id, User.UserId(), cancellationToken);
        }
        catch (UseCaseException refused) when (refused.Error is UseCaseError.NotFound or UseCaseError.Forbidden)
        {
            return Handle(refused);
        }

        ExpectedVersion = Suspension.Version;
        return null;
    }
}
