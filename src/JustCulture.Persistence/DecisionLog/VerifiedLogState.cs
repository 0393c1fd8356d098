using Microsoft.EntityFrameworkCore;

namespace JustCulture.Persistence.DecisionLog;

/// <summary>
/// What this process has verified of the log, so that a report does not re-verify the whole history each time
/// (docs/decisions/0013-incremental-log-verification.md). After a whole verification it keeps the prefix up to the
/// newest checkpoint; the next verification reads only the entries after it, grows the kept frontier and checks
/// it against the checkpoints signed since. The whole log is verified again once the last whole verification is
/// older than <see cref="DecisionLogSettings.FullVerifyEvery"/>, and whenever the incremental one finds anything
/// wrong — its verdict then is the whole verification's, naming the first bad entry. When nothing at all has been
/// appended, integrated, queued or signed since the last verification, the incremental one would read nothing and
/// come to the same verdict, so that is established from the tree head and the store's file names alone.
/// </summary>
public sealed class VerifiedLogState(DecisionLogTrust trust, TimeProvider clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private VerifiedLogPrefix? _prefix;
    private DateTimeOffset _fullAt;
    private LogVerification? _last;

    /// <summary>Verifies what is new since the kept prefix, or the whole log when due or when nothing is kept.</summary>
    public async Task<LogVerification> VerifyAsync(JustCultureDbContext db, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_prefix is { } prefix && clock.GetUtcNow() - _fullAt < trust.Settings.FullVerifyEvery)
            {
                if (_last is { } last && await UnchangedSinceAsync(db, prefix, last, cancellationToken))
                {
                    return last with { EntriesRead = 0, Incremental = true };
                }

                var verification = await DecisionLogVerifier.VerifyAsync(db, trust, prefix, cancellationToken);
                if (verification.IsIntact)
                {
                    _prefix = verification.Prefix;
                    _last = verification;
                    return verification;
                }

                // Anything that does not match may be a rewrite the prefix hides from view: start from the first entry.
            }

            return await FullLockedAsync(db, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Verifies the whole log (what <c>log verify</c> asks for) and keeps its prefix when it is intact.</summary>
    public async Task<LogVerification> VerifyFullAsync(JustCultureDbContext db, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await FullLockedAsync(db, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<LogVerification> FullLockedAsync(JustCultureDbContext db, CancellationToken cancellationToken)
    {
        var startedAt = clock.GetUtcNow();
        _prefix = null;
        _last = null;
        var verification = await DecisionLogVerifier.VerifyAsync(db, trust, cancellationToken);
        if (verification.IsIntact)
        {
            _prefix = verification.Prefix;
            _last = verification;
            _fullAt = startedAt;
        }

        return verification;
    }

    /// <summary>
    /// Whether the log stands exactly as the last verification left it: everything it verified is covered by the
    /// prefix's signed checkpoint, nothing waited, and still the same tree head, no leaf or entry beyond it, nothing
    /// queued and no newer checkpoint file. One small query (primary keys only) and a directory listing.
    /// </summary>
    private async Task<bool> UnchangedSinceAsync(JustCultureDbContext db, VerifiedLogPrefix prefix, LogVerification last, CancellationToken cancellationToken)
    {
        if (last.Waiting != 0 || last.EntriesChecked != prefix.Size)
        {
            return false;
        }

        var now = await db.DecisionLogTreeHeads.AsNoTracking()
            .OrderByDescending(h => h.TreeSize)
            .Select(h => new
            {
                h.TreeSize,
                h.RootHash,
                Leaves = db.DecisionLogLeaves.Max(l => (long?)l.Sequence),
                HighestEntryId = db.DecisionLog.Max(e => (long?)e.EntryId),
                // Max, not Any(): a bare Any() would be run as a query of its own.
                Queued = db.DecisionLogQueue.Max(q => (long?)q.Position),
            })
            .FirstOrDefaultAsync(cancellationToken);
        return now is not null && now.TreeSize == prefix.Size && string.Equals(now.RootHash, last.RootHex, StringComparison.Ordinal)
            && now.Leaves == prefix.Size && now.HighestEntryId <= prefix.HighestEntryId && now.Queued is null
            && trust.Store.ReadAfter(prefix.Size).Count == 0;
    }
}
