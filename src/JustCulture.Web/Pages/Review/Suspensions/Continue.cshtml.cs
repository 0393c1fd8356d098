using JustCulture.Application.Common;
using JustCulture.Application.Suspensions;
using JustCulture.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Review.Suspensions;

/// <summary>A review that proposes it continue to a new review date; a second person approves, as for the proposal.</summary>
public sealed class ContinueModel(CaseSuspensionsHandler suspensions, SuspensionSteps steps, SuspensionRules rules) : OneSuspensionPageModel(suspensions)
{
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

        return await ShowAgainAsync(id, cancellationToken);
    }
}
