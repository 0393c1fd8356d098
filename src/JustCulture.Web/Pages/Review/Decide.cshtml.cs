using JustCulture.Application.Review;
using JustCulture.Application.Tasks;
using JustCulture.Domain.Concerns;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Review;

/// <summary>The route decision for one action: route, rationale and, for formal investigation, why not informal.</summary>
public sealed class DecideModel(GetReviewCaseHandler cases, CompleteTaskHandler complete) : ReviewTaskPageModel(cases, complete)
{
    protected override ReviewTaskKind TaskKind => ReviewTaskKind.RouteDecision;

    protected override string ActionGoneMessage => "This route decision has already been made, or the case has moved on. Return to the case to see where it is.";

    public static IReadOnlyList<string> Routes { get; } = Enum.GetNames<CaseRoute>();

    [BindProperty]
    public string? Route { get; set; }

    [BindProperty]
    public string? Rationale { get; set; }

    [BindProperty]
    public string? InformalNotAppropriate { get; set; }

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

        return await CompleteAsync(id, taskId, Route!, Rationale, Route == nameof(CaseRoute.FormalInvestigation) ? InformalNotAppropriate : null, nameof(Route), "route", cancellationToken);
    }
}
