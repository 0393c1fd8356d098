using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.Tests.Support;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Persistence.Tests.Log;

/// <summary>
/// docs/decisions/0003-hash-chained-decision-log.md: any edit, deletion, insertion or reordering of the stored log is detected, and the first bad
/// entry is named. Ten entries are appended as the application appends them; then an attacker who can get
/// past the database's own refusal (file access on SQLite, superuser on PostgreSQL) changes the rows directly.
/// Each result is checked through <see cref="DecisionLogStore.VerifyAsync"/> and, on the same rows and head,
/// through <see cref="DecisionLogChain.Verify"/>: the two must agree.
/// </summary>
[Collection(PostgresFixture.Collection)]
public class DecisionLogTamperDetectionTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task IsIntactGivenEntriesAppendedInTransactions(TestProvider provider)
    {
        using var database = await CreateLogAsync(provider);

        var result = await VerifyBothWaysAsync(database);

        result.IsIntact.ShouldBeTrue(result.Problem);
        result.EntriesChecked.ShouldBe(10);
        result.LastSequence.ShouldBe(10);
        result.FirstBadSequence.ShouldBeNull();
        var entries = await LogEntries.ReadAllAsync(database);
        entries.Select(e => e.Sequence).ShouldBe(Enumerable.Range(1, 10).Select(i => (long)i));
        result.HeadHash.ShouldBe(entries[^1].Hash);
        (await LogEntries.ReadHeadAsync(database)).LastHash.ShouldBe(entries[^1].Hash);
        entries[0].PreviousHash.ShouldBe(DecisionLogChain.GenesisHash);
        entries.Skip(1).Zip(entries).ShouldAllBe(pair => pair.First.PreviousHash == pair.Second.Hash);
        entries[4].Answer.ShouldBe("No");
        entries[4].OccurredAtUtc.ShouldBe(new DateTime(2025, 6, 2, 9, 5, 0, DateTimeKind.Utc).AddTicks(1_234_560));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task NamesEditedEntryGivenMiddleAnswerChanged(TestProvider provider)
    {
        using var database = await CreateLogAsync(provider);
        await database.RemoveLogProtectionAsync();

        (await database.ExecuteAsync("UPDATE decision_log SET answer = 'Yes' WHERE sequence = 5")).ShouldBe(1);

        var result = await VerifyBothWaysAsync(database);
        result.IsIntact.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(5);
        result.Problem.ShouldNotBeNull().ShouldContain("entry 5 was changed");
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task NamesEditedEntryGivenLastAnswerChangedAndRehashed(TestProvider provider)
    {
        using var database = await CreateLogAsync(provider);
        await database.RemoveLogProtectionAsync();
        // A careful attacker edits the last entry and recomputes its hash, so the chain itself still links;
        // only the head row, which recorded the original hash, disagrees.
        var last = (await LogEntries.ReadAllAsync(database))[^1];
        last.Answer.ShouldBe("Yes");
        last.Answer = "No";
        var forgedHash = DecisionLogChain.ComputeHash(last);
        await using (var db = database.CreateContext())
        {
            (await db.DecisionLog.Where(e => e.Sequence == 10)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Answer, "No").SetProperty(e => e.Hash, forgedHash))).ShouldBe(1);
        }

        DecisionLogChain.Verify(await LogEntries.ReadAllAsync(database), expectedHead: null).IsIntact.ShouldBeTrue();

        var result = await VerifyBothWaysAsync(database);
        result.IsIntact.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(10);
        result.Problem.ShouldNotBeNull().ShouldContain("entry 10");
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task NamesMissingEntryGivenMiddleEntryDeleted(TestProvider provider)
    {
        using var database = await CreateLogAsync(provider);
        await database.RemoveLogProtectionAsync();

        (await database.ExecuteAsync("DELETE FROM decision_log WHERE sequence = 5")).ShouldBe(1);

        var result = await VerifyBothWaysAsync(database);
        result.IsIntact.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(5);
        result.Problem.ShouldNotBeNull().ShouldContain("entry 5 is missing");
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task NamesMissingEntryGivenMiddleEntryDeletedAndLaterOnesRenumbered(TestProvider provider)
    {
        using var database = await CreateLogAsync(provider);
        await database.RemoveLogProtectionAsync();

        await database.ExecuteAsync("DELETE FROM decision_log WHERE sequence = 5");
        await RenumberAsync(database, from: 6, by: -1);
        await database.ExecuteAsync("""
            UPDATE decision_log_head SET last_sequence = 9, last_hash = (SELECT hash FROM decision_log WHERE sequence = 9)
            """);

        var result = await VerifyBothWaysAsync(database);
        result.IsIntact.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(5);
        result.Problem.ShouldNotBeNull().ShouldContain("does not link to entry 4");
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task NamesFirstDeletedEntryGivenTailDeleted(TestProvider provider)
    {
        using var database = await CreateLogAsync(provider);
        await database.RemoveLogProtectionAsync();

        (await database.ExecuteAsync("DELETE FROM decision_log WHERE sequence = 10")).ShouldBe(1);

        // What is left is a perfectly good chain of nine: only the head row shows that entry 10 existed.
        DecisionLogChain.Verify(await LogEntries.ReadAllAsync(database), expectedHead: null).IsIntact.ShouldBeTrue();
        var result = await VerifyBothWaysAsync(database);
        result.IsIntact.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(10);
        result.Problem.ShouldNotBeNull().ShouldContain("deleted from the end");
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task NamesForgedEntryGivenValidEntryAppendedWithoutMovingHead(TestProvider provider)
    {
        using var database = await CreateLogAsync(provider);
        var last = (await LogEntries.ReadAllAsync(database))[^1];
        var forged = LogEntries.Answer(11, actorId: "intruder");
        DecisionLogChain.Seal(forged, last.Sequence, last.Hash);
        await using (var db = database.CreateContext())
        {
            // Straight into the table (an INSERT is not refused), bypassing the store and its head row.
            db.DecisionLog.Add(forged);
            await db.SaveChangesAsync();
        }

        DecisionLogChain.Verify(await LogEntries.ReadAllAsync(database), expectedHead: null).IsIntact.ShouldBeTrue();
        var result = await VerifyBothWaysAsync(database);
        result.IsIntact.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(11);
        result.Problem.ShouldNotBeNull().ShouldContain("appended outside the system");
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task NamesEntryAfterForgeryGivenEntryInsertedInMiddleByRenumbering(TestProvider provider)
    {
        using var database = await CreateLogAsync(provider);
        await database.RemoveLogProtectionAsync();
        var fifth = (await LogEntries.ReadAllAsync(database))[4];
        await RenumberAsync(database, from: 6, by: 1);
        var forged = LogEntries.Answer(6, actorId: "intruder");
        DecisionLogChain.Seal(forged, fifth.Sequence, fifth.Hash);
        await using (var db = database.CreateContext())
        {
            db.DecisionLog.Add(forged);
            await db.SaveChangesAsync();
        }

        // The forged entry 6 links correctly to entry 5 and hashes correctly: it is indistinguishable from a
        // real one. The chain breaks at the entry after it, which was moved from 6 to 7 and still links to 5.
        var result = await VerifyBothWaysAsync(database);
        result.IsIntact.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(7);
        result.Problem.ShouldNotBeNull().ShouldContain("entry 7 does not link to entry 6");
        (await LogEntries.ReadAllAsync(database)).Count.ShouldBe(11);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task NamesFirstMovedEntryGivenTwoEntriesSwapped(TestProvider provider)
    {
        using var database = await CreateLogAsync(provider);
        await database.RemoveLogProtectionAsync();

        await database.ExecuteAsync("UPDATE decision_log SET sequence = -4 WHERE sequence = 4");
        await database.ExecuteAsync("UPDATE decision_log SET sequence = 4 WHERE sequence = 5");
        await database.ExecuteAsync("UPDATE decision_log SET sequence = 5 WHERE sequence = -4");

        var entries = await LogEntries.ReadAllAsync(database);
        entries[3].ActivityId.ShouldBe("q5");
        entries[4].ActivityId.ShouldBe("q4");
        var result = await VerifyBothWaysAsync(database);
        result.IsIntact.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(4);
        result.Problem.ShouldNotBeNull().ShouldContain("does not link to entry 3");
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task NamesFirstMovedEntryGivenTwoEntriesContentsSwappedInPlace(TestProvider provider)
    {
        using var database = await CreateLogAsync(provider);
        await database.RemoveLogProtectionAsync();

        // Sequences stay; every other column of entries 7 and 8 trades places, recomputed hashes and all.
        var entries = await LogEntries.ReadAllAsync(database);
        await using (var db = database.CreateContext())
        {
            var seventh = entries[6];
            var eighth = entries[7];
            await db.DecisionLog.Where(e => e.Sequence == 7).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.ActivityId, eighth.ActivityId).SetProperty(e => e.Question, eighth.Question)
                .SetProperty(e => e.Answer, eighth.Answer).SetProperty(e => e.Rationale, eighth.Rationale)
                .SetProperty(e => e.OccurredAtUtc, eighth.OccurredAtUtc)
                .SetProperty(e => e.PreviousHash, eighth.PreviousHash).SetProperty(e => e.Hash, eighth.Hash));
            await db.DecisionLog.Where(e => e.Sequence == 8).ExecuteUpdateAsync(s => s
                .SetProperty(e => e.ActivityId, seventh.ActivityId).SetProperty(e => e.Question, seventh.Question)
                .SetProperty(e => e.Answer, seventh.Answer).SetProperty(e => e.Rationale, seventh.Rationale)
                .SetProperty(e => e.OccurredAtUtc, seventh.OccurredAtUtc)
                .SetProperty(e => e.PreviousHash, seventh.PreviousHash).SetProperty(e => e.Hash, seventh.Hash));
        }

        var result = await VerifyBothWaysAsync(database);
        result.IsIntact.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(7);
    }

    private static async Task<ProviderDatabase> CreateLogAsync(TestProvider provider)
    {
        var database = await ProviderDatabase.CreateMigratedAsync(provider, "tamper");
        await LogEntries.AppendTenAsync(database);
        return database;
    }

    /// <summary>Moves every entry from <paramref name="from"/> on by <paramref name="by"/>, in two steps so no
    /// intermediate state collides on the primary key.</summary>
    private static async Task RenumberAsync(ProviderDatabase database, long from, long by)
    {
        await using var db = database.CreateContext();
        await db.Database.ExecuteSqlAsync($"UPDATE decision_log SET sequence = sequence + 1000 WHERE sequence >= {from}");
        await db.Database.ExecuteSqlAsync($"UPDATE decision_log SET sequence = sequence - 1000 + {by} WHERE sequence >= 1000");
    }

    private static async Task<LogVerification> VerifyBothWaysAsync(ProviderDatabase database)
    {
        await using var db = database.CreateContext();
        var viaStore = await DecisionLogStore.VerifyAsync(db);

        var head = await LogEntries.ReadHeadAsync(database);
        var viaChain = DecisionLogChain.Verify(await LogEntries.ReadAllAsync(database), (head.LastSequence, head.LastHash));

        viaChain.ShouldBe(viaStore);
        return viaStore;
    }
}
