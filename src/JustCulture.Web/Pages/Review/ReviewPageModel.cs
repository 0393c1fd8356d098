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
    /// Invalid input and broken rules that name their fields go beside those fields, as the page names them
    /// (<paramref name="fieldOf"/>); a field the page itself already refused (an unreadable date) keeps its own message
    /// rather than the command's "enter a date". Everything else as <see cref="Handle"/>. Null: show the page again.
    /// </summary>
    /// <param name="forbiddenBeside">Also put a refusal of who may decide beside its field (the suspension approver).</param>
    protected IActionResult? RefusedBeside(UseCaseException refused, Func<string, string> fieldOf, bool forbiddenBeside = false)
    {
        ArgumentNullException.ThrowIfNull(refused);
        ArgumentNullException.ThrowIfNull(fieldOf);
        var beside = refused.Error is UseCaseError.Invalid or UseCaseError.RuleViolated || (forbiddenBeside && refused.Error == UseCaseError.Forbidden);
        if (!beside || refused.FieldProblems.Count == 0)
        {
            return Handle(refused);
        }

        var refusedByPage = ModelState.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var problem in refused.FieldProblems)
        {
            var field = fieldOf(problem.Field);
            if (!refusedByPage.Contains(field))
            {
                ModelState.AddModelError(field, problem.Message.TrimEnd('.'));
            }
        }

        return null;
    }

    /// <summary>
    /// Loads what a page about one case shows. An unknown case or one the reviewer may not see is 404 / 403, and a
    /// conflict while only reading means the case's personal data was erased, which has a page of its own. Null: loaded.
    /// </summary>
    protected async Task<IActionResult?> LoadCaseAsync(Guid concernId, Func<Task> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        try
        {
            await load();
            return null;
        }
        catch (UseCaseException refused) when (refused.Error is UseCaseError.NotFound or UseCaseError.Forbidden or UseCaseError.Conflict)
        {
            return refused.Error == UseCaseError.Conflict ? RedirectToPage("/Cases/Erased", new { id = concernId }) : Handle(refused);
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
