using JustCulture.Application.Common;
using JustCulture.Domain.Users;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Workflows;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Review;

public sealed record GetReviewCaseQuery(Guid ConcernId, string ReviewerUserId);

/// <summary>A checklist question as it was shown to the line manager, and the answer given.</summary>
public sealed record ChecklistAnswerView(string Question, string Answer);

/// <summary>A decision already taken on an action (a route, or an informal-resolution result).</summary>
public sealed record ReviewDecisionView(string EventType, string? Answer, string? Rationale, string? InformalNotAppropriate, DateTime OccurredAtUtc);

/// <summary>The task waiting for a commissioning manager on an action, if any.</summary>
public sealed record PendingReviewTask(Guid TaskId, ReviewTaskKind Kind, string Question, string? HelpText, IReadOnlyList<string> Answers, DateTime CreatedAtUtc);

public sealed record ReviewActionView(
    int Ordinal,
    string Description,
    string Stage,
    string? Outcome,
    string? Route,
    IReadOnlyList<ChecklistAnswerView> ChecklistAnswers,
    IReadOnlyList<ReviewDecisionView> Decisions,
    string? InformalAgreedActions,
    DateOnly? InformalReviewDate,
    PendingReviewTask? PendingTask);

/// <summary>Name and ethnicity, present only once this reviewer has unblinded this case.</summary>
public sealed record UnblindedIdentity(string Name, string EthnicCode, string WresGroup);

public sealed record ReviewCaseView(
    Guid ConcernId,
    int Version,
    string Status,
    string StaffRef,
    string Band,
    string StaffGroup,
    int YearsOfService,
    string Category,
    DateOnly? IncidentDate,
    string Summary,
    DateTime OpenedAtUtc,
    IReadOnlyList<ReviewActionView> Actions,
    UnblindedIdentity? Identity);

/// <summary>
/// A case as a commissioning manager reviews it: blinded unless this reviewer has unblinded it, and
/// refused to a reviewer who is not independent of it.
/// </summary>
public sealed class GetReviewCaseHandler(JustCultureDbContext db, TriageWorkflow triage, TimeProvider clock)
{
    public async Task<ReviewCaseView> HandleAsync(GetReviewCaseQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var reviewer = await ReviewAccess.ReviewerAsync(db, query.ReviewerUserId, cancellationToken);
        var concern = await db.Concerns.AsNoTracking().Include(c => c.Actions).SingleOrDefaultAsync(c => c.Id == query.ConcernId, cancellationToken)
            ?? throw UseCaseException.NotFound($"Unknown concern {query.ConcernId}.");
        var subject = await db.Staff.AsNoTracking().SingleAsync(s => s.StaffRef == concern.SubjectStaffRef, cancellationToken);
        ReviewAccess.EnsureIndependent(concern, reviewer, subject);

        var log = await db.DecisionLog.AsNoTracking()
            .Where(e => e.ConcernId == concern.Id && e.WorkflowInstanceId != null)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
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
            var decisions = entries.Where(e => e.EventType is LogEventTypes.ReviewDecided or LogEventTypes.InformalResolutionRecorded or LogEventTypes.InformalResolutionPlanRecorded)
                .Select(e => new ReviewDecisionView(e.EventType, e.Answer, e.Rationale, e.InformalNotAppropriate, e.OccurredAtUtc)).ToList();
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
                    pending = new PendingReviewTask(bookmark.Id, k, task.Question, task.HelpText, task.Answers, bookmark.CreatedAtUtc);
                }
            }

            actions.Add(new ReviewActionView(action.Ordinal, action.Description, action.Stage.ToString(), action.Outcome?.ToString(), action.Route?.ToString(),
                answers, decisions, action.InformalAgreedActions, action.InformalReviewDate, pending));
        }

        var identity = await ReviewAccess.IsUnblindedAsync(db, concern.Id, reviewer.UserId, cancellationToken)
            ? new UnblindedIdentity(subject.Name, subject.EthnicCode, subject.WresGroup.ToString())
            : null;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return new ReviewCaseView(concern.Id, concern.Version, concern.Status.ToString(), subject.StaffRef, subject.Band, subject.StaffGroup,
            subject.YearsOfService(today), concern.Category, concern.IncidentDate, concern.Summary, concern.OpenedAtUtc, actions, identity);
    }
}
