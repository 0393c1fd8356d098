using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Log;

/// <summary>
/// A decision-log entry as an auditor sees it. Pseudonymised: no names, no staff refs, no rationale or other
/// free text — only what happened, to which case, by which role, and a stable pseudonym for the actor.
/// </summary>
public sealed record PseudonymisedLogEntry(
    long Sequence,
    DateTime OccurredAtUtc,
    string EventType,
    Guid? CaseRef,
    string? DefinitionId,
    int? DefinitionVersion,
    string? ActivityId,
    string? Answer,
    string ActorRole,
    string ActorPseudonym,
    string Hash);

public sealed record PseudonymisedLogPage(IReadOnlyList<PseudonymisedLogEntry> Entries, int Page, int PageSize, long TotalEntries)
{
    public int PageCount => (int)Math.Max(1, (TotalEntries + PageSize - 1) / PageSize);
}

/// <summary>The decision log a page at a time, in sequence order, pseudonymised for auditors.</summary>
public sealed class BrowseLogHandler(JustCultureDbContext db, ActorPseudonyms pseudonyms)
{
    public const int MaxPageSize = 200;

    public async Task<PseudonymisedLogPage> HandleAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var total = await db.DecisionLog.LongCountAsync(cancellationToken);
        var pageCount = (int)Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await db.DecisionLog.AsNoTracking()
            .OrderBy(e => e.Sequence)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(e => new { e.Sequence, e.OccurredAtUtc, e.EventType, e.ConcernId, e.DefinitionId, e.DefinitionVersion, e.ActivityId, e.Answer, e.ActorRole, e.ActorId, e.Hash })
            .ToListAsync(cancellationToken);
        var entries = rows.Select(e => new PseudonymisedLogEntry(e.Sequence, e.OccurredAtUtc, e.EventType, e.ConcernId, e.DefinitionId, e.DefinitionVersion,
                e.ActivityId, AuditorView.Answer(e.EventType, e.Answer), e.ActorRole, pseudonyms.For(e.ActorId), e.Hash))
            .ToList();
        return new PseudonymisedLogPage(entries, page, pageSize, total);
    }
}
