using JustCulture.Persistence.DecisionLog.Checkpoints;
using JustCulture.Persistence.DecisionLog.Merkle;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Persistence.DecisionLog;

/// <summary>
/// Checks the whole log (docs/decisions/0008-a-log-no-insider-can-rewrite.md): every leaf against its entry,
/// every entry's seal, the tree against its recorded head, and the tree against every signed checkpoint in the
/// store — which is what a rewrite made with the database's own rights cannot get past, however consistent.
/// </summary>
public static class DecisionLogVerifier
{
    /// <exception cref="CheckpointFormatException">when a file in the checkpoint store is not a checkpoint (named in the message).</exception>
    public static async Task<LogVerification> VerifyAsync(JustCultureDbContext db, DecisionLogTrust trust, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(trust);

        // The signed checkpoints first: one signed by another key is itself the finding. A file that is not a
        // checkpoint at all is not evidence either way (it carries no signature), so the check cannot be made:
        // its CheckpointFormatException, naming the file, goes to the caller as bad input to fix, not a verdict.
        var checkpoints = trust.Store.ReadAll();

        var verifier = trust.Verifier();
        // Each checkpoint's signatures are checked once; which witnesses cosigned is kept for the witness rule below.
        var witnessedBy = new List<IReadOnlySet<string>>(checkpoints.Count);
        foreach (var stored in checkpoints)
        {
            var result = verifier.Verify(stored.NoteText, stored.FilePath);
            if (!result.IsAccepted)
            {
                // The problem already starts with the file it is about.
                return LogVerification.Broken(0, result.Problem!, checkpointPath: stored.FilePath);
            }

            witnessedBy.Add(result.Witnesses.ToHashSet(StringComparer.Ordinal));
        }

        var entries = await db.DecisionLog.AsNoTracking().ToDictionaryAsync(e => e.EntryId, cancellationToken);
        var leaves = await db.DecisionLogLeaves.AsNoTracking().OrderBy(l => l.Sequence).ToListAsync(cancellationToken);
        var queued = (await db.DecisionLogQueue.AsNoTracking().Select(q => q.EntryId).ToListAsync(cancellationToken)).ToHashSet();
        var head = await db.DecisionLogTreeHeads.AsNoTracking().OrderByDescending(h => h.TreeSize).FirstOrDefaultAsync(cancellationToken);

        // Entries before the first checkpoint may be unsealed (written before the log was signed, adopted by it).
        var adoptionLimit = checkpoints.Count == 0 ? long.MaxValue : checkpoints[0].Checkpoint.Size;
        var frontier = new MerkleFrontier();
        var next = 0;
        var integrated = new HashSet<long>();
        var sealsFrom = long.MaxValue;
        foreach (var leaf in leaves)
        {
            var sequence = leaf.Sequence;
            if (sequence != frontier.Size + 1)
            {
                return LogVerification.Broken(frontier.Size, sequence <= frontier.Size
                    ? $"entry {sequence} appears twice in the tree"
                    : $"entr{(sequence - frontier.Size == 2 ? "y" : "ies")} {Range(frontier.Size + 1, sequence - 1)} missing from the tree before entry {sequence}", frontier.Size + 1);
            }

            if (!entries.TryGetValue(leaf.EntryId, out var entry))
            {
                return LogVerification.Broken(frontier.Size, $"entry {sequence} (id {leaf.EntryId}) is missing: it was deleted", sequence, leaf.EntryId);
            }

            if (!integrated.Add(leaf.EntryId))
            {
                return LogVerification.Broken(frontier.Size, $"entry {sequence} repeats entry id {leaf.EntryId}", sequence, leaf.EntryId);
            }

            if (!LeafEncoding.IsKnownVersion(entry.LeafVersion))
            {
                return LogVerification.Broken(frontier.Size, $"entry {sequence} has leaf version {entry.LeafVersion}, which does not exist: it was changed after it was written", sequence, leaf.EntryId);
            }

            var leafHash = LeafEncoding.LeafHash(entry);
            if (!string.Equals(Convert.ToHexStringLower(leafHash), leaf.LeafHash, StringComparison.Ordinal))
            {
                return LogVerification.Broken(frontier.Size, $"entry {sequence} was changed after it was written (its content no longer gives its leaf hash)", sequence, leaf.EntryId);
            }

            if (!EntrySeal.IsValid(trust.SealKey, entry))
            {
                var adoptable = entry.Seal is null && sequence <= adoptionLimit && sealsFrom == long.MaxValue;
                if (!adoptable)
                {
                    return LogVerification.Broken(frontier.Size,
                        $"entry {sequence} does not carry the application's seal: it was written or rewritten outside the application", sequence, leaf.EntryId);
                }
            }
            else
            {
                sealsFrom = Math.Min(sealsFrom, sequence);
            }

            frontier.Append(leafHash);
            while (next < checkpoints.Count && checkpoints[next].Checkpoint.Size == frontier.Size)
            {
                var stored = checkpoints[next];
                if (!frontier.Root().AsSpan().SequenceEqual(stored.Checkpoint.Root))
                {
                    var agreed = next == 0 ? 0 : checkpoints[next - 1].Checkpoint.Size;
                    return LogVerification.Broken(frontier.Size,
                        $"the log diverges from the signed checkpoint {stored.FilePath} (size {stored.Checkpoint.Size}): entries up to {stored.Checkpoint.Size} were rewritten; "
                        + $"the log still agrees with the checkpoint before it, so the change is among entries {agreed + 1}–{stored.Checkpoint.Size}",
                        agreed + 1, checkpointPath: stored.FilePath);
                }

                next++;
            }
        }

        var size = frontier.Size;
        if (next < checkpoints.Count)
        {
            var behind = checkpoints[^1];
            return LogVerification.Broken(size,
                $"the log is behind the signed checkpoint {behind.FilePath}: it has {size} entries but the checkpoint covers {behind.Checkpoint.Size}, so entries were removed from the end or the database was rolled back",
                size + 1, checkpointPath: behind.FilePath);
        }

        var root = Convert.ToHexStringLower(frontier.Root());
        if (size > 0 && (head is null || head.TreeSize != size || !string.Equals(head.RootHash, root, StringComparison.Ordinal)))
        {
            return LogVerification.Broken(size, head is null
                ? "the tree has leaves but no recorded head"
                : head.TreeSize != size
                    ? $"the tree's recorded head covers {head.TreeSize} entries but the tree has {size}: leaves were added or removed outside the sequencer"
                    : "the tree's recorded head has another root than its leaves give: the head or the leaves were rewritten", size);
        }

        var waiting = 0;
        foreach (var entry in entries.Values.Where(e => !integrated.Contains(e.EntryId)).OrderBy(e => e.EntryId))
        {
            if (!queued.Contains(entry.EntryId))
            {
                return LogVerification.Broken(size, $"entry id {entry.EntryId} is in the table but neither in the log nor waiting for it: it was inserted or hidden outside the application", entryId: entry.EntryId);
            }

            if (!EntrySeal.IsValid(trust.SealKey, entry) && !(entry.Seal is null && checkpoints.Count == 0))
            {
                return LogVerification.Broken(size, $"entry id {entry.EntryId}, waiting to be integrated, does not carry the application's seal: it was written outside the application", entryId: entry.EntryId);
            }

            waiting++;
        }

        if (trust.Witnesses.Count > 0)
        {
            if (!witnessedBy.Any(w => w.IsSupersetOf(trust.Witnesses.Keys)))
            {
                return LogVerification.Broken(size, $"no checkpoint in {trust.Store.Directory} is cosigned by {string.Join(" and ", trust.Witnesses.Keys)}: a witness is configured, so verification needs its cosignature");
            }
        }

        return new LogVerification(true, size, waiting, root, checkpoints.Count == 0 ? null : checkpoints[^1], checkpoints.Count, null, null, null, null);
    }

    private static string Range(long from, long to) => from == to ? $"{from} is" : $"{from}–{to} are";
}
