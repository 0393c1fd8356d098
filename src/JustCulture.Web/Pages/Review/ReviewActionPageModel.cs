using JustCulture.Application.Common;
using JustCulture.Application.Review;
using JustCulture.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Review;

/// <summary>
/// A review page with a form about one action of a case: loads the case for the reviewer, finds the action, and
/// carries the case version the form was built from so a stale or repeated form shows "moved on" instead of acting twice.
/// </summary>
public abstract class ReviewActionPageModel(GetReviewCaseHandler cases) : ReviewPageModel
{
    public ReviewCaseView Case { get; private set; } = null!;

    public ReviewActionView? Action { get; private set; }

    /// <summary>The version of the action the form was built from; a newer one means the action moved on.</summary>
    [BindProperty]
    public int? ExpectedVersion { get; set; }

    /// <summary>Shown when the action is no longer where this page expects it (done, or the case moved on).</summary>
    protected abstract string ActionGoneMessage { get; }

    /// <summary>Loads the case and the action <paramref name="isTarget"/> picks; a refusal to show the case is returned.</summary>
    protected async Task<IActionResult?> LoadAsync(Guid id, Func<ReviewActionView, bool> isTarget, CancellationToken cancellationToken)
    {
        try
        {
            Case = await cases.HandleAsync(new GetReviewCaseQuery(id, User.UserId()), cancellationToken);
        }
        catch (UseCaseException refused) when (refused.Error is UseCaseError.NotFound or UseCaseError.Forbidden)
        {
            return Handle(refused);
        }

        Action = Case.Actions.SingleOrDefault(isTarget);
        if (Action is null && MovedOnMessage is null)
        {
            // Say so rather than show a dead form.
            MovedOnMessage = ActionGoneMessage;
        }

        return null;
    }

    /// <summary>After an invalid or refused post: the page again, on the case as it is now.</summary>
    protected async Task<IActionResult> ShowAgainAsync(Guid id, Func<ReviewActionView, bool> isTarget, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, isTarget, cancellationToken) is { } refusedOnLoad)
        {
            return refusedOnLoad;
        }

        if (MovedOnMessage is not null)
        {
            // The reviewer has now seen the current case; a deliberate resubmission may go ahead.
            ExpectedVersion = Action?.Version;
        }

        return Page();
    }
}
