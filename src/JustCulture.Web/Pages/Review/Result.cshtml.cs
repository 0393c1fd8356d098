using JustCulture.Application.Review;
using JustCulture.Application.Tasks;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Review;

/// <summary>The result of an informal resolution: Resolved closes the action, NotResolved returns it to review.</summary>
public sealed class ResultModel(GetReviewCaseHandler cases, CompleteTaskHandler complete) : ReviewTaskPageModel(cases, complete)
{
    protected override ReviewTaskKind TaskKind => ReviewTaskKind.InformalResolutionResult;

    protected override string ActionGoneMessage => "This result has already been recorded, or the case has moved on. Return to the case to see where it is.";

    /// <summary>The results the task's definition offers.</summary>
    public IReadOnlyList<TaskAnswerView> Results => Action?.PendingTask?.Answers ?? [];

    [BindProperty]
    public string? Result { get; set; }

    [BindProperty]
    public string? Rationale { get; set; }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid taskId, CancellationToken cancellationToken)
    {
        RequireExpectedVersion(ExpectedVersion);
        if (string.IsNullOrWhiteSpace(Result))
        {
            ModelState.AddModelError(nameof(Result), "Select whether the concern was resolved");
        }

        var conflict = DeclaredConflict();
        return await CompleteAsync(id, taskId, Result, Rationale, null, conflict, nameof(Result), "result", cancellationToken);
    }
}
