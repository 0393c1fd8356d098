using JustCulture.Application.Common;
using JustCulture.Application.Review;
using JustCulture.Application.Tasks;
using JustCulture.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Review;

/// <summary>
/// A page that completes one pending review task of a case (the route decision, or an informal resolution's
/// result): loads the case for the reviewer, finds the task, and submits through <see cref="CompleteTaskHandler"/>
/// with the version the form was built from, so a stale or repeated form shows "moved on" rather than deciding twice.
/// </summary>
public abstract class ReviewTaskPageModel(GetReviewCaseHandler cases, CompleteTaskHandler complete) : ReviewPageModel
{
    public ReviewCaseView Case { get; private set; } = null!;

    public ReviewActionView? Action { get; private set; }

    /// <summary>The case version the form was built from; a newer one means the case moved on.</summary>
    [BindProperty]
    public int? ExpectedVersion { get; set; }

    protected abstract ReviewTaskKind TaskKind { get; }

    /// <summary>Shown when the task is done or never existed on this case.</summary>
    protected abstract string TaskGoneMessage { get; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid taskId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, taskId, cancellationToken) is { } refused)
        {
            return refused;
        }

        ExpectedVersion = Case.Version;
        return Page();
    }

    /// <summary>Submits the answer when the form validated; otherwise (or when refused) shows the page again.</summary>
    protected async Task<IActionResult> CompleteAsync(Guid id, Guid taskId, string answer, string? rationale, string? informalNotAppropriate, string answerField, string done, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                await complete.HandleAsync(new CompleteTaskCommand(taskId, User.UserId(), answer, rationale, informalNotAppropriate, ExpectedVersion), cancellationToken);
                return RedirectToPage("Case", new { id, done });
            }
            catch (UseCaseException refused)
            {
                if (Handle(refused, answerField) is { } result)
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

        Action = Case.Actions.SingleOrDefault(a => a.PendingTask?.TaskId == taskId && a.PendingTask.Kind == TaskKind);
        if (Action is null && MovedOnMessage is null)
        {
            // Say so rather than show a dead form.
            MovedOnMessage = TaskGoneMessage;
        }

        return null;
    }
}
