using JustCulture.Application.Common;
using JustCulture.Application.Suspensions;
using JustCulture.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Review.Suspensions;

/// <summary>End it, or withdraw a proposal, with a reason: one person may, since lifting is never the risk.</summary>
public sealed class EndModel(CaseSuspensionsHandler suspensions, SuspensionSteps steps) : OneSuspensionPageModel(suspensions)
{
    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        RequireExpectedVersion(ExpectedVersion);
        if (ModelState.IsValid)
        {
            try
            {
                await steps.EndAsync(new EndSuspensionCommand(id, User.UserId(), Reason, ExpectedVersion), cancellationToken);
                return RedirectToPage("Details", new { id, done = "ended" });
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
