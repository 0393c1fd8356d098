using JustCulture.Application.Checklist;
using JustCulture.Application.Common;
using JustCulture.Web.Hosting;
using JustCulture.Web.Pages.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Concerns;

/// <summary>One checklist question per page (NHS.UK question page). Answers go into the draft only; the
/// next question shown is the one the workflow definition leads to.</summary>
public sealed class ChecklistModel(PreviewChecklistHandler preview, IDataProtectionProvider protection) : FormPageModel
{
    private readonly ChecklistDraftStore _drafts = new(protection);

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "ordinal")]
    public int ActionOrdinal { get; set; }

    /// <summary>The activity id of the question to show or answer (GET: to change an earlier answer).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Question { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    public ChecklistPreview Preview { get; private set; } = null!;

    public ChecklistQuestionView Current { get; private set; } = null!;

    /// <summary>Where the back link goes: the previous question on the path, or the concern.</summary>
    public string BackUrl { get; private set; } = "/Concerns";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var draft = _drafts.Read(HttpContext, User.UserId(), Id, ActionOrdinal);
        var outcome = await LoadAsync(draft, cancellationToken);
        if (outcome is not null)
        {
            return outcome;
        }

        if (SelectQuestion() is null)
        {
            return RedirectToPage("/Concerns/CheckAnswers", new { id = Id, ordinal = ActionOrdinal });
        }

        Answer = draft.GetValueOrDefault(Current.ActivityId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var draft = _drafts.Read(HttpContext, User.UserId(), Id, ActionOrdinal);
        var outcome = await LoadAsync(draft, cancellationToken);
        if (outcome is not null)
        {
            return outcome;
        }

        if (SelectQuestion() is null)
        {
            return RedirectToPage("/Concerns/CheckAnswers", new { id = Id, ordinal = ActionOrdinal });
        }

        if (string.IsNullOrWhiteSpace(Answer) || !Current.Answers.Contains(Answer, StringComparer.Ordinal))
        {
            ModelState.AddModelError(nameof(Answer), $"Select {string.Join(" or ", Current.Answers.Select(a => a.ToLowerInvariant()))}");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        draft[Current.ActivityId] = Answer;
        _drafts.Write(HttpContext, User.UserId(), Id, ActionOrdinal, draft);
        // Without a question named, GET shows the next unanswered question on the path, or the check page.
        return RedirectToPage("/Concerns/Checklist", new { id = Id, ordinal = ActionOrdinal });
    }

    private async Task<IActionResult?> LoadAsync(Dictionary<string, string> draft, CancellationToken cancellationToken)
    {
        try
        {
            Preview = await preview.HandleAsync(new PreviewChecklistQuery(Id, ActionOrdinal, User.UserId(), draft), cancellationToken);
            BackUrl = $"/Concerns/Details/{Id}";
            return null;
        }
        catch (UseCaseException refusal) when (refusal.Error is UseCaseError.Forbidden or UseCaseError.NotFound)
        {
            // Another manager's concern looks exactly like one that does not exist.
            return NotFound();
        }
        catch (UseCaseException refusal) when (refusal.Error == UseCaseError.Conflict)
        {
            return RedirectToPage("/Concerns/Details", new { id = Id });
        }
    }

    /// <summary>Picks the question to show: the one named (if it is on the current path), else the next one.</summary>
    private ChecklistQuestionView? SelectQuestion()
    {
        var onPath = Preview.Answered.Select(a => a.Question).ToList();
        if (Preview.Next is not null)
        {
            onPath.Add(Preview.Next);
        }

        var chosen = onPath.FirstOrDefault(q => string.Equals(q.ActivityId, Question, StringComparison.Ordinal))
            ?? Preview.Next;
        if (chosen is null)
        {
            return null;
        }

        Current = chosen;
        var index = onPath.IndexOf(chosen);
        BackUrl = index > 0
            ? $"/Concerns/Checklist/{Id}/{ActionOrdinal}?question={Uri.EscapeDataString(onPath[index - 1].ActivityId)}"
            : $"/Concerns/Details/{Id}";
        return chosen;
    }
}
