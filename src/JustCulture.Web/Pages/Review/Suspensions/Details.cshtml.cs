using JustCulture.Application.Common;
using JustCulture.Application.Suspensions;
using JustCulture.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Review.Suspensions;

/// <summary>One suspension: what was proposed and decided, and the approver's decision when one is waiting.</summary>
public sealed class DetailsModel(CaseSuspensionsHandler suspensions, SuspensionSteps steps) : OneSuspensionPageModel(suspensions)
{
    /// <summary>What was just done: "proposed", "approved", "declined", "reviewed", "ended".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public string? DeclineReason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken cancellationToken) =>
        await DecideAsync(id, approve: true, cancellationToken);

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken cancellationToken) =>
        await DecideAsync(id, approve: false, cancellationToken);

    private async Task<IActionResult> DecideAsync(Guid id, bool approve, CancellationToken cancellationToken)
    {
        RequireExpectedVersion(ExpectedVersion);
        if (ModelState.IsValid)
        {
            try
            {
                await steps.DecideAsync(new DecideSuspensionCommand(id, User.UserId(), approve, approve ? null : DeclineReason, ExpectedVersion), cancellationToken);
                return RedirectToPage("Details", new { id, done = approve ? "approved" : "declined" });
            }
            catch (UseCaseException refused)
            {
                if (Refused(refused, field => field == "Reason" ? nameof(DeclineReason) : field == "Approver" ? string.Empty : field) is { } result)
                {
                    return result;
                }
            }
        }

        return await LoadAsync(id, cancellationToken) ?? Page();
    }
}
