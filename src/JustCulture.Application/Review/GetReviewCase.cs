using JustCulture.Domain.Concerns;
using JustCulture.Application.Cases;
using JustCulture.Application.Common;
using JustCulture.Domain.Users;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.DecisionLog.PersonalData;
using JustCulture.Workflows;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Review;

public sealed record GetReviewCaseQuery(Guid ConcernId, string ReviewerUserId);

/// <summary>A checklist question as it was shown to the line manager, and the answer given.</summary>
public sealed record ChecklistAnswerView(string Question, string Answer);

/// <summary>A decision already taken on an action (a route, or an informal-resolution result).</summary>
public sealed record ReviewDecisionView(string EventType, string? Answer, string? Rationale, string? InformalNotAppropriate, DateTime OccurredAtUtc);

/// <summary>One answer a task allows, with what the definition requires alongside it.</summary>
public sealed record TaskAnswerView(string Answer, string Label, bool RequiresRationale, bool RequiresInformalNotAppropriate);

/// <summary>The task waiting for a commissioning manager on an action, if any. Its answers come from the
/// definition the case is pinned to, so a page offers exactly what the step will accept.</summary>
public sealed record PendingReviewTask(Guid TaskId, ReviewTaskKind Kind, string Question, string? HelpText, IReadOnlyList<TaskAnswerView> Answers, DateTime CreatedAtUtc);

/// <param name="Version">The action's version: a form about this action carries it back.</param>
public sealed record ReviewActionView(
    int Ordinal,
    int Version,
    string Description,
    ActionStage Stage,
    ChecklistOutcome? Outcome,
    CaseRoute? Route,
    IReadOnlyList<ChecklistAnswerView> ChecklistAnswers,
    IReadOnlyList<ReviewDecisionView> Decisions,
    string? InformalAgreedActions,
    DateOnly? InformalReviewDate,
    PendingReviewTask? PendingTask,
    bool ReturnedFromInformalResolution);

/// <summary>Who the case is about, present only once this reviewer has unblinded this case.</summary>
public sealed record UnblindedIdentity(string StaffRef, string Name, string EthnicCode, string WresGroup);

public sealed record ReviewCaseView(
    Guid ConcernId,
    int Version,
    ConcernStatus Status,
    string CaseReference,
    SubjectContextView Context,
    string Category,
    DateOnly? IncidentDate,
    string Summary,
    DateTime OpenedAtUtc,
    IReadOnlyList<ReviewActionView> Actions,
    UnblindedIdentity? Identity);

/// <summary>
/// A case as a commissioning manager reviews it: blinded unless this reviewer has unblinded it (no name,
/// ethnicity or staff ref, and the person's details withheld when they would identify them), and refused to
/// a reviewer who is not independent of it.
/// </summary>
public sealed class GetReviewCaseHandler(JustCultureDbContext db, CaseReader cases, TriageWorkflow triage, TimeProvider clock, CaseDataProtector protector)
{
    public async Task<ReviewCaseView> HandleAsync(GetReviewCaseQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var loaded = await cases.ReadAsync(CaseTarget.Case(query.ConcernId), query.ReviewerUserId, CaseAccess.Review, cancellationToken);
        var concern = loaded.Concern;
        var subject = loaded.Subject;

        var log = await db.DecisionLog.AsNoTracking()
            .Where(e => e.ConcernId == concern.Id && e.WorkflowInstanceId != null)
            .OrderBy(e => e.EntryId)
            .ToListAsync(cancellationToken);
        // The commissioning manager decides on the rationale and statements recorded so far: open them (sealed in the log).
        var keyring = await protector.KeyringAsync(db, [concern.Id], cancellationToken);
        var instances = await db.WorkflowInstances.AsNoTracking().Include(w => w.Bookmarks)
            .Where(w => w.CorrelationId == concern.Id)
            .ToListAsync(cancellationToken);
        var role = nameof(Role.CommissioningManager);

        var actions = new List<ReviewActionView>();
        foreach (var action in concern.Actions.OrderBy(a => a.Ordinal))
        {
            var entries = log.Where(e => e.WorkflowInstanceId == action.WorkflowInstanceId).ToList();
            var answers = entries.Where(e => e.EventType == LogEventTypes.QuestionAnswered)
                .Select(e => new ChecklistAnswerView(e.Question ?? string.Empty, e.Answer ?? string.Empty)).ToList();
            var decisions = entries.Where(e => e.EventType is LogEventTypes.ReviewDecided or LogEventTypes.InformalResolutionRecorded or LogEventTypes.InformalResolutionPlanRecorded
                    or LogEventTypes.ConflictOfInterestDeclared)
                .Select(e => (Entry: e, Opened: keyring.Open(e)))
                .Select(d => new ReviewDecisionView(d.Entry.EventType, d.Entry.Answer, d.Opened.Rationale, d.Opened.InformalNotAppropriate, d.Entry.OccurredAtUtc)).ToList();
            var instance = instances.Single(w => w.Id == action.WorkflowInstanceId);
            PendingReviewTask? pending = null;
            var bookmark = instance.Bookmarks.Where(b => b.CompletedAtUtc == null && b.Role == role).OrderBy(b => b.CreatedAtUtc).FirstOrDefault();
            if (bookmark is not null)
            {
                var definition = triage.Catalog.Get(instance.DefinitionId, instance.DefinitionVersion);
                var activity = definition.GetActivity(bookmark.ActivityId);
                ReviewTaskKind? kind = activity switch
                {
                    CommissioningReviewActivity => ReviewTaskKind.RouteDecision,
                    InformalResolutionActivity => ReviewTaskKind.InformalResolutionResult,
                    _ => null,
                };
                if (kind is { } k && activity is IHumanTaskActivity task)
                {
                    var allowed = task.Answers.Select(a => new TaskAnswerView(a, AnswerLabel(k, a), task.RequiresRationale(a), task.RequiresInformalNotAppropriateStatement(a))).ToList();
                    pending = new PendingReviewTask(bookmark.Id, k, task.Question, task.HelpText, allowed, bookmark.CreatedAtUtc);
                }
            }

            actions.Add(new ReviewActionView(action.Ordinal, action.Version, action.Description, action.Stage, action.Outcome, action.Route,
                answers, decisions, action.InformalAgreedActions, action.InformalReviewDate, pending, action.ReturnedFromInformalResolution));
        }

        var identity = loaded.UnblindedByActor
            ? new UnblindedIdentity(subject.StaffRef, subject.Name, subject.EthnicCode, subject.WresGroup.ToString())
            : null;
        var today = Domain.UkDates.UkDateOf(clock.GetUtcNow().UtcDateTime);
        var context = await SubjectContext.ForAsync(db, subject, today, loaded.UnblindedByActor, cancellationToken);
        return new ReviewCaseView(concern.Id, concern.Version, concern.Status, Domain.Concerns.CaseReference.Of(concern.Id), context, concern.Category, concern.IncidentDate, concern.Summary, concern.OpenedAtUtc, actions, identity);
    }

    private static string AnswerLabel(ReviewTaskKind kind, string answer) => kind == ReviewTaskKind.RouteDecision
        ? Domain.Vocabulary.Route(answer)
        : answer == InformalResolutionActivity.Resolved ? "Resolved" : answer == InformalResolutionActivity.NotResolved ? "Not resolved" : answer;
}
