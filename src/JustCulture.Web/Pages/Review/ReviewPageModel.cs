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
    protected IActionResult? Handle(UseCaseException refused, string fieldKey = "")
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
                if (refused.Details.Count > 0)
                {
                    foreach (var detail in refused.Details)
                    {
                        ModelState.AddModelError(fieldKey, detail);
                    }
                }
                else
                {
                    ModelState.AddModelError(fieldKey, refused.Message);
                }

                return null;
        }
    }
}
