using System.Security.Cryptography;
using System.Text;
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
public sealed class BrowseLogHandler(JustCultureDbContext db)
{
    public const int MaxPageSize = 200;

    /// <summary>Answers that are free text or counts of people rather than a fixed choice are not shown.</summary>
    private static readonly HashSet<string> EventsWithChoiceAnswers = new(StringComparer.Ordinal)
    {
        Persistence.DecisionLog.LogEventTypes.ConcernOpened,
        Persistence.DecisionLog.LogEventTypes.QuestionAnswered,
        Persistence.DecisionLog.LogEventTypes.OutcomeRecorded,
        Persistence.DecisionLog.LogEventTypes.ReviewDecided,
        Persistence.DecisionLog.LogEventTypes.InformalResolutionRecorded,
        Persistence.DecisionLog.LogEventTypes.WorkflowFinished,
        Persistence.DecisionLog.LogEventTypes.UserAdded,
    };

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
                e.ActivityId, EventsWithChoiceAnswers.Contains(e.EventType) ? e.Answer : null, e.ActorRole, Pseudonym(e.ActorId), e.Hash))
            .ToList();
        return new PseudonymisedLogPage(entries, page, pageSize, total);
    }

    /// <summary>
    /// A stable pseudonym for a user id: the same actor always gets the same pseudonym, so an auditor can
    /// follow one person's decisions without learning who they are.
    /// </summary>
    public static string Pseudonym(string actorId) =>
        "u-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("justculture-actor:" + actorId)))[..10];
}
