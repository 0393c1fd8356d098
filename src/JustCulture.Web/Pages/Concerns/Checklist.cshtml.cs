using JustCulture.Application.Checklist;
using JustCulture.Application.Common;
using JustCulture.Web.Hosting;
using JustCulture.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Concerns;

/// <summary>One checklist question per page (NHS.UK question page). Each answer, and each step back, is saved
/// in the line manager's server-side draft, so the walk resumes where they were after signing out. The next
/// question shown is the one the workflow definition leads to.</summary>
public sealed class ChecklistModel(ChecklistDraftHandler drafts) : FormPageModel
{
    internal const string DraftMessageKey = "ChecklistDraftMessage";

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

    /// <summary>Why saved answers were cleared, when they could not be used.</summary>
    public string? DraftMessage { get; private set; }

    /// <summary>Where the back link goes: the previous question on the path, or the concern.</summary>
    public string BackUrl { get; private set; } = "/Concerns";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var (draft, refused) = await LoadAsync(cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        DraftMessage = draft!.DiscardedMessage ?? TempData[DraftMessageKey] as string;
        if (SelectQuestion(Question ?? draft.CurrentQuestion) is null)
        {
            return RedirectToPage("/Concerns/CheckAnswers", new { id = Id, ordinal = ActionOrdinal });
        }

        // Going back (or following a change link) is a step too: remember it, so resuming opens here.
        var position = Current.ActivityId == Preview.Next?.ActivityId ? null : Current.ActivityId;
        if (Question is not null && !string.Equals(position, draft.CurrentQuestion, StringComparison.Ordinal))
        {
            await drafts.SaveAsync(new SaveChecklistDraftCommand(Id, ActionOrdinal, User.UserId(), draft.Answers, position), cancellationToken);
        }

        Answer = draft.Answers.GetValueOrDefault(Current.ActivityId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var (draft, refused) = await LoadAsync(cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (draft!.DiscardedMessage is not null)
        {
            TempData[DraftMessageKey] = draft.DiscardedMessage;
            return RedirectToPage("/Concerns/Checklist", new { id = Id, ordinal = ActionOrdinal });
        }

        // An answer belongs to the question it was given to; one no longer on the path (another tab changed
        // an earlier answer) is not moved onto a different question.
        if (SelectQuestion(Question) is null || !string.Equals(Current.ActivityId, Question, StringComparison.Ordinal))
        {
            return RedirectToPage("/Concerns/Checklist", new { id = Id, ordinal = ActionOrdinal });
        }

        if (string.IsNullOrWhiteSpace(Answer) || !Current.Answers.Contains(Answer, StringComparer.Ordinal))
        {
            ModelState.AddModelError(nameof(Answer), $"Select {string.Join(" or ", Current.Answers.Select(a => a.ToLowerInvariant()))}");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var answers = new Dictionary<string, string>(draft.Answers, StringComparer.Ordinal) { [Current.ActivityId] = Answer };
        try
        {
            await drafts.SaveAsync(new SaveChecklistDraftCommand(Id, ActionOrdinal, User.UserId(), answers, CurrentQuestion: null), cancellationToken);
        }
        catch (UseCaseException refusal) when (refusal.Error == UseCaseError.Invalid)
        {
            ModelState.AddModelError(nameof(Answer), refusal.Message);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // Without a question named, GET shows the next unanswered question on the path, or the check page.
        return RedirectToPage("/Concerns/Checklist", new { id = Id, ordinal = ActionOrdinal });
    }

    private async Task<(ChecklistDraftView? Draft, IActionResult? Refused)> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var draft = await drafts.LoadAsync(new LoadChecklistDraftQuery(Id, ActionOrdinal, User.UserId()), cancellationToken);
            Preview = draft.Preview;
            BackUrl = $"/Concerns/Details/{Id}";
            return (draft, null);
        }
        catch (UseCaseException refusal) when (refusal.Error is UseCaseError.Forbidden or UseCaseError.NotFound)
        {
            // Another manager's concern looks exactly like one that does not exist.
            return (null, NotFound());
        }
        catch (UseCaseException refusal) when (refusal.Error == UseCaseError.Conflict)
        {
            return (null, RedirectToPage("/Concerns/Details", new { id = Id }));
        }
    }

    /// <summary>Picks the question to show: the one named (if it is on the current path), else the next one.</summary>
    private ChecklistQuestionView? SelectQuestion(string? wanted)
    {
        var onPath = Preview.Answered.Select(a => a.Question).ToList();
        if (Preview.Next is not null)
        {
            onPath.Add(Preview.Next);
        }

        var chosen = onPath.FirstOrDefault(q => string.Equals(q.ActivityId, wanted, StringComparison.Ordinal))
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
