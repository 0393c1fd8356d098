using JustCulture.Application.Review;
using JustCulture.Application.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Review;

/// <summary>The route decision for one action: route, rationale and, for formal investigation, why not informal.</summary>
public sealed class DecideModel(GetReviewCaseHandler cases, CompleteTaskHandler complete) : ReviewTaskPageModel(cases, complete)
{
    protected override ReviewTaskKind TaskKind => ReviewTaskKind.RouteDecision;

    protected override string ActionGoneMessage => "This route decision has already been made, or the case has moved on. Return to the case to see where it is.";

    /// <summary>The routes the task's definition offers, with what each requires.</summary>
    public IReadOnlyList<TaskAnswerView> Routes => Action?.PendingTask?.Answers ?? [];

    [BindProperty]
    public string? Route { get; set; }

    [BindProperty]
    public string? Rationale { get; set; }

    [BindProperty]
    public string? InformalNotAppropriate { get; set; }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid taskId, CancellationToken cancellationToken)
    {
        // Shape only: which routes exist and what each requires is the definition's, checked by the step.
        RequireExpectedVersion(ExpectedVersion);
        if (string.IsNullOrWhiteSpace(Route))
        {
            ModelState.AddModelError(nameof(Route), "Select a route");
        }

        return await CompleteAsync(id, taskId, Route, Rationale, InformalNotAppropriate, nameof(Route), "route", cancellationToken);
    }
}
