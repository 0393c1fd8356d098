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

    /// <summary>The reviewer's conflict-of-interest declaration, as the radios post it ("None" or "Declared").</summary>
    [BindProperty]
    public string? ConflictOfInterest { get; set; }

    [BindProperty]
    public string? ConflictDetails { get; set; }

    /// <summary>The declaration as the command takes it; null (with an error on the field) when none was chosen.</summary>
    protected Domain.Concerns.ConflictOfInterest? DeclaredConflict()
    {
        if (Enum.TryParse<Domain.Concerns.ConflictOfInterest>(ConflictOfInterest, out var conflict) && Enum.IsDefined(conflict))
        {
            // Text left in the hidden details box after switching back to "none" is not part of the declaration.
            if (conflict == Domain.Concerns.ConflictOfInterest.None)
            {
                ConflictDetails = null;
            }

            return conflict;
        }

        ModelState.AddModelError(ConflictDeclaration.Field, "Select whether you have a conflict of interest in this case");
        return null;
    }

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
    protected async Task<IActionResult> CompleteAsync(Guid id, Guid taskId, string? answer, string? rationale, string? informalNotAppropriate,
        Domain.Concerns.ConflictOfInterest? conflict, string answerField, string done, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            try
            {
                await complete.HandleAsync(new CompleteTaskCommand(taskId, User.UserId(), answer ?? string.Empty, rationale, informalNotAppropriate, ExpectedVersion,
                    conflict, ConflictDetails), cancellationToken);
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

    protected Func<ReviewActionView, bool> HoldsTask(Guid taskId) => a => a.PendingTask?.TaskId == taskId && a.PendingTask.Kind == TaskKind;
}
