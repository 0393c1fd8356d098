using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.DecisionLog.Merkle;
using JustCulture.Persistence.Tests.Support;
using JustCulture.TestSupport;

namespace JustCulture.Persistence.Tests.Log;

/// <summary>
/// docs/log-format.md §3–4: an export reads back as exactly the entries stored, and the proofs cut from the tree
/// verify — and stop verifying when one byte of what they prove changes.
/// </summary>
[Collection(PostgresFixture.Collection)]
public class DecisionLogExportTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task ReadsBackTheSameEntriesGivenAnExportOfTheSignedLog(TestProvider provider)
    {
        using var log = await CreateLogAsync(provider);
        var stored = await log.IntegratedAsync();

        var checkpoint = log.Trust.Store.Newest().ShouldNotBeNull();
        await using var db = log.CreateContext();
        using var text = new StringWriter();
        await DecisionLogStore.ExportAsync(db, checkpoint, log.Protector, text);
        var export = await DecisionLogStore.ReadVerifiedExportAsync(new StringReader(text.ToString()), "export.jsonl", log.Trust.Verifier());

        export.Checkpoint.ShouldBe(checkpoint.Checkpoint);
        export.Entries.Count.ShouldBe(stored.Count);
        foreach (var (read, row) in export.Entries.Zip(stored))
        {
            Describe(read).ShouldBe(Describe(row.Entry));
        }

        var unusual = export.Entries.Single(e => e.EventType == LogEventTypes.ConcernOpened);
        unusual.Rationale.ShouldBe("Line one\nline two — \"quoted\", 'single', tab\there, emoji 🩺, ünïcödé, backslash \\");
        unusual.Question.ShouldBeNull();
        unusual.ConcernId.ShouldBeNull();
        unusual.DefinitionVersion.ShouldBeNull();
        unusual.OccurredAtUtc.ShouldBe(new DateTime(2025, 6, 3, 8, 30, 0, DateTimeKind.Utc).AddTicks(9_999_990));
        unusual.OccurredAtUtc.Kind.ShouldBe(DateTimeKind.Utc);
        export.Entries[0].OccurredAtUtc.ShouldBe(new DateTime(2025, 6, 2, 9, 1, 0, DateTimeKind.Utc).AddTicks(1_234_560));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task VerifiesInclusionOfEveryEntryGivenProofsAgainstTheCheckpoint(TestProvider provider)
    {
        using var log = await CreateLogAsync(provider);
        var checkpoint = log.Trust.Store.Newest().ShouldNotBeNull();
        var size = checkpoint.Checkpoint.Size;
        await using var db = log.CreateContext();
        var verifier = log.Trust.Verifier();

        var proofs = await DecisionLogProofs.InclusionAsync(db, checkpoint, log.Protector, Enumerable.Range(1, (int)size).Select(i => (long)i).ToList());

        proofs.Count.ShouldBe((int)size);
        foreach (var proof in proofs)
        {
            DecisionLogProofs.Check(proof, verifier, "proof.json").ShouldBeNull($"entry {proof.Sequence}");
            DecisionLogProofs.Check(proof with { Entry = proof.Entry! with { Answer = proof.Entry.Answer + "!" } }, verifier, "proof.json")
                .ShouldBe("the entry does not give the leaf hash the proof names: the entry was changed");
            DecisionLogProofs.Check(proof with { Entry = proof.Entry! with { EntryId = proof.Entry.EntryId ^ 1 } }, verifier, "proof.json").ShouldNotBeNull();
            for (var i = 0; i < proof.Path.Count; i++)
            {
                var path = proof.Path.ToList();
                path[i] = FlipOneByte(path[i]);
                DecisionLogProofs.Check(proof with { Path = path }, verifier, "proof.json").ShouldBe("the path does not lead from the entry to the checkpoint's root");
            }

            var note = proof.Checkpoint.ToCharArray();
            var rootLine = proof.Checkpoint.IndexOf('\n', proof.Checkpoint.IndexOf('\n') + 1) + 1;
            note[rootLine] = note[rootLine] == 'A' ? 'B' : 'A';
            DecisionLogProofs.Check(proof with { Checkpoint = new string(note) }, verifier, "proof.json").ShouldNotBeNull().ShouldContain("does not verify");
        }

        var single = await DecisionLogProofs.InclusionAsync(db, checkpoint, log.Protector, 7);
        single.ShouldBeEquivalentTo(proofs.Single(p => p.Sequence == 7));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task VerifiesConsistencyGivenEveryPairOfSizes(TestProvider provider)
    {
        using var log = await CreateLogAsync(provider);
        await using var db = log.CreateContext();
        var checkpoints = log.Trust.Store.ReadAll().ToDictionary(c => c.Checkpoint.Size, c => c.Checkpoint.Root);
        var size = checkpoints.Keys.Max();

        for (var newSize = 1L; newSize <= size; newSize++)
        {
            for (var oldSize = 1L; oldSize <= newSize; oldSize++)
            {
                var proof = await DecisionLogProofs.ConsistencyAsync(db, oldSize, newSize);
                var (oldRoot, newRoot) = (Convert.FromBase64String(proof.OldRoot), Convert.FromBase64String(proof.NewRoot));
                var path = proof.Path.Select(Convert.FromBase64String).ToList();

                MerkleProofs.VerifyConsistency(oldSize, newSize, oldRoot, newRoot, path).ShouldBeTrue($"{oldSize} → {newSize}");
                if (checkpoints.TryGetValue(newSize, out var signedRoot))
                {
                    newRoot.ShouldBe(signedRoot);
                }

                for (var i = 0; i < path.Count; i++)
                {
                    var broken = path.ToList();
                    broken[i] = Convert.FromBase64String(FlipOneByte(proof.Path[i]));
                    MerkleProofs.VerifyConsistency(oldSize, newSize, oldRoot, newRoot, broken).ShouldBeFalse($"{oldSize} → {newSize}, hash {i} changed");
                }
            }
        }
    }

    /// <summary>Eleven answers signed at sizes 4 and 12, plus one entry with nulls and awkward text.</summary>
    private static async Task<SignedLog> CreateLogAsync(TestProvider provider)
    {
        var log = await SignedLog.CreateAsync(provider, "export");
        await log.StepsThenCheckpointAsync(1, 3);
        await log.AppendStepAsync(4);
        await LogEntries.AppendAsync(log.Database, log.Writer, [new DecisionLogEntry
        {
            EventType = LogEventTypes.ConcernOpened,
            SubjectStaffRef = "S0042",
            Rationale = "Line one\nline two — \"quoted\", 'single', tab\there, emoji 🩺, ünïcödé, backslash \\",
            ActorId = "manager-1",
            ActorRole = "Manager",
            OccurredAtUtc = new DateTime(2025, 6, 3, 8, 30, 0, DateTimeKind.Utc).AddTicks(9_999_999),
        }]);
        await log.StepsThenCheckpointAsync(3);
        return log;
    }

    private static string Describe(DecisionLogEntry e) =>
        string.Join("|", e.EntryId, e.EventType, e.ConcernId, e.WorkflowInstanceId, e.SubjectStaffRef, e.DefinitionId, e.DefinitionVersion, e.ActivityId,
            e.Question, e.Answer, e.Rationale, e.InformalNotAppropriate, e.ActorId, e.ActorRole, LeafEncoding.FormatTimestamp(e.OccurredAtUtc),
            LeafEncoding.LeafHashHex(e));

    private static string FlipOneByte(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        bytes[^1] ^= 0x01;
        return Convert.ToBase64String(bytes);
    }
}
