using JustCulture.Application.Common;
using JustCulture.Application.Review;
using JustCulture.Application.Tasks;
using JustCulture.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Review;

/// <summary>
/// A page that completes one pending review task of a case (the route decision, or an informal resolution's
/// result) through <see cref="CompleteTaskHandler"/> with the version the form was built from.
/// </summary>
public abstract class ReviewTaskPageModel(GetReviewCaseHandler cases, CompleteTaskHandler complete) : ReviewActionPageModel(cases)
{
    protected abstract ReviewTaskKind TaskKind { get; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid taskId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, HoldsTask(taskId), cancellationToken) is { } refused)
        {
            return refused;
        }

        ExpectedVersion = Action?.Version;
        return Page();
    }

    /// <summary>Submits the answer when the form validated; otherwise (or when refused) shows the page again.</summary>
    protected async Task<IActionResult> CompleteAsync(Guid id, Guid taskId, string? answer, string? rationale, string? informalNotAppropriate, string answerField, string done, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                await complete.HandleAsync(new CompleteTaskCommand(taskId, User.UserId(), answer ?? string.Empty, rationale, informalNotAppropriate, ExpectedVersion), cancellationToken);
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

        return await ShowAgainAsync(id, HoldsTask(taskId), cancellationToken);
    }

    private Func<ReviewActionView, bool> HoldsTask(Guid taskId) => a => a.PendingTask?.TaskId == taskId && a.PendingTask.Kind == TaskKind;
}
