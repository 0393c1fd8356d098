using System.Text;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.DecisionLog.PersonalData;
using JustCulture.Persistence.Tests.Support;
using JustCulture.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Persistence.Tests.Log;

/// <summary>
/// docs/log-format.md §1.4: a case's personal fields are stored sealed under its data key, open back for those who
/// may read them, and after the key is erased the log still verifies with the same root and proofs while nothing
/// the database holds opens them again.
/// </summary>
[Collection(PostgresFixture.Collection)]
public class PersonalDataTests
{
    private const string StaffRef = "S0042";
    private const string RationaleWords = "Rationale for answer";

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task StoresSealedTextThatOpensToThePlaintextGivenCaseEntries(TestProvider provider)
    {
        using var log = await SignedLog.CreateAsync(provider, "sealed");
        var written = await log.AppendStepAsync(3);

        var stored = await LogEntries.ReadAllAsync(log.Database);
        stored.Count.ShouldBe(3);
        await using var db = log.CreateContext();
        var keyring = await log.Protector.KeyringAsync(db, [LogEntries.ConcernId]);
        foreach (var (entry, number) in stored.Select((e, i) => (e, i + 1)))
        {
            entry.LeafVersion.ShouldBe(2);
            entry.SubjectStaffRef.ShouldStartWith(CaseFieldCipher.FieldPrefix);
            entry.Rationale.ShouldStartWith(CaseFieldCipher.FieldPrefix);
            entry.Rationale.ShouldNotContain(RationaleWords);
            entry.InformalNotAppropriate.ShouldBeNull();
            entry.Answer.ShouldBe(number % 2 == 0 ? "Yes" : "No", "answers are fixed choices the figures need: stored clear");
            var opened = keyring.Open(entry);
            opened.ShouldBe(new OpenedFields(StaffRef, LogEntries.Answer(number).Rationale, null, Erased: false));
        }

        // The writer leaves the stored form on the entities it was given.
        written.ShouldAllBe(e => e.Rationale!.StartsWith(CaseFieldCipher.FieldPrefix));
        (await db.CaseDataKeys.CountAsync()).ShouldBe(1);
        (await db.CaseDataKeys.SingleAsync()).WrappedKey.ShouldStartWith(CaseFieldCipher.WrappedKeyPrefix);
        (await log.CheckpointAsync()).Integrated.ShouldBe(3);
        (await log.VerifyAsync()).IsIntact.ShouldBeTrue();
        (await PlaintextFoundAsync(log)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task KeepsRootCheckpointAndProofsButOpensNothingGivenTheCaseKeyErased(TestProvider provider)
    {
        using var log = await SignedLog.CreateAsync(provider, "erased");
        await log.StepsThenCheckpointAsync(2, 3);
        var before = await log.VerifyAsync();
        before.IsIntact.ShouldBeTrue(before.Problem);
        var checkpoint = log.Trust.Store.Newest().ShouldNotBeNull();
        IReadOnlyList<InclusionProof> proofs;
        await using (var db = log.CreateContext())
        {
            proofs = await DecisionLogProofs.InclusionAsync(db, checkpoint, log.Protector, [1, 2, 3, 4, 5]);
        }

        proofs[0].Entry!.Opened!.SubjectStaffRef.ShouldBe(StaffRef);

        await using (var db = log.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await CaseDataKeys.EraseAsync(db, [LogEntries.ConcernId, Guid.NewGuid()], DateTime.UtcNow)).ShouldBe(1);
            await transaction.CommitAsync();
        }

        await using (var db = log.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await CaseDataKeys.EraseAsync(db, [LogEntries.ConcernId], DateTime.UtcNow)).ShouldBe(0, "already erased");
            await transaction.CommitAsync();
        }

        var after = await log.VerifyAsync();
        after.IsIntact.ShouldBeTrue(after.Problem);
        after.RootHex.ShouldBe(before.RootHex);
        after.Checkpoint!.FilePath.ShouldBe(before.Checkpoint!.FilePath);
        foreach (var proof in proofs)
        {
            DecisionLogProofs.Check(proof, log.Trust.Verifier(), "proof.json").ShouldBeNull();
        }

        await using var read = log.CreateContext();
        var keyring = await log.Protector.KeyringAsync(read, [LogEntries.ConcernId]);
        keyring.IsErased(LogEntries.ConcernId).ShouldBeTrue();
        var stored = await LogEntries.ReadAllAsync(log.Database);
        stored.ShouldAllBe(e => keyring.Open(e) == OpenedFields.ErasedFields);
        var fresh = await DecisionLogProofs.InclusionAsync(read, checkpoint, log.Protector, 1);
        fresh.Entry!.Opened.ShouldBe(OpenedFields.ErasedFields);
        fresh.LeafHash.ShouldBe(proofs[0].LeafHash);
        DecisionLogProofs.ToJson(fresh).ShouldContain("\"opened\": null");

        // No key the database still holds opens the stored text: the erased row has none, and other cases' keys are not its key.
        var otherCase = LogEntries.Answer(9);
        otherCase.ConcernId = Guid.NewGuid();
        await LogEntries.AppendAsync(log.Database, log.Writer, [otherCase]);
        var wrapped = await read.CaseDataKeys.AsNoTracking().ToListAsync();
        wrapped.Single(k => k.ConcernId == LogEntries.ConcernId).WrappedKey.ShouldBeNull();
        wrapped.Single(k => k.ConcernId == LogEntries.ConcernId).ErasedAtUtc.ShouldNotBeNull();
        var held = wrapped.Where(k => k.WrappedKey is not null).ToList();
        held.ShouldNotBeEmpty();
        foreach (var key in held)
        {
            var caseKey = CaseFieldCipher.Unwrap(log.Trust.CaseKeyWrappingKey, key.ConcernId, key.WrappedKey!).ShouldNotBeNull();
            foreach (var entry in stored)
            {
                CaseFieldCipher.TryOpen(caseKey, LogEntries.ConcernId, entry.EntryId, PersonalField.Rationale, entry.Rationale, out _).ShouldBeFalse();
            }
        }
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task RefusesReplacingOrDeletingAKeyGivenTheDatabaseTriggers(TestProvider provider)
    {
        using var log = await SignedLog.CreateAsync(provider, "keys");
        await log.AppendStepAsync(1);
        var id = LogEntries.ConcernId.ToString("D").ToUpperInvariant();
        var where = provider == TestProvider.Sqlite ? $"upper(concern_id) = '{id}'" : $"concern_id = '{LogEntries.ConcernId}'";

        var replace = await Should.ThrowAsync<Exception>(() => log.Database.ExecuteAsync($"UPDATE case_data_keys SET wrapped_key = 'kw1:AAAA' WHERE {where}"));
        replace.Message.ShouldContain("never replaced");
        var delete = await Should.ThrowAsync<Exception>(() => log.Database.ExecuteAsync($"DELETE FROM case_data_keys WHERE {where}"));
        delete.Message.ShouldContain("never deleted");
        var unrecorded = await Should.ThrowAsync<Exception>(() => log.Database.ExecuteAsync($"UPDATE case_data_keys SET wrapped_key = NULL WHERE {where}"));
        unrecorded.Message.ShouldContain("erased_at_utc");

        var now = provider switch { TestProvider.Sqlite => "'2030-01-01 00:00:00'", TestProvider.SqlServer => "SYSUTCDATETIME()", _ => "now()" };
        (await log.Database.ExecuteAsync($"UPDATE case_data_keys SET wrapped_key = NULL, erased_at_utc = {now} WHERE {where}")).ShouldBe(1);
        var restore = await Should.ThrowAsync<Exception>(() => log.Database.ExecuteAsync($"UPDATE case_data_keys SET wrapped_key = 'kw1:AAAA' WHERE {where}"));
        restore.Message.ShouldContain("never replaced");
        await using var db = log.CreateContext();
        (await db.CaseDataKeys.SingleAsync()).WrappedKey.ShouldBeNull();
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task NamesTheEntryGivenASealedFieldsBytesChanged(TestProvider provider)
    {
        using var log = await SignedLog.CreateAsync(provider, "tamper-sealed");
        await log.StepsThenCheckpointAsync(2, 2);
        await log.RemoveProtectionAsync();
        var target = (await log.IntegratedAsync())[2].Entry;
        var changed = ChangeOneCharacter(target.Rationale!);
        await log.Database.ExecuteAsync($"UPDATE decision_log SET rationale = '{changed}' WHERE entry_id = {target.EntryId}");

        var result = await log.VerifyAsync();

        result.IsIntact.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(3);
        result.Problem.ShouldNotBeNull().ShouldContain("entry 3 was changed after it was written");
        await using var db = log.CreateContext();
        var keyring = await log.Protector.KeyringAsync(db, [LogEntries.ConcernId]);
        var stored = await db.DecisionLog.AsNoTracking().SingleAsync(e => e.EntryId == target.EntryId);
        Should.Throw<LogIntegrityException>(() => keyring.Open(stored)).Message.ShouldContain("rationale does not open");
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task RefusesToWriteForTheCaseButWritesItsErasureRecordGivenItsKeyErased(TestProvider provider)
    {
        using var log = await SignedLog.CreateAsync(provider, "refuse");
        await log.AppendStepAsync(1);
        await using (var db = log.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await CaseDataKeys.EraseAsync(db, [LogEntries.ConcernId], DateTime.UtcNow);
            await transaction.CommitAsync();
        }

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => LogEntries.AppendAsync(log.Database, log.Writer, [LogEntries.Answer(2)]));
        refused.Message.ShouldContain("erased");

        var erasure = new DecisionLogEntry
        {
            EventType = LogEventTypes.PersonalDataErased, ConcernId = LogEntries.ConcernId, SubjectStaffRef = "erased:0123456789abcdef",
            Question = "Personal data erased at the end of its retention period", Answer = "2024-25=Bme/Snapshot",
            ActorId = "admin-1", ActorRole = "Administrator", OccurredAtUtc = DateTime.UtcNow,
        };
        var userAdded = new DecisionLogEntry
        {
            EventType = LogEventTypes.UserAdded, Question = "User x added", Rationale = "no case, so nothing to seal",
            ActorId = "admin-1", ActorRole = "Administrator", OccurredAtUtc = DateTime.UtcNow,
        };
        await LogEntries.AppendAsync(log.Database, log.Writer, [erasure, userAdded]);

        var stored = await LogEntries.ReadAllAsync(log.Database);
        stored.Count.ShouldBe(3);
        stored[1].LeafVersion.ShouldBe(2);
        stored[1].SubjectStaffRef.ShouldBe("erased:0123456789abcdef");
        stored[2].LeafVersion.ShouldBe(2);
        stored[2].Rationale.ShouldBe("no case, so nothing to seal");
        await using var read = log.CreateContext();
        var keyring = await log.Protector.KeyringAsync(read, [LogEntries.ConcernId]);
        keyring.Open(stored[1]).ShouldBe(new OpenedFields("erased:0123456789abcdef", null, null, Erased: false));
        (await log.CheckpointAsync()).Integrated.ShouldBe(3);
        (await log.VerifyAsync()).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task OpensTheStoredTextGivenAVersionOneEntry()
    {
        using var log = await SignedLog.CreateAsync(TestProvider.Sqlite, "version-1");
        var entry = LogEntries.Answer(1);
        entry.LeafVersion = LeafEncoding.ClearFieldsVersion;
        await using var db = log.CreateContext();
        var keyring = await log.Protector.KeyringAsync(db, [LogEntries.ConcernId]);

        keyring.Open(entry).ShouldBe(new OpenedFields(StaffRef, entry.Rationale, null, Erased: false));
        LeafEncoding.LeafData(entry)[0].ShouldBe((byte)0x01);
        entry.LeafVersion = LeafEncoding.SealedFieldsVersion;
        LeafEncoding.LeafData(entry)[0].ShouldBe((byte)0x02);
    }

    private static string ChangeOneCharacter(string sealedText)
    {
        var at = sealedText.Length / 2;
        return string.Concat(sealedText.AsSpan(0, at), sealedText[at] == 'A' ? "B" : "A", sealedText.AsSpan(at + 1));
    }

    /// <summary>Where the plaintext of the case entries can be found in the database: the SQLite file's bytes, or PostgreSQL's rows.</summary>
    private static async Task<List<string>> PlaintextFoundAsync(SignedLog log)
    {
        var found = new List<string>();
        if (log.Database.SqliteFilePath is { } path)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal" }.Where(File.Exists))
            {
                var bytes = await File.ReadAllBytesAsync(file);
                foreach (var text in (string[])[StaffRef, RationaleWords])
                {
                    if (bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0)
                    {
                        found.Add($"{text} in {file}");
                    }
                }
            }

            // Not vacuous: the clear question text of the same entries is in the file.
            var all = await File.ReadAllBytesAsync(path);
            var wal = File.Exists(path + "-wal") ? await File.ReadAllBytesAsync(path + "-wal") : [];
            (all.AsSpan().IndexOf("did the person intend"u8) >= 0 || wal.AsSpan().IndexOf("did the person intend"u8) >= 0).ShouldBeTrue();
            return found;
        }

        await using var db = log.CreateContext();
        var rows = await db.DecisionLog.AsNoTracking()
            .CountAsync(e => e.SubjectStaffRef == StaffRef || e.Rationale!.Contains(RationaleWords));
        if (rows > 0)
        {
            found.Add($"{rows} rows in decision_log");
        }

        return found;
    }
}
