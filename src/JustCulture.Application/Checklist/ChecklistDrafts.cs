using JustCulture.Application.Cases;
using JustCulture.Application.Common;
using JustCulture.Persistence;
using JustCulture.Persistence.Checklist;
using JustCulture.Workflows;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Checklist;

/// <summary>A line manager's checklist in progress for one action, and where it leads so far.</summary>
/// <param name="Answers">Every stored answer, including any an earlier change has taken off the path.</param>
/// <param name="CurrentQuestion">The question to open on, when it is still on the path; otherwise the next unanswered one.</param>
/// <param name="DiscardedMessage">Set when a stored draft could not be used and was discarded, to tell the user why.</param>
public sealed record ChecklistDraftView(
    ChecklistPreview Preview,
    IReadOnlyDictionary<string, string> Answers,
    string? CurrentQuestion,
    DateTime? SavedAtUtc,
    string? DiscardedMessage);

public sealed record LoadChecklistDraftQuery(Guid ConcernId, int ActionOrdinal, string UserId);

/// <param name="Answers">The whole draft (it replaces what is stored), keyed by question activity id.</param>
/// <param name="CurrentQuestion">The question the user is on (e.g. after going back), or null for "the next one".</param>
public sealed record SaveChecklistDraftCommand(Guid ConcernId, int ActionOrdinal, string UserId, IReadOnlyDictionary<string, string> Answers, string? CurrentQuestion);

/// <summary>
/// Keeps a line manager's checklist answers on the server between questions, so the walk survives signing
/// out, a lost session or another browser. Only the line manager who raised the concern reaches it (the case
/// access policy), and each draft is keyed by its owner, so nobody else can read or overwrite it. A draft is
/// not a decision: it never touches the decision log, the case or its workflow, and so never a report.
/// </summary>
public sealed class ChecklistDraftHandler(JustCultureDbContext db, CaseReader cases, WorkflowRunner runner, TimeProvider clock)
{
    public const string DiscardedMessage =
        "Your saved answers to this checklist could not be used (the checklist may have changed since you saved them), so they have been cleared. Answer the questions again.";

    public async Task<ChecklistDraftView> LoadAsync(LoadChecklistDraftQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var (loaded, definition) = await ReadOpenActionAsync(query.ConcernId, query.ActionOrdinal, query.UserId, cancellationToken);
        var stored = await FindAsync(loaded, cancellationToken);
        string? discarded = null;
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (stored is not null)
        {
            if (ChecklistDraftRules.Read(stored, definition) is { } valid)
            {
                answers = valid;
            }
            else
            {
                // Only this version of the row: a save that raced ahead of us is kept.
                await db.ChecklistDrafts
                    .Where(d => d.WorkflowInstanceId == stored.WorkflowInstanceId && d.UserId == stored.UserId && d.SavedAtUtc == stored.SavedAtUtc)
                    .ExecuteDeleteAsync(cancellationToken);
                discarded = DiscardedMessage;
                stored = null;
            }
        }

        return View(loaded, definition, answers, stored?.CurrentQuestion, stored?.SavedAtUtc, discarded);
    }

    public async Task<ChecklistDraftView> SaveAsync(SaveChecklistDraftCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Answers is null)
        {
            throw UseCaseException.Invalid(nameof(command.Answers), "Send the answers so far, even if there are none.");
        }

        var (loaded, definition) = await ReadOpenActionAsync(command.ConcernId, command.ActionOrdinal, command.UserId, cancellationToken);
        var answers = command.Answers.ToDictionary(a => a.Key, a => a.Value?.Trim() ?? string.Empty, StringComparer.Ordinal);
        if (ChecklistDraftRules.Problem(definition, answers, command.CurrentQuestion) is { } problem)
        {
            throw UseCaseException.Invalid(nameof(command.Answers), problem);
        }

        var json = ChecklistDraftRules.Serialise(answers);
        if (json.Length > ChecklistDraftRecord.MaxAnswersLength)
        {
            throw UseCaseException.Invalid(nameof(command.Answers), "These answers are too long to save as a draft.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            await UpsertAsync(loaded, definition, json, command.CurrentQuestion, now, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two saves of a new draft at once (a double click): the other inserted first, so update it.
            db.ChangeTracker.Clear();
            await UpsertAsync(loaded, definition, json, command.CurrentQuestion, now, cancellationToken);
        }

        return View(loaded, definition, answers, command.CurrentQuestion, now, null);
    }

    /// <summary>The actions of a concern on which this user has a checklist draft: only their own drafts are looked at.</summary>
    public async Task<IReadOnlySet<int>> ActionsWithDraftAsync(Guid concernId, string userId, CancellationToken cancellationToken = default)
    {
        var ordinals = await (
            from d in db.ChecklistDrafts.AsNoTracking()
            join a in db.ConcernActions on d.WorkflowInstanceId equals a.WorkflowInstanceId
            where d.UserId == userId && a.ConcernId == concernId
            select a.Ordinal).ToListAsync(cancellationToken);
        return ordinals.ToHashSet();
    }

    private async Task UpsertAsync(LoadedCase loaded, WorkflowDefinition definition, string json, string? currentQuestion, DateTime now, CancellationToken cancellationToken)
    {
        var draft = await FindAsync(loaded, cancellationToken);
        if (draft is null)
        {
            draft = new ChecklistDraftRecord { WorkflowInstanceId = loaded.Instance!.Id, UserId = loaded.Actor!.UserId };
            db.ChecklistDrafts.Add(draft);
        }

        draft.DefinitionId = definition.DefinitionId;
        draft.DefinitionVersion = definition.Version;
        draft.DefinitionSha256 = definition.Sha256;
        draft.AnswersJson = json;
        draft.CurrentQuestion = currentQuestion;
        draft.SavedAtUtc = now;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The actor's own draft for the loaded action: the key includes the owner, so no other user's row is ever read.</summary>
    private Task<ChecklistDraftRecord?> FindAsync(LoadedCase loaded, CancellationToken cancellationToken) =>
        db.ChecklistDrafts.SingleOrDefaultAsync(d => d.WorkflowInstanceId == loaded.Instance!.Id && d.UserId == loaded.Actor!.UserId, cancellationToken);

    private async Task<(LoadedCase Loaded, WorkflowDefinition Definition)> ReadOpenActionAsync(Guid concernId, int ordinal, string userId, CancellationToken cancellationToken)
    {
        var loaded = await cases.ReadAsync(CaseTarget.Action(concernId, ordinal), userId, CaseAccess.AnswerChecklist, cancellationToken);
        ChecklistWalk.EnsureOpen(loaded.Concern.ActionForInstance(loaded.Instance!.Id));
        return (loaded, cases.DefinitionOf(loaded));
    }

    private ChecklistDraftView View(LoadedCase loaded, WorkflowDefinition definition, Dictionary<string, string> answers, string? currentQuestion,
        DateTime? savedAtUtc, string? discarded)
    {
        var action = loaded.Concern.ActionForInstance(loaded.Instance!.Id);
        var actor = new Actor(loaded.Actor!.UserId, loaded.Actor.Role.ToString());
        var walk = ChecklistWalk.Run(runner, definition, WorkflowInstanceMapping.ToState(loaded.Instance), answers, actor, clock.GetUtcNow().UtcDateTime, strict: false);
        var preview = walk.ToPreview(loaded.Concern, action);
        var onPath = preview.Answered.Select(a => a.Question.ActivityId).Append(preview.Next?.ActivityId);
        var current = onPath.Contains(currentQuestion, StringComparer.Ordinal) ? currentQuestion : null;
        return new ChecklistDraftView(preview, answers, current, savedAtUtc, discarded);
    }
}
