using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.DecisionLog.Merkle;
using JustCulture.Persistence.DecisionLog.PersonalData;
using JustCulture.Persistence.Tests.Support;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Persistence.Tests.Log;

/// <summary>
/// A migrated database with the log's trust beside it in a temporary folder (signing key and checkpoint
/// store, as a deployment keeps them outside the database), one writer and one sequencer — what one
/// application process holds. Checkpoints are signed only when a test asks (<see cref="CheckpointAsync"/>), or
/// by the first integration ever, so tests choose the sizes that are signed.
/// </summary>
public sealed class SignedLog : IDisposable
{
    private int _lastAnswer;

    private SignedLog(ProviderDatabase database)
    {
        Database = database;
        Folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"jc-log-tests-{Guid.NewGuid():N}")).FullName;
        Settings = DecisionLogSettings.Resolve(database.Location, Path.Combine(Folder, "log-key.pem"), Path.Combine(Folder, "checkpoints"),
            checkpointEveryEntries: 1_000_000, checkpointInterval: TimeSpan.FromDays(365));
        Trust = new DecisionLogTrust(Settings);
        Protector = new CaseDataProtector(Trust);
        Writer = new DecisionLogWriter(Trust, Protector);
        Sequencer = new DecisionLogSequencer(Trust, TimeProvider.System);
    }

    public ProviderDatabase Database { get; }

    public TestProvider Provider => Database.Provider;

    /// <summary>The temporary folder holding the key and the checkpoint store.</summary>
    public string Folder { get; }

    public DecisionLogSettings Settings { get; }

    public DecisionLogTrust Trust { get; }

    public CaseDataProtector Protector { get; }

    public DecisionLogWriter Writer { get; }

    public DecisionLogSequencer Sequencer { get; }

    public static async Task<SignedLog> CreateAsync(TestProvider provider, string namePrefix) =>
        new(await ProviderDatabase.CreateMigratedAsync(provider, namePrefix));

    /// <summary>The log of a database the test has already migrated (or upgraded) itself.</summary>
    public static SignedLog Over(ProviderDatabase database) => new(database);

    public JustCultureDbContext CreateContext() => Database.CreateContext();

    /// <summary>Appends one step of <paramref name="count"/> answers, numbered on from the last step's.</summary>
    public async Task<IReadOnlyList<DecisionLogEntry>> AppendStepAsync(int count)
    {
        var entries = Enumerable.Range(_lastAnswer + 1, count).Select(n => LogEntries.Answer(n)).ToList();
        _lastAnswer += count;
        await LogEntries.AppendAsync(Database, Writer, entries);
        return entries;
    }

    /// <summary>Appends one step per size given, then signs a checkpoint of everything.</summary>
    public async Task StepsThenCheckpointAsync(params int[] stepSizes)
    {
        foreach (var size in stepSizes)
        {
            await AppendStepAsync(size);
        }

        (await CheckpointAsync()).SignedCheckpoint.ShouldNotBeNull();
    }

    public async Task<SequencerPass> IntegrateAsync()
    {
        await using var db = CreateContext();
        return await Sequencer.IntegrateAsync(db);
    }

    public async Task<SequencerPass> CheckpointAsync()
    {
        await using var db = CreateContext();
        return await Sequencer.CheckpointAsync(db);
    }

    public async Task<LogVerification> VerifyAsync()
    {
        await using var db = CreateContext();
        return await DecisionLogVerifier.VerifyAsync(db, Trust);
    }

    public string CheckpointPath(long size) => Trust.Store.PathFor(size);

    /// <summary>The integrated entries in sequence order.</summary>
    public async Task<List<SequencedEntry>> IntegratedAsync()
    {
        await using var db = CreateContext();
        return await DecisionLogStore.Integrated(db, long.MaxValue).ToListAsync();
    }

    public async Task<long> EntryIdAtAsync(long sequence)
    {
        await using var db = CreateContext();
        return await db.DecisionLogLeaves.Where(l => l.Sequence == sequence).Select(l => l.EntryId).SingleAsync();
    }

    public async Task<List<long>> QueuedEntryIdsAsync()
    {
        await using var db = CreateContext();
        return await db.DecisionLogQueue.OrderBy(q => q.Position).Select(q => q.EntryId).ToListAsync();
    }

    /// <summary>
    /// Plays an insider with the schema owner's rights: drops the triggers that refuse changing or removing entries,
    /// leaves and tree heads and that keep leaves and heads in order. The trigger queueing new entries stays.
    /// </summary>
    public Task RemoveProtectionAsync() => Database.ExecuteAsync(Provider switch
    {
        TestProvider.Sqlite => """
          DROP TRIGGER decision_log_no_update; DROP TRIGGER decision_log_no_delete;
          DROP TRIGGER decision_log_leaves_no_update; DROP TRIGGER decision_log_leaves_no_delete;
          DROP TRIGGER decision_log_tree_heads_no_update; DROP TRIGGER decision_log_tree_heads_no_delete;
          DROP TRIGGER decision_log_leaves_in_order; DROP TRIGGER decision_log_tree_heads_match_leaves;
          """,
        TestProvider.SqlServer => """
          DROP TRIGGER decision_log_no_update_delete; DROP TRIGGER decision_log_leaves_no_update_delete;
          DROP TRIGGER decision_log_tree_heads_no_update_delete;
          DROP TRIGGER decision_log_leaves_in_order; DROP TRIGGER decision_log_tree_heads_match_leaves;
          """,
        _ => """
          DROP TRIGGER decision_log_no_update_delete ON decision_log; DROP TRIGGER decision_log_no_truncate ON decision_log;
          DROP TRIGGER decision_log_leaves_no_update_delete ON decision_log_leaves; DROP TRIGGER decision_log_leaves_no_truncate ON decision_log_leaves;
          DROP TRIGGER decision_log_tree_heads_no_update_delete ON decision_log_tree_heads; DROP TRIGGER decision_log_tree_heads_no_truncate ON decision_log_tree_heads;
          DROP TRIGGER decision_log_leaves_in_order ON decision_log_leaves; DROP TRIGGER decision_log_tree_heads_match_leaves ON decision_log_tree_heads;
          """,
    });

    /// <summary>
    /// Rebuilds the tree the way an insider with the product's own hashing code (but not its key) would: the
    /// leaves of <paramref name="entryIds"/> in that order, each hashed from the entry as it now stands, and a
    /// tree head at each of <paramref name="headSizes"/> with the root those leaves give. Triggers must be gone.
    /// </summary>
    public async Task RebuildTreeAsync(IReadOnlyList<long> entryIds, IEnumerable<long> headSizes)
    {
        await using var db = CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var entries = await db.DecisionLog.AsNoTracking().Where(e => entryIds.Contains(e.EntryId)).ToDictionaryAsync(e => e.EntryId);
        var hashes = entryIds.Select(id => LeafEncoding.LeafHash(entries[id])).ToList();
        await db.DecisionLogTreeHeads.ExecuteDeleteAsync();
        await db.DecisionLogLeaves.ExecuteDeleteAsync();
        var now = DateTime.UtcNow;
        db.DecisionLogLeaves.AddRange(entryIds.Select((id, i) => new DecisionLogLeaf
        {
            Sequence = i + 1, EntryId = id, LeafHash = Convert.ToHexStringLower(hashes[i]), IntegratedAtUtc = now,
        }));
        db.DecisionLogTreeHeads.AddRange(headSizes.Select(size => new DecisionLogTreeHead
        {
            TreeSize = size, RootHash = Convert.ToHexStringLower(MerkleTree.Root(hashes, size)), IntegratedAtUtc = now,
        }));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    public void Dispose()
    {
        Trust.Dispose();
        Database.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}
