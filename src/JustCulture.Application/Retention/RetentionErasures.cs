using JustCulture.Domain.Concerns;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Retention;

/// <summary>One person's erasure as the log records it: their cases share one pseudonym and one answer.</summary>
/// <param name="FrozenGroups">The erasure entry's answer as stored, e.g. "2023-24=Bme/Snapshot".</param>
public sealed record RecordedErasure(DateTime ErasedAtUtc, string Pseudonym, IReadOnlyList<string> CaseReferences, string FrozenGroups, string ActorId);

/// <summary>The erasures done so far, newest first, read from the log's erasure entries (its only record of them).</summary>
public sealed class RetentionErasuresHandler(JustCultureDbContext db)
{
    public async Task<IReadOnlyList<RecordedErasure>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var entries = await db.DecisionLog.AsNoTracking().Where(e => e.EventType == LogEventTypes.PersonalDataErased)
            .Select(e => new { e.ConcernId, e.SubjectStaffRef, e.Answer, e.ActorId, e.OccurredAtUtc })
            .ToListAsync(cancellationToken);
        return entries
            .GroupBy(e => e.SubjectStaffRef ?? string.Empty, StringComparer.Ordinal)
            .Select(g => new RecordedErasure(
                g.Min(e => e.OccurredAtUtc),
                g.Key,
                g.Where(e => e.ConcernId is not null).Select(e => CaseReference.Of(e.ConcernId!.Value)).Order(StringComparer.Ordinal).ToList(),
                g.First().Answer ?? string.Empty,
                g.First().ActorId))
            .OrderByDescending(e => e.ErasedAtUtc)
            .ToList();
    }
}
