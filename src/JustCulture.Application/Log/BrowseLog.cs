using JustCulture.Application.Common;
using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Log;

/// <summary>
/// A decision-log entry as an auditor sees it, on the log page and through the API alike. Pseudonymised: no names,
/// no user ids, no staff refs, no rationale or other free text — only what happened, to which case, by which role,
/// a keyed pseudonym for the actor (<see cref="ActorPseudonyms"/>), the question and answer when they are the
/// definition's own text and fixed choices (<see cref="AuditorView"/>), and the entry's hash and its
/// predecessor's, to follow the chain (the server verifies it in full).
/// </summary>
public sealed record PseudonymisedLogEntry(
    long Sequence,
    DateTime OccurredAtUtc,
    string EventType,
    Guid? CaseRef,
    string? DefinitionId,
    int? DefinitionVersion,
    string? ActivityId,
    string? Question,
    string? Answer,
    string ActorRole,
    string ActorPseudonym,
    string PreviousHash,
    string Hash);

/// <summary>Where a page of the log starts: after a sequence number (a cursor, as the API pages) or at a page number.</summary>
/// <param name="Take">Entries per page, clamped to 1–<see cref="BrowseLogHandler.MaxTake"/>.</param>
/// <param name="After">Start after this sequence number; when given, <paramref name="Page"/> is not used.</param>
/// <param name="Page">The page number (from 1, clamped to the pages there are); the first page when neither is given.</param>
public sealed record BrowseLogQuery(int Take, long? After = null, int? Page = null);

/// <param name="Page">The page shown; for a cursor query, the page its first entry falls on.</param>
/// <param name="NextAfter">The cursor for the next page (the last sequence shown), or null when this page is the last.</param>
public sealed record PseudonymisedLogPage(IReadOnlyList<PseudonymisedLogEntry> Entries, int Page, int PageSize, long TotalEntries, long? NextAfter)
{
    public int PageCount => (int)Math.Max(1, (TotalEntries + PageSize - 1) / PageSize);
}

/// <summary>
/// The one query behind the auditor's log, page and API: the decision log in sequence order, a page at a time,
/// pseudonymised. The columns are projected in SQL; the actor id is read only to be turned into its pseudonym.
/// </summary>
public sealed class BrowseLogHandler(JustCultureDbContext db, ActorPseudonyms pseudonyms)
{
    public const int MaxTake = 500;

    public async Task<PseudonymisedLogPage> HandleAsync(BrowseLogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.After is < 0)
        {
            throw UseCaseException.Invalid("After", "after must be a sequence number of 0 or more.");
        }

        var take = Math.Clamp(query.Take, 1, MaxTake);
        var total = await db.DecisionLog.LongCountAsync(cancellationToken);
        var pageCount = (int)Math.Max(1, (total + take - 1) / take);
        var ordered = db.DecisionLog.AsNoTracking().OrderBy(e => e.Sequence);
        IQueryable<Persistence.DecisionLog.DecisionLogEntry> window;
        int page;
        if (query.After is { } after)
        {
            window = ordered.Where(e => e.Sequence > after);
            var before = await db.DecisionLog.LongCountAsync(e => e.Sequence <= after, cancellationToken);
            page = (int)Math.Min(before / take + 1, pageCount);
        }
        else
        {
            page = Math.Clamp(query.Page ?? 1, 1, pageCount);
            window = ordered.Skip((page - 1) * take);
        }

        // One more than asked for says whether another page follows.
        var rows = await window
            .Take(take + 1)
            .Select(e => new { e.Sequence, e.OccurredAtUtc, e.EventType, e.ConcernId, e.DefinitionId, e.DefinitionVersion, e.ActivityId, e.Question, e.Answer, e.ActorId, e.ActorRole, e.PreviousHash, e.Hash })
            .ToListAsync(cancellationToken);
        var entries = rows.Take(take).Select(e => new PseudonymisedLogEntry(e.Sequence, e.OccurredAtUtc, e.EventType, e.ConcernId, e.DefinitionId, e.DefinitionVersion,
                e.ActivityId, AuditorView.Question(e.EventType, e.Question), AuditorView.Answer(e.EventType, e.Answer), e.ActorRole, pseudonyms.For(e.ActorId),
                e.PreviousHash, e.Hash))
            .ToList();
        return new PseudonymisedLogPage(entries, page, take, total, rows.Count > take ? entries[^1].Sequence : null);
    }
}
