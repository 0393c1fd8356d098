using System.Buffers;
using System.Security.Cryptography;
using JustCulture.Persistence.DecisionLog.Checkpoints;
using JustCulture.Persistence.DecisionLog.Merkle;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Persistence.DecisionLog;

/// <summary>
/// Checks the log (docs/decisions/0008-a-log-no-insider-can-rewrite.md): every leaf against its entry,
/// every entry's seal, the tree against its recorded head, and the tree against every signed checkpoint in the
/// store — which is what a rewrite made with the database's own rights cannot get past, however consistent.
/// It streams: entries are read in pages by sequence and hashed while the next page loads, and only the tree's
/// frontier is kept, so memory does not grow with the log (docs/log-format.md §5).
/// </summary>
public static class DecisionLogVerifier
{
    /// <summary>Entries read per query: large enough that round trips do not dominate, small enough to stay flat in memory.</summary>
    public const int PageSize = 2000;

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
        using var walk = new LeafWalk(trust, from, checkpoints, adoptionLimit, await FirstPlacesOfRepeatedEntryIdsAsync(db, cancellationToken));

        // The sequencer commits leaves and their tree head together; one that committed while we read shows as a
        // head beyond what we walked, so walk on to it rather than report a mismatch that is only a race.
        DecisionLogTreeHead? head;
        while (true)
        {
            var (broken, read) = await WalkOnAsync(db, walk, cancellationToken);
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
    /// Reads pages of leaves with their entries from where the walk stands, hashing each page on the thread pool
    /// while the next one loads (the database and the hashing each keep one core busy).
    /// </summary>
    private static async Task<(LogVerification? Broken, long Read)> WalkOnAsync(JustCultureDbContext db, LeafWalk walk, CancellationToken cancellationToken)
    {
        long read = 0;
        var page = await ReadPageAsync(db, walk.Size, cancellationToken);
        while (page.Count > 0)
        {
            var current = page;
            var processing = Task.Run(() => walk.Process(current), cancellationToken);
            var next = current.Count == PageSize ? ReadPageAsync(db, current[^1].Sequence, cancellationToken) : Task.FromResult(new List<LeafRow>());
            LogVerification? broken;
            try
            {
                broken = await processing;
            }
            finally
            {
                // The context allows one operation at a time; never leave the next read running behind us.
                page = await next;
            }

            read += current.Count;
            if (broken is not null)
            {
                return (broken, read);
            }
        }

        return (null, read);
    }

    private sealed record LeafRow(long Sequence, long EntryId, string LeafHash, DecisionLogEntry? Entry);

    // Keyset paging by sequence (the leaves' key), each leaf with its entry or none when the entry was deleted.
    private static Task<List<LeafRow>> ReadPageAsync(JustCultureDbContext db, long after, CancellationToken cancellationToken) =>
        db.DecisionLogLeaves.AsNoTracking()
            .Where(l => l.Sequence > after)
            .OrderBy(l => l.Sequence)
            .Take(PageSize)
            .LeftJoin(db.DecisionLog.AsNoTracking(), l => l.EntryId, e => e.EntryId, (l, e) => new { l.Sequence, l.EntryId, l.LeafHash, Entry = e })
            .OrderBy(r => r.Sequence)
            .Select(r => new LeafRow(r.Sequence, r.EntryId, r.LeafHash, r.Entry))
            .ToListAsync(cancellationToken);

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
    private sealed class LeafWalk : IDisposable
    {
        private readonly MerkleFrontier _frontier;
        private readonly IReadOnlyList<StoredCheckpoint> _checkpoints;
        private readonly long _adoptionLimit;
        private readonly long _agreedBefore;
        private readonly Dictionary<long, long> _repeated;
        private readonly IncrementalHash _leafHasher = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly IncrementalHash _sealer;
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(4096);
        private int _next;
        private long _sealsFrom;
        private long _highestEntryId;
        private VerifiedLogPrefix? _prefix;

        public LeafWalk(DecisionLogTrust trust, VerifiedLogPrefix? from, IReadOnlyList<StoredCheckpoint> checkpoints, long adoptionLimit, Dictionary<long, long> repeated)
        {
            _frontier = from?.Frontier() ?? new MerkleFrontier();
            _sealsFrom = from?.SealsFrom ?? long.MaxValue;
            _highestEntryId = from?.HighestEntryId ?? long.MinValue;
            _agreedBefore = from?.Size ?? 0;
            _checkpoints = checkpoints;
            _adoptionLimit = adoptionLimit;
            _repeated = repeated;
            _sealer = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, trust.SealKey);
        }

        public long Size => _frontier.Size;

        public long EntriesRead { get; private set; }

        /// <summary>Whether some checkpoint is larger than the tree walked (the log is behind it).</summary>
        public bool UncheckedCheckpoints => _next < _checkpoints.Count;

        public byte[] Root() => _frontier.Root();

        public VerifiedLogPrefix? PrefixAtNewestCheckpoint(int checkpointCount, bool witnessed) =>
            _prefix is null ? null : new VerifiedLogPrefix(_prefix.Checkpoint, _prefix.Frontier(), checkpointCount, _prefix.SealsFrom, _adoptionLimit, _prefix.HighestEntryId, witnessed);

        public LogVerification? Process(List<LeafRow> page)
        {
            Span<byte> leafHash = stackalloc byte[MerkleHashing.HashSize];
            Span<byte> storedHash = stackalloc byte[MerkleHashing.HashSize];
            foreach (var leaf in page)
            {
                EntriesRead++;
                var size = _frontier.Size;
                var sequence = leaf.Sequence;
                if (sequence != size + 1)
                {
                    return LogVerification.Broken(size, sequence <= size
                        ? $"entry {sequence} appears twice in the tree"
                        : $"entr{(sequence - size == 2 ? "y" : "ies")} {Range(size + 1, sequence - 1)} missing from the tree before entry {sequence}", size + 1);
                }

                if (leaf.Entry is not { } entry)
                {
                    return LogVerification.Broken(size, $"entry {sequence} (id {leaf.EntryId}) is missing: it was deleted", sequence, leaf.EntryId);
                }

                if (_repeated.TryGetValue(leaf.EntryId, out var first) && first != sequence)
                {
                    return LogVerification.Broken(size, $"entry {sequence} repeats entry id {leaf.EntryId}", sequence, leaf.EntryId);
                }

                if (!LeafEncoding.IsKnownVersion(entry.LeafVersion))
                {
                    return LogVerification.Broken(size, $"entry {sequence} has leaf version {entry.LeafVersion}, which does not exist: it was changed after it was written", sequence, leaf.EntryId);
                }

                var input = Encode(entry);
                _leafHasher.AppendData(input);
                _leafHasher.GetHashAndReset(leafHash);
                if (!TryReadStoredHash(leaf.LeafHash, storedHash) || !leafHash.SequenceEqual(storedHash))
                {
                    return LogVerification.Broken(size, $"entry {sequence} was changed after it was written (its content no longer gives its leaf hash)", sequence, leaf.EntryId);
                }

                // The seal covers the leaf data, which is the leaf hash's input without its 0x00 prefix.
                if (!EntrySeal.IsValid(_sealer, entry.Seal, input[1..]))
                {
                    var adoptable = entry.Seal is null && sequence <= _adoptionLimit && _sealsFrom == long.MaxValue;
                    if (!adoptable)
                    {
                        return LogVerification.Broken(size,
                            $"entry {sequence} does not carry the application's seal: it was written or rewritten outside the application", sequence, leaf.EntryId);
                    }
                }
                else
                {
                    _sealsFrom = Math.Min(_sealsFrom, sequence);
                }

                _frontier.Append(leafHash);
                _highestEntryId = Math.Max(_highestEntryId, leaf.EntryId);
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

        private ReadOnlySpan<byte> Encode(DecisionLogEntry entry)
        {
            var needed = LeafEncoding.MaxLeafInputLength(entry);
            if (needed > _buffer.Length)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = ArrayPool<byte>.Shared.Rent(needed);
            }

            return _buffer.AsSpan(0, LeafEncoding.WriteLeafInput(entry, _buffer));
        }

        // The leaves table holds lower-case hex (what the sequencer writes); any other spelling was not written by it.
        private static bool TryReadStoredHash(string hex, Span<byte> destination) =>
            hex.Length == 2 * MerkleHashing.HashSize && !hex.AsSpan().ContainsAnyInRange('A', 'F')
            && Convert.FromHexString(hex, destination, out _, out var written) == OperationStatus.Done && written == MerkleHashing.HashSize;

        public void Dispose()
        {
            _leafHasher.Dispose();
            _sealer.Dispose();
            ArrayPool<byte>.Shared.Return(_buffer);
        }
    }

    private static string Range(long from, long to) => from == to ? $"{from} is" : $"{from}–{to} are";
}
