using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.DecisionLog.Checkpoints;
using JustCulture.Persistence.Tests.Support;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Persistence.Tests.Log;

/// <summary>
/// docs/decisions/0008-a-log-no-insider-can-rewrite.md: whatever an insider does to the stored log with the
/// database's rights — edit, delete, insert, reorder, even rebuild the whole tree consistently with the product's
/// own hashing code — verification catches it and names the first bad entry or the checkpoint it contradicts.
/// Sixteen entries are appended in six steps and signed at sizes 4, 10 and 16, so a rewrite is localised between
/// the last checkpoint it agrees with and the first it contradicts.
/// </summary>
[Collection(PostgresFixture.Collection)]
public class DecisionLogTamperDetectionTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task IsIntactGivenEntriesAppendedAndCheckpointedInSteps(TestProvider provider)
    {
        using var log = await CreateLogAsync(provider);

        var result = await log.VerifyAsync();

        result.IsIntact.ShouldBeTrue(result.Problem);
        result.EntriesChecked.ShouldBe(16);
        result.Waiting.ShouldBe(0);
        result.CheckpointsChecked.ShouldBe(3);
        result.Checkpoint.ShouldNotBeNull().FilePath.ShouldBe(log.CheckpointPath(16));
        (await log.IntegratedAsync()).Select(r => r.Entry.ActivityId).ShouldBe(Enumerable.Range(1, 16).Select(n => $"q{n}"));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task NamesEditedEntryGivenFieldChanged(TestProvider provider)
    {
        using var log = await CreateLogAsync(provider);
        await log.RemoveProtectionAsync();
        var id = await log.EntryIdAtAsync(7);

        (await log.Database.ExecuteAsync($"UPDATE decision_log SET answer = 'Yes' WHERE entry_id = {id}")).ShouldBe(1);

        ShouldName(await log.VerifyAsync(), 7, id, "entry 7 was changed after it was written");
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task NamesGapGivenMiddleEntryDeleted(TestProvider provider)
    {
        using var log = await CreateLogAsync(provider);
        await log.RemoveProtectionAsync();
        var id = await log.EntryIdAtAsync(7);

        await log.Database.ExecuteAsync($"DELETE FROM decision_log_leaves WHERE entry_id = {id}; DELETE FROM decision_log_queue WHERE entry_id = {id}; DELETE FROM decision_log WHERE entry_id = {id};");

        ShouldName(await log.VerifyAsync(), 7, null, "entry 7 is missing from the tree before entry 8");
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task NamesNewestCheckpointGivenTailEntriesDeleted(TestProvider provider)
    {
        using var log = await CreateLogAsync(provider);
        await log.RemoveProtectionAsync();

        await log.Database.ExecuteAsync(log.Provider == TestProvider.SqlServer ? """
            SELECT entry_id INTO doomed FROM decision_log_leaves WHERE sequence > 13;
            DELETE FROM decision_log_leaves WHERE sequence > 13;
            DELETE FROM decision_log WHERE entry_id IN (SELECT entry_id FROM doomed);
            DROP TABLE doomed;
            """ : """
            CREATE TABLE doomed AS SELECT entry_id FROM decision_log_leaves WHERE sequence > 13;
            DELETE FROM decision_log_leaves WHERE sequence > 13;
            DELETE FROM decision_log WHERE entry_id IN (SELECT entry_id FROM doomed);
            DROP TABLE doomed;
            """);

        var result = await log.VerifyAsync();
        ShouldName(result, 14, null, $"the log is behind the signed checkpoint {log.CheckpointPath(16)}: it has 13 entries but the checkpoint covers 16, so entries were removed from the end");
        result.BadCheckpointPath.ShouldBe(log.CheckpointPath(16));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task NamesNewestCheckpointGivenTailCutAndTreeHeadReset(TestProvider provider)
    {
        using var log = await CreateLogAsync(provider);
        await log.RemoveProtectionAsync();
        var kept = (await log.IntegratedAsync()).Take(13).Select(r => r.Entry.EntryId).ToList();
        var cut = (await log.IntegratedAsync()).Skip(13).Select(r => r.Entry.EntryId).ToList();

        // Self-consistent at the smaller size: leaves and heads rebuilt for 13 entries, the rest deleted.
        await log.RebuildTreeAsync(kept, [4, 10, 13]);
        await log.Database.ExecuteAsync($"DELETE FROM decision_log WHERE entry_id IN ({string.Join(", ", cut)})");

        var result = await log.VerifyAsync();
        ShouldName(result, 14, null, $"the log is behind the signed checkpoint {log.CheckpointPath(16)}: it has 13 entries but the checkpoint covers 16");
        result.BadCheckpointPath.ShouldBe(log.CheckpointPath(16));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task NamesInsertedEntryGivenEntryInsertedInTheMiddle(TestProvider provider)
    {
        using var log = await CreateLogAsync(provider);
        await log.RemoveProtectionAsync();
        var order = (await log.IntegratedAsync()).Select(r => r.Entry.EntryId).ToList();
        var forged = await InsertEntryAsync(log, Forged(order[5] + 1), sealKey: RandomKey());
        order.Insert(6, forged.EntryId);

        await log.RebuildTreeAsync(order, [4, 11, 17]);

        ShouldName(await log.VerifyAsync(), 7, forged.EntryId, "entry 7 does not carry the application's seal");
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public Task NamesInsertedEntryGivenEntrySealedWithAnotherKeyAppendedAtTheTail(TestProvider provider) =>
        NamesEntryAppendedAtTheTailAsync(provider, RandomKey());

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public Task NamesInsertedEntryGivenUnsealedEntryAppendedAtTheTail(TestProvider provider) =>
        NamesEntryAppendedAtTheTailAsync(provider, sealKey: null);

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task NamesEntryGivenUnsealedEntryInsertedAtTheTailAndLeftWaiting(TestProvider provider)
    {
        using var log = await CreateLogAsync(provider);
        await log.RemoveProtectionAsync();
        var forged = await InsertEntryAsync(log, Forged((await log.EntryIdAtAsync(16)) + 1), sealKey: null);

        ShouldName(await log.VerifyAsync(), null, forged.EntryId, $"entry id {forged.EntryId}, waiting to be integrated, does not carry the application's seal");
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task NamesFirstSwappedEntryGivenTwoEntriesContentsSwapped(TestProvider provider)
    {
        using var log = await CreateLogAsync(provider);
        await log.RemoveProtectionAsync();
        var rows = await log.IntegratedAsync();
        var (seventh, eighth) = (rows[6].Entry, rows[7].Entry);

        await using (var db = log.CreateContext())
        {
            await CopyContentAsync(db, from: eighth, toEntryId: seventh.EntryId);
            await CopyContentAsync(db, from: seventh, toEntryId: eighth.EntryId);
        }

        (await log.IntegratedAsync())[6].Entry.ActivityId.ShouldBe("q8");
        ShouldName(await log.VerifyAsync(), 7, seventh.EntryId, "entry 7 was changed after it was written");
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task NamesEditedEntryGivenEditRehashedIntoLeavesAndTreeHeads(TestProvider provider)
    {
        using var log = await CreateLogAsync(provider);
        await log.RemoveProtectionAsync();
        var order = (await log.IntegratedAsync()).Select(r => r.Entry.EntryId).ToList();
        await log.Database.ExecuteAsync($"UPDATE decision_log SET answer = 'Yes', rationale = 'Rewritten' WHERE entry_id = {order[6]}");

        await log.RebuildTreeAsync(order, [4, 10, 16]);

        ShouldName(await log.VerifyAsync(), 7, order[6], "entry 7 does not carry the application's seal: it was written or rewritten outside the application");
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task NamesDivergedCheckpointGivenDeleteRehashedIntoLeavesAndTreeHeads(TestProvider provider)
    {
        using var log = await CreateLogAsync(provider);
        await log.RemoveProtectionAsync();
        var order = (await log.IntegratedAsync()).Select(r => r.Entry.EntryId).ToList();
        var deleted = order[6];
        order.RemoveAt(6);

        // Every remaining entry keeps its genuine seal; only the checkpoints remember entry 7.
        await log.RebuildTreeAsync(order, [4, 10, 15]);
        await log.Database.ExecuteAsync($"DELETE FROM decision_log WHERE entry_id = {deleted}");

        var result = await log.VerifyAsync();
        ShouldName(result, 5, null, $"the log diverges from the signed checkpoint {log.CheckpointPath(10)} (size 10)");
        result.Problem!.ShouldContain("the change is among entries 5–10", Case.Sensitive);
        result.BadCheckpointPath.ShouldBe(log.CheckpointPath(10));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task NamesDivergedCheckpointGivenSwapRehashedIntoLeavesAndTreeHeads(TestProvider provider)
    {
        using var log = await CreateLogAsync(provider);
        await log.RemoveProtectionAsync();
        var order = (await log.IntegratedAsync()).Select(r => r.Entry.EntryId).ToList();
        (order[10], order[11]) = (order[11], order[10]);

        await log.RebuildTreeAsync(order, [4, 10, 16]);

        var result = await log.VerifyAsync();
        ShouldName(result, 11, null, $"the log diverges from the signed checkpoint {log.CheckpointPath(16)} (size 16)");
        result.Problem!.ShouldContain("the change is among entries 11–16", Case.Sensitive);
        result.BadCheckpointPath.ShouldBe(log.CheckpointPath(16));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task NamesFirstRewrittenEntryGivenWholeHistoryRebuiltWithoutTheKey(TestProvider provider)
    {
        using var log = await CreateLogAsync(provider);
        await log.RemoveProtectionAsync();
        var order = (await log.IntegratedAsync()).Select(r => r.Entry.EntryId).ToList();
        await log.Database.ExecuteAsync($"UPDATE decision_log SET answer = 'No' WHERE entry_id = {order[1]}");
        await log.RebuildTreeAsync(order, [4, 10, 16]);

        ShouldName(await log.VerifyAsync(), 2, order[1], "entry 2 does not carry the application's seal");

        // Without seals, passing the first entries off as ones written before the log was signed: the first
        // checkpoint, which covers them, still holds the original root.
        await log.Database.ExecuteAsync($"UPDATE decision_log SET seal = NULL WHERE entry_id IN ({string.Join(", ", order.Take(4))})");
        var result = await log.VerifyAsync();
        ShouldName(result, 1, null, $"the log diverges from the signed checkpoint {log.CheckpointPath(4)} (size 4)");
        result.Problem!.ShouldContain("the change is among entries 1–4", Case.Sensitive);
        result.BadCheckpointPath.ShouldBe(log.CheckpointPath(4));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task RefusesAndNamesEntryGivenForgedAppendThroughTheApplicationsOwnRights(TestProvider provider)
    {
        using var log = await CreateLogAsync(provider);
        var forged = await InsertEntryAsync(log, Forged((await log.EntryIdAtAsync(16)) + 1), sealKey: RandomKey());
        (await log.QueuedEntryIdsAsync()).ShouldBe([forged.EntryId], "the database queues every entry it is given");

        var pass = await log.IntegrateAsync();

        pass.Refused.ShouldBe([forged.EntryId]);
        pass.Integrated.ShouldBe(0);
        pass.TreeSize.ShouldBe(16);
        (await log.IntegratedAsync()).Count.ShouldBe(16);
        ShouldName(await log.VerifyAsync(), null, forged.EntryId, $"entry id {forged.EntryId}, waiting to be integrated, does not carry the application's seal");

        // Genuine entries queued after the forgery are still integrated.
        await log.AppendStepAsync(2);
        var next = await log.IntegrateAsync();
        next.Integrated.ShouldBe(2);
        next.Refused.ShouldBe([forged.EntryId]);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task NamesForeignCheckpointGivenCheckpointSignedByAnotherKeyInTheStore(TestProvider provider)
    {
        using var log = await CreateLogAsync(provider);
        using var otherKey = LogSigningKey.CreateFile(Path.Combine(log.Folder, "other-key.pem"));
        var genuine = log.Trust.Store.Newest().ShouldNotBeNull().Checkpoint;
        var forged = new Checkpoint(log.Trust.Origin, 20, genuine.Root, genuine.SignedAt);

        var stored = log.Trust.Store.Write(otherKey.SignCheckpoint(forged), forged);

        var result = await log.VerifyAsync();
        result.IsIntact.ShouldBeFalse();
        result.BadCheckpointPath.ShouldBe(log.CheckpointPath(20));
        stored.FilePath.ShouldBe(log.CheckpointPath(20));
        result.Problem.ShouldNotBeNull().ShouldStartWith($"{log.CheckpointPath(20)}: not signed by the log's key");
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task RefusesExportGivenItsLastLinesCut(TestProvider provider)
    {
        using var log = await CreateLogAsync(provider);
        var lines = await ExportLinesAsync(log, 16);

        var error = await Should.ThrowAsync<LogIntegrityException>(() => ReadExportAsync(log, lines[..^2]));

        error.Message.ShouldBe("export.jsonl holds 14 entries but its signed checkpoint covers 16: the export was cut");
        error.FirstBadSequence.ShouldBe(15);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task RefusesExportGivenAFieldOfOneLineRewritten(TestProvider provider)
    {
        using var log = await CreateLogAsync(provider);
        var lines = await ExportLinesAsync(log, 16);
        var line = System.Text.Json.Nodes.JsonNode.Parse(lines[5])!.AsObject();
        line["answer"]!.GetValue<string>().ShouldBe("No");
        line["answer"] = "Yes";
        lines[5] = line.ToJsonString();

        var error = await Should.ThrowAsync<LogIntegrityException>(() => ReadExportAsync(log, lines));

        error.Message.ShouldBe("export.jsonl: its entries do not give the root its checkpoint signed: the export was rewritten");
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task RefusesExportGivenItIsBehindACheckpointTheReaderKept(TestProvider provider)
    {
        using var log = await CreateLogAsync(provider);
        var older = await ExportLinesAsync(log, 10);
        var kept = log.Trust.Store.ReadAll();

        (await ReadExportAsync(log, older, kept.Take(2).ToList())).Entries.Count.ShouldBe(10);
        var error = await Should.ThrowAsync<LogIntegrityException>(() => ReadExportAsync(log, older, kept));

        error.Message.ShouldBe($"export.jsonl holds 10 entries but the checkpoint you kept, {log.CheckpointPath(16)}, covers 16: the export is from a rolled-back or cut log");
        error.FirstBadSequence.ShouldBe(11);
    }

    private static async Task<string[]> ExportLinesAsync(SignedLog log, long size)
    {
        var checkpoint = log.Trust.Store.ReadAll().Single(c => c.Checkpoint.Size == size);
        await using var db = log.CreateContext();
        using var text = new StringWriter();
        (await DecisionLogStore.ExportAsync(db, checkpoint, log.Protector, text)).ShouldBe(size);
        return text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static Task<VerifiedExport> ReadExportAsync(SignedLog log, IEnumerable<string> lines, IReadOnlyList<StoredCheckpoint>? kept = null) =>
        DecisionLogStore.ReadVerifiedExportAsync(new StringReader(string.Join('\n', lines) + "\n"), "export.jsonl", log.Trust.Verifier(), kept);

    private static async Task NamesEntryAppendedAtTheTailAsync(TestProvider provider, byte[]? sealKey)
    {
        using var log = await CreateLogAsync(provider);
        await log.RemoveProtectionAsync();
        var order = (await log.IntegratedAsync()).Select(r => r.Entry.EntryId).ToList();
        var forged = await InsertEntryAsync(log, Forged(order[^1] + 1), sealKey);
        await log.Database.ExecuteAsync($"DELETE FROM decision_log_queue WHERE entry_id = {forged.EntryId}");

        await log.RebuildTreeAsync([.. order, forged.EntryId], [4, 10, 16, 17]);

        ShouldName(await log.VerifyAsync(), 17, forged.EntryId, "entry 17 does not carry the application's seal");
    }

    private static async Task<SignedLog> CreateLogAsync(TestProvider provider)
    {
        var log = await SignedLog.CreateAsync(provider, "tamper");
        await log.StepsThenCheckpointAsync(1, 3);
        await log.StepsThenCheckpointAsync(2, 4);
        await log.StepsThenCheckpointAsync(3, 3);
        return log;
    }

    private static void ShouldName(LogVerification result, long? sequence, long? entryId, string problem)
    {
        result.IsIntact.ShouldBeFalse();
        result.Problem.ShouldNotBeNull().ShouldContain(problem, Case.Sensitive);
        result.FirstBadSequence.ShouldBe(sequence);
        result.FirstBadEntryId.ShouldBe(entryId);
    }

    private static byte[] RandomKey() => System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    /// <summary>A plausible answer an insider wants on the record, with an entry id of their choosing.</summary>
    private static DecisionLogEntry Forged(long entryId)
    {
        var entry = LogEntries.Answer(99, actorId: "manager-2");
        entry.EntryId = entryId;
        entry.OccurredAtUtc = LeafEncoding.NormaliseTimestamp(entry.OccurredAtUtc);
        return entry;
    }

    /// <summary>A plain INSERT, as the application's database role may do; sealed with <paramref name="sealKey"/>, or not at all.</summary>
    private static async Task<DecisionLogEntry> InsertEntryAsync(SignedLog log, DecisionLogEntry entry, byte[]? sealKey)
    {
        entry.Seal = sealKey is null ? null : EntrySeal.Compute(sealKey, entry);
        await using var db = log.CreateContext();
        db.DecisionLog.Add(entry);
        await db.SaveChangesAsync();
        return entry;
    }

    private static Task<int> CopyContentAsync(JustCultureDbContext db, DecisionLogEntry from, long toEntryId) =>
        db.DecisionLog.Where(e => e.EntryId == toEntryId).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.ActivityId, from.ActivityId)
            .SetProperty(e => e.Question, from.Question)
            .SetProperty(e => e.Answer, from.Answer)
            .SetProperty(e => e.Rationale, from.Rationale)
            .SetProperty(e => e.OccurredAtUtc, from.OccurredAtUtc)
            .SetProperty(e => e.Seal, from.Seal));
}
