using JustCulture.Domain.Concerns;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Retention;

public sealed record RetentionDueQuery(DateOnly AsOf, RetentionPeriod Period);

/// <summary>One person whose case records are due for erasure.</summary>
/// <param name="Name">From the staff record; null when the person is no longer in it.</param>
/// <param name="LastActivityUtc">The newest decision-log entry of all their cases.</param>
/// <param name="DueSince">The first UK date on which they were due (<see cref="RetentionRule.DueSince"/>).</param>
public sealed record RetentionDuePerson(string StaffRef, string? Name, IReadOnlyList<Guid> ConcernIds, IReadOnlyList<string> CaseReferences,
    DateTime LastActivityUtc, DateOnly DueSince);

/// <summary>Who is due for erasure on a date, earliest due first.</summary>
public sealed class RetentionDueHandler(JustCultureDbContext db)
{
    public async Task<IReadOnlyList<RetentionDuePerson>> HandleAsync(RetentionDueQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return await RetentionCandidates.DueAsync(db, query.AsOf, query.Period, onlyStaffRef: null, cancellationToken);
    }
}

/// <summary>The due computation shared by the list and the run, which repeats it for each person inside their
/// erasure's transaction so a step that landed after the list was read is never erased.</summary>
internal static class RetentionCandidates
{
    public static async Task<IReadOnlyList<RetentionDuePerson>> DueAsync(JustCultureDbContext db, DateOnly asOf, RetentionPeriod period, string? onlyStaffRef,
        CancellationToken cancellationToken)
    {
        // An erased case keeps its row (under a pseudonym) and its log; its erasure entry is what marks it erased.
        var erased = db.DecisionLog.Where(e => e.EventType == LogEventTypes.PersonalDataErased).Select(e => e.ConcernId!.Value);
        // Anyone with a case still open is not due at all, whatever their other cases: skip them in the database.
        // A case is finished here when every action is closed or has gone to a formal investigation: the
        // investigation itself is run and kept in the trust's HR case system, whose records have their own schedule.
        var withOpenCase = db.Concerns.Where(c => c.Actions.Any(a => a.Stage != ActionStage.Closed && a.Stage != ActionStage.FormalInvestigation))
            .Select(c => c.SubjectStaffRef);
        var concerns = db.Concerns.AsNoTracking().Where(c => !erased.Contains(c.Id) && !withOpenCase.Contains(c.SubjectStaffRef));
        if (onlyStaffRef is not null)
        {
            concerns = concerns.Where(c => c.SubjectStaffRef == onlyStaffRef);
        }

        var rows = await concerns
            .Select(c => new
            {
                c.Id,
                c.SubjectStaffRef,
                Finished = !c.Actions.Any(a => a.Stage != ActionStage.Closed && a.Stage != ActionStage.FormalInvestigation),
                c.OpenedAtUtc,
                LastEntryUtc = db.DecisionLog.Where(e => e.ConcernId == c.Id).Max(e => (DateTime?)e.OccurredAtUtc),
            })
            .TagWith("retention: closed cases and their last activity")
            .ToListAsync(cancellationToken);

        var due = new List<(string StaffRef, List<Guid> Ids, DateTime Last, DateOnly DueSince)>();
        foreach (var person in rows.GroupBy(r => r.SubjectStaffRef, StringComparer.Ordinal))
        {
            var allFinished = person.All(c => c.Finished);
            var last = person.Max(c => c.LastEntryUtc ?? c.OpenedAtUtc);
            if (RetentionRule.IsDue(allFinished, last, asOf, period))
            {
                due.Add((person.Key, person.OrderBy(c => c.OpenedAtUtc).Select(c => c.Id).ToList(), last, RetentionRule.DueSince(last, period)));
            }
        }

        var refs = due.Select(d => d.StaffRef).ToList();
        var names = await db.Staff.AsNoTracking().Where(s => refs.Contains(s.StaffRef))
            .ToDictionaryAsync(s => s.StaffRef, s => s.Name, StringComparer.Ordinal, cancellationToken);
        return due
            .OrderBy(d => d.DueSince).ThenBy(d => d.StaffRef, StringComparer.Ordinal)
            .Select(d => new RetentionDuePerson(d.StaffRef, names.GetValueOrDefault(d.StaffRef), d.Ids, d.Ids.Select(CaseReference.Of).ToList(), d.Last, d.DueSince))
            .ToList();
    }
}
