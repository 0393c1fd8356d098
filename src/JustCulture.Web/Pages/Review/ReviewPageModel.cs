using JustCulture.Application.Common;
using JustCulture.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Review;

/// <summary>Turns refusals from the review use cases into what a page shows.</summary>
public abstract class ReviewPageModel : FormPageModel
{
    /// <summary>Set when the case moved on under the reviewer's form (stale version or task already done).</summary>
    public string? MovedOnMessage { get; protected set; }

    /// <summary>A form posted without the version it was built from cannot be checked for staleness: refuse it.</summary>
    protected void RequireExpectedVersion(int? expectedVersion)
    {
        if (expectedVersion is null)
        {
            ModelState.Remove("ExpectedVersion");
            ModelState.AddModelError(string.Empty, "This form was incomplete. Reload the page and try again.");
        }
    }

    /// <summary>
    /// Not-found and forbidden become 404 / 403; a conflict becomes the "moved on" message; invalid input
    /// and broken rules go to the error summary. Returns null when the page should be shown again.
    /// </summary>
    /// <param name="answerField">The page's name for the command's answer (the choice the form offers).</param>
    protected IActionResult? Handle(UseCaseException refused, string answerField = "")
    {
        ArgumentNullException.ThrowIfNull(refused);
        switch (refused.Error)
        {
            case UseCaseError.NotFound:
                return NotFound();
            case UseCaseError.Forbidden:
                return Forbid();
            case UseCaseError.Conflict:
                MovedOnMessage = refused.Message;
                ModelState.AddModelError(string.Empty, "This case has moved on since you loaded the page. Check what changed below before deciding again.");
                return null;
            default:
                // Each problem goes beside the input it names; the page's inputs are named as the command's.
                if (refused.FieldProblems.Count > 0)
                {
                    foreach (var problem in refused.FieldProblems)
                    {
                        ModelState.AddModelError(problem.Field == "Answer" ? answerField : problem.Field, problem.Message);
                    }
                }
                else
                {
                    ModelState.AddModelError(string.Empty, refused.Message);
                }

                return null;
        }
    }
}
