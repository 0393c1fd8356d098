using JustCulture.Application.Common;
using JustCulture.Domain;
using JustCulture.Domain.Concerns;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Cases;

/// <summary>A case whose personal data was erased at the end of its retention period: what pages say instead of it.</summary>
public sealed record ErasedCaseView(Guid ConcernId, string Reference, DateTime ErasedAtUtc)
{
    public string Message => CaseErasure.Message(ErasedAtUtc);
}

/// <summary>
/// Whether a case was erased. Its erasure entry in the log is the record (written in the erasure's own transaction).
/// An erased case no longer names its subject, so it cannot be loaded or checked against the access policy, and
/// nothing may be done on it: a step or a read is refused with a conflict that says when it was erased.
/// </summary>
internal static class CaseErasure
{
    public static string Message(DateTime erasedAtUtc) =>
        $"This case's personal data was erased on {UkDates.Date(erasedAtUtc)} at the end of its retention period. Nothing more can be done on it, and what it said can no longer be shown.";

    public static Task<DateTime?> ErasedAtAsync(JustCultureDbContext db, CaseTarget target, CancellationToken cancellationToken)
    {
        IQueryable<Guid> concernIds = target.TaskId is { } taskId
            ? db.Bookmarks.Where(b => b.Id == taskId).Select(b => b.CorrelationId)
            : db.Concerns.Where(c => c.Id == target.ConcernId).Select(c => c.Id);
        return ErasedAtAsync(db, concernIds, cancellationToken);
    }

    public static Task<DateTime?> ErasedAtAsync(JustCultureDbContext db, IQueryable<Guid> concernIds, CancellationToken cancellationToken) =>
        db.DecisionLog.Where(e => e.EventType == LogEventTypes.PersonalDataErased && e.ConcernId != null && concernIds.Contains(e.ConcernId.Value))
            .Select(e => (DateTime?)e.OccurredAtUtc)
            .TagWith("case: erased?")
            .MinAsync(cancellationToken);

    /// <summary>Why a case did not load: erased (a conflict, with the date), else unknown. Asked only then, so a
    /// step on a live case pays nothing for it: an erased case never loads, because its pseudonym is nobody's staff ref.</summary>
    public static async Task<UseCaseException> ErasedOrNotFoundAsync(JustCultureDbContext db, CaseTarget target, CancellationToken cancellationToken) =>
        await ErasedAtAsync(db, target, cancellationToken) is { } erasedAt
            ? UseCaseException.Conflict(Message(erasedAt))
            : CaseRefusals.NotFound(target);
}

/// <summary>For the case pages: whether the case they were asked for was erased, so they can say so.</summary>
public sealed class ErasedCaseHandler(JustCultureDbContext db)
{
    public async Task<ErasedCaseView?> FindAsync(Guid concernId, CancellationToken cancellationToken = default) =>
        await CaseErasure.ErasedAtAsync(db, db.Concerns.Where(c => c.Id == concernId).Select(c => c.Id), cancellationToken) is { } erasedAt
            ? new ErasedCaseView(concernId, CaseReference.Of(concernId), erasedAt)
            : null;
}
