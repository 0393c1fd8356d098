using JustCulture.Application.Review;
using JustCulture.Application.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Review;

/// <summary>
/// The route decision for one action: route, rationale, the conflict-of-interest declaration and, for a
/// formal investigation, why not informal. A formal investigation is recorded only after the reviewer has
/// checked their answers on a second screen: it is the one route that counts towards WRES indicator 3.
/// </summary>
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

    /// <summary>Set by "Record the formal investigation" on the check-your-answers screen.</summary>
    [BindProperty]
    public bool Confirmed { get; set; }

    /// <summary>Set by a "Change" link on the check-your-answers screen: the field to return to.</summary>
    [BindProperty]
    public string? Change { get; set; }

    /// <summary>True while the reviewer is checking a formal-investigation decision before it is recorded.</summary>
    public bool CheckingAnswers { get; private set; }

    public TaskAnswerView? ChosenRoute => Routes.FirstOrDefault(r => string.Equals(r.Answer, Route, StringComparison.Ordinal));

    public async Task<IActionResult> OnPostAsync(Guid id, Guid taskId, CancellationToken cancellationToken)
    {
        RequireExpectedVersion(ExpectedVersion);
        if (string.IsNullOrWhiteSpace(Route))
        {
            ModelState.AddModelError(nameof(Route), "Select a route");
        }

        var conflict = DeclaredConflict();
        if (await LoadAsync(id, HoldsTask(taskId), cancellationToken) is { } refused)
        {
            return refused;
        }

        if (Change is not null)
        {
            // Back to the form from the check-your-answers screen, answers kept.
            ModelState.Clear();
            return Page();
        }

        // Which routes need the statement is the definition's rule; the step checks it again when recording.
        if (Action is not null && ChosenRoute is { } chosen)
        {
            if (!chosen.RequiresInformalNotAppropriate)
            {
                // Text typed in the hidden statement box before choosing another route is not part of this decision.
                InformalNotAppropriate = null;
            }
            else if (!Confirmed && ModelState.IsValid)
            {
                CheckRequired(chosen);
                CheckingAnswers = ModelState.IsValid;
                return Page();
            }
        }

        return await CompleteAsync(id, taskId, Route, Rationale, InformalNotAppropriate, conflict, nameof(Route), "route", cancellationToken);
    }

    private void CheckRequired(TaskAnswerView route)
    {
        if (route.RequiresRationale && string.IsNullOrWhiteSpace(Rationale))
        {
            ModelState.AddModelError(nameof(Rationale), "Enter the rationale for the route");
        }

        if (string.IsNullOrWhiteSpace(InformalNotAppropriate))
        {
            ModelState.AddModelError(nameof(InformalNotAppropriate), "Enter why informal resolution is not appropriate");
        }
    }
}
