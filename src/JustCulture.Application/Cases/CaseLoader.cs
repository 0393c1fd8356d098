using JustCulture.Domain.Concerns;
using JustCulture.Domain.Staff;
using JustCulture.Domain.Users;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.Workflows;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Cases;

/// <summary>Everything a case step or case query needs, read in one statement.</summary>
internal sealed class LoadedCase
{
    public required Concern Concern { get; init; }
    public required StaffMember Subject { get; init; }
    public StaffMember? RaiserStaff { get; init; }
    public User? Actor { get; init; }
    public StaffMember? ActorStaff { get; init; }

    /// <summary>The targeted action's workflow instance, with all its bookmarks; null for a whole-case target.</summary>
    public WorkflowInstanceRecord? Instance { get; init; }

    /// <summary>Whether the actor has unblinded this case (the log is its only record).</summary>
    public bool UnblindedByActor { get; init; }

    public CaseParties Parties => Concern.Parties(Subject, RaiserStaff);
}

/// <summary>
/// Reads a case in one statement: concern and actions, subject and raiser (their staff records, for the
/// independence rule), the actor and their staff record, the targeted action's workflow instance with its
/// bookmarks and waiting timers — found through the bookmark's primary key, so the cost does not grow with the number of
/// instances — and whether the actor has unblinded the case.
/// </summary>
internal static class CaseLoader
{
    /// <summary>
    /// Locks the target's concern row until the transaction ends — a no-op UPDATE, the same row lock on every
    /// provider — so two steps on one case queue here and the second reads what the first committed.
    /// </summary>
    public static Task LockConcernAsync(JustCultureDbContext db, CaseTarget target, CancellationToken cancellationToken)
    {
        IQueryable<Concern> concerns = target.TaskId is { } taskId
            ? db.Concerns.Where(c => db.Bookmarks.Where(b => b.Id == taskId).Select(b => b.CorrelationId).Contains(c.Id))
            : db.Concerns.Where(c => c.Id == target.ConcernId);
        return concerns.TagWith("case step: lock the case").ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version), cancellationToken);
    }

    /// <remarks>Always tracked: the projection's collections are attached to their concern and instance by
    /// EF's fix-up, which untracked queries do not do; a query simply never saves.</remarks>
    public static async Task<LoadedCase?> LoadAsync(JustCultureDbContext db, CaseTarget target, string actorUserId, CancellationToken cancellationToken)
    {
        IQueryable<Concern> concerns = db.Concerns;
        IQueryable<Guid> instanceIds;
        if (target.TaskId is { } taskId)
        {
            var bookmark = db.Bookmarks.Where(b => b.Id == taskId);
            concerns = concerns.Where(c => bookmark.Select(b => b.CorrelationId).Contains(c.Id));
            instanceIds = bookmark.Select(b => b.WorkflowInstanceId);
        }
        else
        {
            var concernId = target.ConcernId ?? throw new ArgumentException("A case target names a task or a concern.", nameof(target));
            concerns = concerns.Where(c => c.Id == concernId);
            var ordinal = target.ActionOrdinal ?? 0;
            instanceIds = db.ConcernActions.Where(a => a.ConcernId == concernId && a.Ordinal == ordinal).Select(a => a.WorkflowInstanceId);
        }

        var users = db.Users.Where(u => u.UserId == actorUserId);
        var row = await (
            from c in concerns
            join s in db.Staff on c.SubjectStaffRef equals s.StaffRef
            join raiser in db.Staff on c.RaisedByStaffRef equals raiser.StaffRef into raisers
            from raiser in raisers.DefaultIfEmpty()
            from actor in users.DefaultIfEmpty()
            join actorStaff in db.Staff on actor.StaffRef equals actorStaff.StaffRef into actorStaffs
            from actorStaff in actorStaffs.DefaultIfEmpty()
            from instance in db.WorkflowInstances.Where(w => instanceIds.Contains(w.Id)).DefaultIfEmpty()
            select new
            {
                Concern = c,
                Actions = c.Actions.ToList(),
                Subject = s,
                Raiser = raiser,
                Actor = actor,
                ActorStaff = actorStaff,
                Instance = instance,
                Bookmarks = db.Bookmarks.Where(b => b.WorkflowInstanceId == instance.Id).ToList(),
                Timers = db.WorkflowTimers.Where(t => t.WorkflowInstanceId == instance.Id && t.FiredAtUtc == null).ToList(),
                Unblinded = db.DecisionLog.Any(e => e.ConcernId == c.Id && e.EventType == LogEventTypes.CaseUnblinded && e.ActorId == actorUserId),
            })
            .TagWith("case step: load")
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        return new LoadedCase
        {
            Concern = row.Concern,
            Subject = row.Subject,
            RaiserStaff = row.Raiser,
            Actor = row.Actor,
            ActorStaff = row.ActorStaff,
            Instance = row.Instance,
            UnblindedByActor = row.Unblinded,
        };
    }
}
