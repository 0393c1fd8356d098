using JustCulture.Application.Common;
using JustCulture.Application.Review;
using JustCulture.Application.Tasks;
using JustCulture.Web.Hosting;
using JustCulture.Workflows;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Review;

/// <summary>The result of an informal resolution: Resolved closes the action, NotResolved returns it to review.</summary>
public sealed class ResultModel(GetReviewCaseHandler cases, CompleteTaskHandler complete) : ReviewPageModel
{
    public static IReadOnlyList<string> Results { get; } = [InformalResolutionActivity.Resolved, InformalResolutionActivity.NotResolved];

    public ReviewCaseView Case { get; private set; } = null!;

    public ReviewActionView? Action { get; private set; }

    [BindProperty]
    public string? Result { get; set; }

    [BindProperty]
    public string? Rationale { get; set; }

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
        if (string.IsNullOrWhiteSpace(Result) || !Results.Contains(Result, StringComparer.Ordinal))
        {
            ModelState.AddModelError(nameof(Result), "Select whether the concern was resolved");
        }

        if (string.IsNullOrWhiteSpace(Rationale))
        {
            ModelState.AddModelError(nameof(Rationale), "Enter what happened with the agreed actions");
        }

        if (ModelState.IsValid)
        {
            try
            {
                await complete.HandleAsync(new CompleteTaskCommand(taskId, User.UserId(), Result!, Rationale, null, ExpectedVersion), cancellationToken);
                return RedirectToPage("Case", new { id, done = "result" });
            }
            catch (UseCaseException refused)
            {
                if (Handle(refused, nameof(Result)) is { } result)
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

        Action = Case.Actions.SingleOrDefault(a => a.PendingTask?.TaskId == taskId && a.PendingTask.Kind == ReviewTaskKind.InformalResolutionResult);
        if (Action is null && MovedOnMessage is null)
        {
            MovedOnMessage = "This result has already been recorded, or the case has moved on. Return to the case to see where it is.";
        }

        return null;
    }
}
