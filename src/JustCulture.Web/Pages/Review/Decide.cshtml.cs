using JustCulture.Application.Common;
using JustCulture.Application.Review;
using JustCulture.Application.Tasks;
using JustCulture.Domain.Concerns;
using JustCulture.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Review;

/// <summary>The route decision for one action: route, rationale and, for formal investigation, why not informal.</summary>
public sealed class DecideModel(GetReviewCaseHandler cases, CompleteTaskHandler complete) : ReviewPageModel
{
    public static IReadOnlyList<string> Routes { get; } = Enum.GetNames<CaseRoute>();

    public ReviewCaseView Case { get; private set; } = null!;

    public ReviewActionView? Action { get; private set; }

    [BindProperty]
    public string? Route { get; set; }

    [BindProperty]
    public string? Rationale { get; set; }

    [BindProperty]
    public string? InformalNotAppropriate { get; set; }

    /// <summary>The case version the form was built from; a newer one means the case moved on.</summary>
    [BindProperty]
    public int? ExpectedVersion { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid taskId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, taskId, cancellationToken) is { } refused)
        {
            return refused;
        }

        ExpectedVersion = Case.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid taskId, CancellationToken cancellationToken)
    {
        RequireExpectedVersion(ExpectedVersion);
        if (string.IsNullOrWhiteSpace(Route) || !Routes.Contains(Route, StringComparer.Ordinal))
        {
            ModelState.AddModelError(nameof(Route), "Select a route");
        }

        if (string.IsNullOrWhiteSpace(Rationale))
        {
            ModelState.AddModelError(nameof(Rationale), "Enter the rationale for the route");
        }

        if (Route == nameof(CaseRoute.FormalInvestigation) && string.IsNullOrWhiteSpace(InformalNotAppropriate))
        {
            ModelState.AddModelError(nameof(InformalNotAppropriate), "Enter why informal resolution is not appropriate");
        }

        if (ModelState.IsValid)
        {
            try
            {
                var statement = Route == nameof(CaseRoute.FormalInvestigation) ? InformalNotAppropriate : null;
                await complete.HandleAsync(new CompleteTaskCommand(taskId, User.UserId(), Route!, Rationale, statement, ExpectedVersion), cancellationToken);
                return RedirectToPage("Case", new { id, done = "route" });
            }
            catch (UseCaseException refused)
            {
                if (Handle(refused, nameof(Route)) is { } result)
                {
                    return result;
                }
            }
        }

        if (await LoadAsync(id, taskId, cancellationToken) is { } refusedOnLoad)
        {
            return refusedOnLoad;
        }

        if (MovedOnMessage is not null)
        {
            // The reviewer has now seen the current case; a deliberate resubmission may go ahead.
            ExpectedVersion = Case.Version;
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, Guid taskId, CancellationToken cancellationToken)
    {
        try
        {
            Case = await cases.HandleAsync(new GetReviewCaseQuery(id, User.UserId()), cancellationToken);
        }
        catch (UseCaseException refused) when (refused.Error is UseCaseError.NotFound or UseCaseError.Forbidden)
        {
            return Handle(refused);
        }

        Action = Case.Actions.SingleOrDefault(a => a.PendingTask?.TaskId == taskId && a.PendingTask.Kind == ReviewTaskKind.RouteDecision);
        if (Action is null && MovedOnMessage is null)
        {
            // The task is done or never existed on this case: say so rather than show a dead form.
            MovedOnMessage = "This route decision has already been made, or the case has moved on. Return to the case to see where it is.";
        }

        return null;
    }
}
