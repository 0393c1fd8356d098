using System.Collections.Concurrent;
using System.Threading.Channels;
using JustCulture.Persistence.DecisionLog.Checkpoints;
using JustCulture.Persistence.DecisionLog.Merkle;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Persistence.DecisionLog;

/// <summary>
/// Checks the log (docs/decisions/0008-a-log-no-insider-can-rewrite.md): every leaf against its entry,
/// every entry's seal, the tree against its recorded head, and the tree against every signed checkpoint in the
/// store — which is what a rewrite made with the database's own rights cannot get past, however consistent.
/// It streams: leaves and their entries are read in pages by sequence (<see cref="LeafReader"/>) and hashed in runs on the thread pool while the next run loads, and only the tree's
/// frontier is kept, so memory does not grow with the log (docs/log-format.md §5).
/// </summary>
public static class DecisionLogVerifier
{
    /// <summary>Runs of leaves read but not yet walked, at most: what bounds memory while reading runs ahead of hashing.</summary>
    private const int BatchesInFlight = 4;

    /// <summary>Verifies the whole log.</summary>
    /// <exception cref="CheckpointFormatException">when a file in the checkpoint store is not a checkpoint (named in the message).</exception>
    public static Task<LogVerification> VerifyAsync(JustCultureDbContext db, DecisionLogTrust trust, CancellationToken cancellationToken = default) =>
        VerifyAsync(db, trust, from: null, cancellationToken);

    /// <summary>
    /// Verifies the entries after <paramref name="from"/> (what an earlier verification of this log proved), or the
    /// whole log when it is null. Starting from a prefix trusts it: rows inside it are not reread, so a change to them
    /// is found only by the next whole verification (docs/decisions/0013-incremental-log-verification.md).
    /// </summary>
    /// <exception cref="CheckpointFormatException">when a file in the checkpoint store is not a checkpoint (named in the message).</exception>
    public static async Task<LogVerification> VerifyAsync(JustCultureDbContext db, DecisionLogTrust trust, VerifiedLogPrefix? from, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(trust);

        // The signed checkpoints first: one signed by another key is itself the finding. A file that is not a
        // checkpoint at all is not evidence either way (it carries no signature), so the check cannot be made:
        // its CheckpointFormatException, naming the file, goes to the caller as bad input to fix, not a verdict.
        var checkpoints = from is null ? trust.Store.ReadAll() : trust.Store.ReadAfter(from.Size);
        var verifier = trust.Verifier();
        var witnessed = from?.Witnessed ?? false;
        foreach (var stored in checkpoints)
        {
            var result = verifier.Verify(stored.NoteText, stored.FilePath);
            if (!result.IsAccepted)
            {
                // The problem already starts with the file it is about.
                return LogVerification.Broken(0, result.Problem!, checkpointPath: stored.FilePath);
            }

            witnessed |= result.Witnesses.ToHashSet(StringComparer.Ordinal).IsSupersetOf(trust.Witnesses.Keys);
        }

        var checkpointCount = (from?.CheckpointCount ?? 0) + checkpoints.Count;
        // Entries before the first checkpoint may be unsealed (written before the log was signed, adopted by it).
        var adoptionLimit = from?.AdoptionLimit ?? (checkpoints.Count == 0 ? long.MaxValue : checkpoints[0].Checkpoint.Size);
        var walk = new LeafWalk(from, checkpoints, adoptionLimit, await FirstPlacesOfRepeatedEntryIdsAsync(db, cancellationToken));
        var reader = new LeafReader(db);

        // The sequencer commits leaves and their tree head together; one that committed while we read shows as a
        // head beyond what we walked, so walk on to it rather than report a mismatch that is only a race.
        DecisionLogTreeHead? head;
        while (true)
        {
            var (broken, read) = await WalkOnAsync(reader, walk, trust.SealKey, cancellationToken);
            if (broken is not null)
            {
                return broken;
            }

            head = await db.DecisionLogTreeHeads.AsNoTracking().OrderByDescending(h => h.TreeSize).FirstOrDefaultAsync(cancellationToken);
            if (read == 0 || head is null || head.TreeSize <= walk.Size)
            {
                break;
            }
        }

        var size = walk.Size;
        if (walk.UncheckedCheckpoints)
        {
            var behind = checkpoints[^1];
            return LogVerification.Broken(size,
                $"the log is behind the signed checkpoint {behind.FilePath}: it has {size} entries but the checkpoint covers {behind.Checkpoint.Size}, so entries were removed from the end or the database was rolled back",
                size + 1, checkpointPath: behind.FilePath);
        }

        var root = Convert.ToHexStringLower(walk.Root());
        if (size > 0 && (head is null || head.TreeSize != size || !string.Equals(head.RootHash, root, StringComparison.Ordinal)))
        {
            return LogVerification.Broken(size, head is null
                ? "the tree has leaves but no recorded head"
                : head.TreeSize != size
                    ? $"the tree's recorded head covers {head.TreeSize} entries but the tree has {size}: leaves were added or removed outside the sequencer"
                    : "the tree's recorded head has another root than its leaves give: the head or the leaves were rewritten", size);
        }

        var waiting = 0;
        // Rows not in the tree must be waiting for it. After a prefix only rows beyond it, and those queued, are read:
        // a row slipped in among old ids is found by the next whole verification.
        // After a whole walk each leaf named its own entry, so a table holding no more rows than the tree has none
        // outside it, and the search below (one probe per row) is needed only when it holds more.
        if (from is not null || await db.DecisionLog.LongCountAsync(cancellationToken) > size)
        {
            var bound = from?.HighestEntryId ?? long.MinValue;
            var notIntegrated = db.DecisionLog.AsNoTracking()
                .Where(e => !db.DecisionLogLeaves.Any(l => l.EntryId == e.EntryId))
                .Where(e => e.EntryId > bound || db.DecisionLogQueue.Any(q => q.EntryId == e.EntryId))
                .OrderBy(e => e.EntryId)
                .Select(e => new { Entry = e, Queued = db.DecisionLogQueue.Any(q => q.EntryId == e.EntryId) });
            await foreach (var row in notIntegrated.AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                var entry = row.Entry;
                if (!row.Queued)
                {
                    return LogVerification.Broken(size, $"entry id {entry.EntryId} is in the table but neither in the log nor waiting for it: it was inserted or hidden outside the application", entryId: entry.EntryId);
                }

                if (!EntrySeal.IsValid(trust.SealKey, entry) && !(entry.Seal is null && checkpointCount == 0))
                {
                    return LogVerification.Broken(size, $"entry id {entry.EntryId}, waiting to be integrated, does not carry the application's seal: it was written outside the application", entryId: entry.EntryId);
                }

                waiting++;
            }
        }

        if (trust.Witnesses.Count > 0 && !witnessed)
        {
            return LogVerification.Broken(size, $"no checkpoint in {trust.Store.Directory} is cosigned by {string.Join(" and ", trust.Witnesses.Keys)}: a witness is configured, so verification needs its cosignature");
        }

        var newest = checkpoints.Count == 0 ? from?.Checkpoint : checkpoints[^1];
        return new LogVerification(true, size, waiting, root, newest, checkpoints.Count, null, null, null, null)
        {
            EntriesRead = walk.EntriesRead,
            Incremental = from is not null,
            Prefix = walk.PrefixAtNewestCheckpoint(checkpointCount, witnessed) ?? from,
        };
    }

    /// <summary>
    /// Reads leaves with their entries from where the walk stands and walks them: one task reads and encodes runs of
    /// leaves, each run is hashed on the thread pool as soon as it is full (runs hash in parallel), and the walk takes
    /// them in order — so the database, the hashing and the tree keep both cores busy. At most
    /// <see cref="BatchesInFlight"/> runs wait at any time, so memory does not grow with the log.
    /// </summary>
    private static async Task<(LogVerification? Broken, long Read)> WalkOnAsync(LeafReader reader, LeafWalk walk, byte[] sealKey, CancellationToken cancellationToken)
    {
        var hashed = Channel.CreateBounded<Task<LeafBatch>>(new BoundedChannelOptions(BatchesInFlight) { SingleReader = true, SingleWriter = true });
        var free = new ConcurrentBag<LeafBatch>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(async () =>
        {
            try
            {
                await reader.ReadAsync(walk.Size, () => free.TryTake(out var batch) ? batch : new LeafBatch(),
                    batch => hashed.Writer.WriteAsync(Task.Run(() => batch.Hash(sealKey), CancellationToken.None), stop.Token), stop.Token);
                hashed.Writer.Complete();
            }
            catch (Exception ex)
            {
                hashed.Writer.Complete(ex);
                throw;
            }
        }, CancellationToken.None);

        long read = 0;
        LogVerification? broken = null;
        try
        {
            await foreach (var hashing in hashed.Reader.ReadAllAsync(cancellationToken))
            {
                var batch = await hashing;
                broken = walk.Process(batch);
                read += batch.Count;
                if (broken is not null)
                {
                    break;
                }

                batch.Clear();
                free.Add(batch);
            }
        }
        finally
        {
            // The context allows one operation at a time; never leave the reader running behind us.
            await stop.CancelAsync();
            try
            {
                await reading;
            }
            catch (OperationCanceledException)
            {
                // Stopped because the walk ended early (or the caller cancelled, which the walk reports itself).
            }
        }

        return (broken, read);
    }

    /// <summary>
    /// Each entry id that has more than one place in the tree, with its first. Normally none (a unique index stands
    /// in the way), so the walk need not remember every id it has seen to find a repeat.
    /// </summary>
    private static async Task<Dictionary<long, long>> FirstPlacesOfRepeatedEntryIdsAsync(JustCultureDbContext db, CancellationToken cancellationToken) =>
        await db.DecisionLogLeaves.AsNoTracking()
            .GroupBy(l => l.EntryId)
            .Where(g => g.Count() > 1)
            .Select(g => new { EntryId = g.Key, First = g.Min(l => l.Sequence) })
            .ToDictionaryAsync(g => g.EntryId, g => g.First, cancellationToken);

    /// <summary>The walk along the tree: checks each leaf in order and grows the frontier. One page at a time, never two at once.</summary>
    private sealed class LeafWalk
    {
        private readonly MerkleFrontier _frontier;
        private readonly IReadOnlyList<StoredCheckpoint> _checkpoints;
        private readonly long _adoptionLimit;
        private readonly long _agreedBefore;
        private readonly Dictionary<long, long> _repeated;
        private int _next;
        private long _sealsFrom;
        private long _highestEntryId;
        private VerifiedLogPrefix? _prefix;

        public LeafWalk(VerifiedLogPrefix? from, IReadOnlyList<StoredCheckpoint> checkpoints, long adoptionLimit, Dictionary<long, long> repeated)
        {
            _frontier = from?.Frontier() ?? new MerkleFrontier();
            _sealsFrom = from?.SealsFrom ?? long.MaxValue;
            _highestEntryId = from?.HighestEntryId ?? long.MinValue;
            _agreedBefore = from?.Size ?? 0;
            _checkpoints = checkpoints;
            _adoptionLimit = adoptionLimit;
            _repeated = repeated;
        }

        public long Size => _frontier.Size;

        public long EntriesRead { get; private set; }

        /// <summary>Whether some checkpoint is larger than the tree walked (the log is behind it).</summary>
        public bool UncheckedCheckpoints => _next < _checkpoints.Count;

        public byte[] Root() => _frontier.Root();

        public VerifiedLogPrefix? PrefixAtNewestCheckpoint(int checkpointCount, bool witnessed) =>
            _prefix is null ? null : new VerifiedLogPrefix(_prefix.Checkpoint, _prefix.Frontier(), checkpointCount, _prefix.SealsFrom, _adoptionLimit, _prefix.HighestEntryId, witnessed);

        /// <summary>Checks a hashed run of leaves in order (<see cref="LeafBatch.Hash"/> has run) and grows the tree.</summary>
        public LogVerification? Process(LeafBatch batch)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                EntriesRead++;
                var size = _frontier.Size;
                var sequence = batch.Sequence[i];
                var entryId = batch.EntryId[i];
                if (sequence != size + 1)
                {
                    return LogVerification.Broken(size, sequence <= size
                        ? $"entry {sequence} appears twice in the tree"
                        : $"entr{(sequence - size == 2 ? "y" : "ies")} {Range(size + 1, sequence - 1)} missing from the tree before entry {sequence}", size + 1);
                }

                if (batch.State[i] == LeafBatch.RowState.EntryMissing)
                {
                    return LogVerification.Broken(size, $"entry {sequence} (id {entryId}) is missing: it was deleted", sequence, entryId);
                }

                if (_repeated.TryGetValue(entryId, out var first) && first != sequence)
                {
                    return LogVerification.Broken(size, $"entry {sequence} repeats entry id {entryId}", sequence, entryId);
                }

                if (batch.State[i] == LeafBatch.RowState.UnknownVersion)
                {
                    return LogVerification.Broken(size, $"entry {sequence} has leaf version {batch.LeafVersion[i]}, which does not exist: it was changed after it was written", sequence, entryId);
                }

                if (!batch.LeafHashMatches[i])
                {
                    return LogVerification.Broken(size, $"entry {sequence} was changed after it was written (its content no longer gives its leaf hash)", sequence, entryId);
                }

                if (!batch.SealMatches[i])
                {
                    var adoptable = batch.SealIsNull[i] && sequence <= _adoptionLimit && _sealsFrom == long.MaxValue;
                    if (!adoptable)
                    {
                        return LogVerification.Broken(size,
                            $"entry {sequence} does not carry the application's seal: it was written or rewritten outside the application", sequence, entryId);
                    }
                }
                else
                {
                    _sealsFrom = Math.Min(_sealsFrom, sequence);
                }

                _frontier.Append(batch.LeafHashOf(i));
                _highestEntryId = Math.Max(_highestEntryId, entryId);
                if (CheckCheckpoints() is { } diverged)
                {
                    return diverged;
                }
            }

            return null;
        }

        private LogVerification? CheckCheckpoints()
        {
            while (_next < _checkpoints.Count && _checkpoints[_next].Checkpoint.Size == _frontier.Size)
            {
                var stored = _checkpoints[_next];
                if (!_frontier.Root().AsSpan().SequenceEqual(stored.Checkpoint.Root))
                {
                    var agreed = _next == 0 ? _agreedBefore : _checkpoints[_next - 1].Checkpoint.Size;
                    return LogVerification.Broken(_frontier.Size,
                        $"the log diverges from the signed checkpoint {stored.FilePath} (size {stored.Checkpoint.Size}): entries up to {stored.Checkpoint.Size} were rewritten; "
                        + $"the log still agrees with the checkpoint before it, so the change is among entries {agreed + 1}–{stored.Checkpoint.Size}",
                        agreed + 1, checkpointPath: stored.FilePath);
                }

                _next++;
                if (_next == _checkpoints.Count)
                {
                    // Where the next verification may start: the frontier here, before any entry the checkpoint does not cover.
                    _prefix = new VerifiedLogPrefix(stored, _frontier, 0, _sealsFrom, _adoptionLimit, _highestEntryId, witnessed: false);
                }
            }

            return null;
        }
    }

    private static string Range(long from, long to) => from == to ? $"{from} is" : $"{from}–{to} are";
}
