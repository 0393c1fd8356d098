using JustCulture.Application.Checklist;
using JustCulture.Application.Common;
using JustCulture.Web.Api;
using JustCulture.Web.Hosting;
using JustCulture.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JustCulture.Web.Pages.Concerns;

/// <summary>Check your answers (the saved draft), then submit the whole checklist for the action in one
/// transaction, which also deletes the draft.</summary>
public sealed class CheckAnswersModel(ChecklistDraftHandler drafts, SubmitChecklistHandler submit) : FormPageModel
{

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "ordinal")]
    public int ActionOrdinal { get; set; }

    /// <summary>The version of the action this page was built from; a newer one means the action has moved on.</summary>
    [BindProperty]
    public int ActionVersion { get; set; }

    public ChecklistPreview? Preview { get; private set; }

    /// <summary>Set when the case has moved on (409): the page then says so instead of offering a submit.</summary>
    public string? ConflictMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await LoadAsync(cancellationToken);
        if (result is not null)
        {
            return result;
        }

        ActionVersion = Preview!.ActionVersion;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var result = await LoadAsync(cancellationToken);
        if (result is not null)
        {
            return result;
        }

        try
        {
            var submitted = await submit.HandleAsync(new SubmitChecklistCommand(Id, ActionOrdinal, User.UserId(), Preview!.PathAnswers, ActionVersion), cancellationToken);
            TempData["Confirmation"] = $"Checklist for action {submitted.ActionOrdinal} submitted: outcome {JustCulture.Domain.Vocabulary.Outcome(submitted.Outcome)}. It now goes to an independent commissioning review.";
            return RedirectToPage("/Concerns/Details", new { id = Id });
        }
        catch (UseCaseException refusal) when (refusal.Error is UseCaseError.Forbidden or UseCaseError.NotFound)
        {
            return NotFound();
        }
        catch (UseCaseException refusal) when (refusal.Error == UseCaseError.Conflict)
        {
            return MovedOn(refusal.Message);
        }
        catch (UseCaseException refusal)
        {
            ModelState.AddModelError(string.Empty, refusal.Message);
            Response.StatusCode = UseCaseProblems.StatusOf(refusal.Error);
            return Page();
        }
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var draft = await drafts.LoadAsync(new LoadChecklistDraftQuery(Id, ActionOrdinal, User.UserId()), cancellationToken);
            if (draft.DiscardedMessage is not null)
            {
                TempData[ChecklistModel.DraftMessageKey] = draft.DiscardedMessage;
                return RedirectToPage("/Concerns/Checklist", new { id = Id, ordinal = ActionOrdinal });
            }

            Preview = draft.Preview;
        }
        catch (UseCaseException refusal) when (refusal.Error is UseCaseError.Forbidden or UseCaseError.NotFound)
        {
            return NotFound();
        }
        catch (UseCaseException refusal) when (refusal.Error == UseCaseError.Conflict)
        {
            return MovedOn(refusal.Message);
        }

        return Preview.IsComplete ? null : RedirectToPage("/Concerns/Checklist", new { id = Id, ordinal = ActionOrdinal });
    }

    private PageResult MovedOn(string message)
    {
        ConflictMessage = message;
        Preview = null;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
