using JustCulture.Persistence.DecisionLog.Checkpoints;
using JustCulture.Persistence.DecisionLog.Merkle;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Persistence.DecisionLog;

/// <summary>What one integration pass did.</summary>
/// <param name="Refused">Queued entries left out because they do not carry the application's seal.</param>
public sealed record SequencerPass(long TreeSize, int Integrated, IReadOnlyList<long> Refused, StoredCheckpoint? SignedCheckpoint);

/// <summary>
/// Gives committed entries their place in the tree, in the order they were queued, in batches, off the request
/// path (docs/decisions/0008-a-log-no-insider-can-rewrite.md). One pass: read the queue, check each entry's
/// seal, add leaves and a tree head, drop the integrated queue rows — one transaction — then sign a checkpoint
/// when enough entries or time have gone by. Several processes may run passes against one database: a pass that
/// loses the race to another fails on the leaves' keys, rolls back and leaves the work to the winner.
/// One instance per process keeps the tree's frontier, so a pass costs O(batch · log n), not O(n).
/// </summary>
public sealed class DecisionLogSequencer(DecisionLogTrust trust, TimeProvider clock)
{
    public const int BatchSize = 500;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private MerkleFrontier _frontier = new();

    /// <summary>What this process has verified of the log (one per process, like the frontier).</summary>
    public VerifiedLogState Verified { get; } = new(trust, clock);

    /// <summary>Integrates everything queued (in batches) and checkpoints per the settings.</summary>
    public Task<SequencerPass> IntegrateAsync(JustCultureDbContext db, CancellationToken cancellationToken = default) =>
        RunAsync(db, forceCheckpoint: false, cancellationToken);

    /// <summary>Integrates everything queued and signs a checkpoint of the whole tree, unless the newest already covers it.</summary>
    public Task<SequencerPass> CheckpointAsync(JustCultureDbContext db, CancellationToken cancellationToken = default) =>
        RunAsync(db, forceCheckpoint: true, cancellationToken);

    private async Task<SequencerPass> RunAsync(JustCultureDbContext db, bool forceCheckpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var integrated = 0;
            var refused = new List<long>();
            var adopted = false;
            var conflicts = 0;
            while (true)
            {
                var batch = await IntegrateBatchAsync(db, refused, cancellationToken);
                integrated += batch.Integrated;
                adopted |= batch.Adopted;
                conflicts = batch.Conflict ? conflicts + 1 : 0;
                // Losing a race a few times in a row means something else is wrong (or busy): leave it to the next pass.
                if (!batch.More || conflicts == MaxConflictsInARow)
                {
                    break;
                }
            }

            var checkpoint = MaybeCheckpoint(forceCheckpoint || adopted);
            return new SequencerPass(_frontier.Size, integrated, refused, checkpoint);
        }
        finally
        {
            _gate.Release();
        }
    }

    private const int MaxConflictsInARow = 3;

    private async Task<(int Integrated, bool Adopted, bool More, bool Conflict)> IntegrateBatchAsync(JustCultureDbContext db, List<long> refused, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await CatchUpAsync(db, cancellationToken);
        var (next, more) = await NextQueuedAsync(db, refused, cancellationToken);
        if (next.Count == 0)
        {
            return (0, false, false, false);
        }

        var ids = next.Select(q => q.EntryId).ToList();
        var entries = await db.DecisionLog.AsNoTracking().Where(e => ids.Contains(e.EntryId)).ToDictionaryAsync(e => e.EntryId, cancellationToken);
        var alreadyIntegrated = (await db.DecisionLogLeaves.AsNoTracking().Where(l => ids.Contains(l.EntryId)).Select(l => l.EntryId).ToListAsync(cancellationToken)).ToHashSet();
        var queued = next.Select(q => new { q.Position, Entry = entries[q.EntryId], Integrated = alreadyIntegrated.Contains(q.EntryId) }).ToList();

        // Before anything was ever signed, entries from before sealing are adopted; after, an unsealed entry is a forgery.
        var mayAdopt = trust.Store.Newest() is null;
        var frontier = _frontier.Clone();
        var now = clock.GetUtcNow().UtcDateTime;
        var leaves = new List<DecisionLogLeaf>();
        var done = new List<long>();
        var adopted = false;
        foreach (var item in queued)
        {
            if (item.Integrated)
            {
                // Integrated by a pass whose queue deletion another pass then raced; just drop the queue row.
                done.Add(item.Position);
                continue;
            }

            var sealedByUs = EntrySeal.IsValid(trust.SealKey, item.Entry);
            if (!sealedByUs && !(mayAdopt && item.Entry.Seal is null))
            {
                refused.Add(item.Entry.EntryId);
                continue;
            }

            adopted |= !sealedByUs;
            var leafHash = LeafEncoding.LeafHash(item.Entry);
            frontier.Append(leafHash);
            leaves.Add(new DecisionLogLeaf { Sequence = frontier.Size, EntryId = item.Entry.EntryId, LeafHash = Convert.ToHexStringLower(leafHash), IntegratedAtUtc = now });
            done.Add(item.Position);
        }

        if (done.Count == 0)
        {
            return (0, false, more, false);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                db.DecisionLogLeaves.AddRange(leaves);
                if (leaves.Count > 0)
                {
                    db.DecisionLogTreeHeads.Add(new DecisionLogTreeHead { TreeSize = frontier.Size, RootHash = Convert.ToHexStringLower(frontier.Root()), IntegratedAtUtc = now });
                }

                await db.SaveChangesAsync(cancellationToken);
                await db.DecisionLogQueue.Where(q => done.Contains(q.Position)).ExecuteDeleteAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another process integrated these first. Our frontier is still the tree before this batch, a prefix
                // of what the winner committed: the next pass catches up from the database by the difference.
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                return (0, false, true, true);
            }
        }

        db.ChangeTracker.Clear();
        _frontier = frontier;
        return (leaves.Count, adopted, more, false);
    }

    private sealed record QueuedEntry(long Position, long EntryId);

    /// <summary>
    /// The next batch of the queue, in the order to integrate it: by queue position, except that the entries one
    /// transaction inserted stay together, in the order it inserted them. On PostgreSQL steps commit side by side
    /// and their inserts interleave in the queue's numbering, yet each step's entries must take consecutive places
    /// in the log; a transaction's rows all become visible at once, so its whole group is taken (the batch may run
    /// a little over <see cref="BatchSize"/>). SQL Server likewise, by the transaction the enqueue trigger recorded,
    /// after waiting for every transaction still queueing (<see cref="SqlServerQueueHead"/>). SQLite lets one writer at
    /// a time, so there the queue order suffices.
    /// </summary>
    private static async Task<(List<QueuedEntry> Next, bool More)> NextQueuedAsync(JustCultureDbContext db, List<long> refused, CancellationToken cancellationToken)
    {
        if (db is not PostgresJustCultureDbContext and not SqlServerJustCultureDbContext)
        {
            var skip = refused.ToHashSet();
            var rows = await db.DecisionLogQueue.AsNoTracking().Where(q => !skip.Contains(q.EntryId)).OrderBy(q => q.Position).Take(BatchSize)
                .Select(q => new QueuedEntry(q.Position, q.EntryId)).ToListAsync(cancellationToken);
            return (rows, rows.Count == BatchSize);
        }

        List<(long Position, long EntryId, string Transaction)> grouped;
        int headCount;
        if (db is SqlServerJustCultureDbContext)
        {
            (grouped, headCount) = await SqlServerQueueHead.ReadAsync(db, refused, BatchSize, cancellationToken);
        }
        else
        {
            (grouped, headCount) = await PostgresQueueHeadAsync(db, refused, cancellationToken);
        }

        var next = grouped.GroupBy(q => q.Transaction)
            .OrderBy(g => g.Min(q => q.Position))
            .SelectMany(g => g.OrderBy(q => q.Position))
            .Select(q => new QueuedEntry(q.Position, q.EntryId))
            .ToList();
        return (next, headCount == BatchSize);
    }

    /// <summary>The PostgreSQL queue head: <c>xmin</c> names the transaction (or the savepoint of one SaveChanges) that inserted the row.</summary>
    private static async Task<(List<(long Position, long EntryId, string Transaction)> Rows, int HeadCount)> PostgresQueueHeadAsync(
        JustCultureDbContext db, List<long> refused, CancellationToken cancellationToken)
    {
        var grouped = new List<(long Position, long EntryId, string Transaction)>();
        var headCount = 0;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                WITH head AS (
                    SELECT xmin::text AS txn FROM decision_log_queue
                    WHERE NOT (entry_id = ANY(@refused)) ORDER BY position LIMIT @limit)
                SELECT q.position, q.entry_id, q.xmin::text, (SELECT count(*) FROM head)
                FROM decision_log_queue q
                WHERE NOT (q.entry_id = ANY(@refused)) AND q.xmin::text IN (SELECT txn FROM head)
                """;
            command.Parameters.Add(new Npgsql.NpgsqlParameter<long[]>("refused", refused.ToArray()));
            command.Parameters.Add(new Npgsql.NpgsqlParameter<int>("limit", BatchSize));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                grouped.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2)));
                headCount = (int)reader.GetInt64(3);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return (grouped, headCount);
    }

    /// <summary>Brings this process's frontier up to the tree in the database (another process may have grown it).</summary>
    private async Task CatchUpAsync(JustCultureDbContext db, CancellationToken cancellationToken)
    {
        var size = await db.DecisionLogLeaves.MaxAsync(l => (long?)l.Sequence, cancellationToken) ?? 0;
        if (size == _frontier.Size)
        {
            return;
        }

        var from = size > _frontier.Size ? _frontier.Size : 0;
        var frontier = from == 0 ? new MerkleFrontier() : _frontier.Clone();
        var hashes = db.DecisionLogLeaves.AsNoTracking().Where(l => l.Sequence > from && l.Sequence <= size).OrderBy(l => l.Sequence).Select(l => l.LeafHash);
        await foreach (var hash in hashes.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            frontier.Append(Convert.FromHexString(hash));
        }

        _frontier = frontier;
    }

    private StoredCheckpoint? MaybeCheckpoint(bool force)
    {
        var size = _frontier.Size;
        var newest = trust.Store.Newest();
        var newestSize = newest?.Checkpoint.Size ?? 0;
        if (size == 0 || size <= newestSize)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var due = force
            || size - newestSize >= trust.Settings.CheckpointEveryEntries
            || newest is null
            || now - newest.Checkpoint.SignedAt >= trust.Settings.CheckpointInterval;
        if (!due)
        {
            return null;
        }

        var checkpoint = new Checkpoint(trust.Origin, size, _frontier.Root(), DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()));
        var note = trust.SigningKey.SignCheckpoint(checkpoint);
        try
        {
            return trust.Store.Write(note, checkpoint);
        }
        catch (InvalidOperationException)
        {
            // Another process signed this size a moment ago; its checkpoint stands.
            return trust.Store.Newest();
        }
    }
}
