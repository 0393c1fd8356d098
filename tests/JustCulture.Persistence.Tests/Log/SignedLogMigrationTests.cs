using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.Tests.Support;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace JustCulture.Persistence.Tests.Log;

/// <summary>
/// The SignedLog migration upgrades a database written under the hash chain: its entries keep their content,
/// are queued, and are adopted (unsealed) into the first signed checkpoint — after which no unsealed entry is
/// ever taken again.
/// </summary>
[Collection(PostgresFixture.Collection)]
public class SignedLogMigrationTests
{
    private const string LastChainedMigration = "20261201120000_ChecklistDrafts";
    private static readonly Guid Concern = Guid.Parse("3c2b1a09-8f7e-4d6c-9b5a-4a3b2c1d0e9f");

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task AdoptsChainedEntriesIntoTheFirstCheckpointGivenAnUpgradedDatabase(TestProvider provider)
    {
        using var log = await UpgradedLogAsync(provider);

        var entries = await LogEntries.ReadAllAsync(log.Database);
        entries.Select(e => e.EntryId).ShouldBe([1L, 2L, 3L]);
        entries.ShouldAllBe(e => e.Seal == null);
        entries[1].ShouldSatisfyAllConditions(
            e => e.EventType.ShouldBe(LogEventTypes.QuestionAnswered),
            e => e.ConcernId.ShouldBe(Concern),
            e => e.Question.ShouldBe("Did the person intend to cause harm?"),
            e => e.Answer.ShouldBe("No"),
            e => e.Rationale.ShouldBe("Kept from the chain: \"quotes\" and ünïcödé"),
            e => e.DefinitionVersion.ShouldBe(1),
            e => e.OccurredAtUtc.ShouldBe(new DateTime(2026, 11, 2, 10, 15, 30, DateTimeKind.Utc).AddTicks(123_450)));
        entries[2].Question.ShouldBeNull();
        (await log.QueuedEntryIdsAsync()).ShouldBe([1L, 2L, 3L]);

        var pass = await log.IntegrateAsync();

        pass.Integrated.ShouldBe(3);
        pass.Refused.ShouldBeEmpty();
        pass.SignedCheckpoint.ShouldNotBeNull().Checkpoint.Size.ShouldBe(3);
        (await log.QueuedEntryIdsAsync()).ShouldBeEmpty();
        var result = await log.VerifyAsync();
        result.IsIntact.ShouldBeTrue(result.Problem);
        result.EntriesChecked.ShouldBe(3);

        // Sealed entries written after the upgrade go on as usual.
        await log.AppendStepAsync(2);
        (await log.CheckpointAsync()).Integrated.ShouldBe(2);
        (await log.VerifyAsync()).ShouldSatisfyAllConditions(r => r.IsIntact.ShouldBeTrue(r.Problem), r => r.EntriesChecked.ShouldBe(5));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task RefusesUnsealedEntryGivenTheAdoptedLogWasSigned(TestProvider provider)
    {
        using var log = await UpgradedLogAsync(provider);
        await log.IntegrateAsync();
        var at = provider == TestProvider.Sqlite ? "'2026-11-03 09:00:00'" : "'2026-11-03 09:00:00+00'";

        await log.Database.ExecuteAsync($"INSERT INTO decision_log (entry_id, event_type, actor_id, actor_role, occurred_at_utc) VALUES (4, 'ConcernClosed', 'someone', 'Manager', {at})");
        var pass = await log.IntegrateAsync();

        pass.Refused.ShouldBe([4L]);
        pass.Integrated.ShouldBe(0);
        var result = await log.VerifyAsync();
        result.IsIntact.ShouldBeFalse();
        result.FirstBadEntryId.ShouldBe(4);
        result.Problem.ShouldBe("entry id 4, waiting to be integrated, does not carry the application's seal: it was written outside the application");
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task NamesTheFirstCheckpointGivenAnAdoptedEntryRewrittenAndRehashed(TestProvider provider)
    {
        using var log = await UpgradedLogAsync(provider);
        await log.IntegrateAsync();
        await log.AppendStepAsync(2);
        await log.CheckpointAsync();
        await log.RemoveProtectionAsync();

        // Adopted entries carry no seal, so only the signed checkpoint remembers what they said.
        await log.Database.ExecuteAsync("UPDATE decision_log SET answer = 'Yes' WHERE entry_id = 2");
        await log.RebuildTreeAsync((await log.IntegratedAsync()).Select(r => r.Entry.EntryId).ToList(), [3, 5]);

        var result = await log.VerifyAsync();
        result.IsIntact.ShouldBeFalse();
        result.FirstBadSequence.ShouldBe(1);
        result.BadCheckpointPath.ShouldBe(log.CheckpointPath(3));
        result.Problem.ShouldNotBeNull().ShouldContain($"the log diverges from the signed checkpoint {log.CheckpointPath(3)} (size 3)", Case.Sensitive);
    }

    /// <summary>A database migrated to the last hash-chain migration, given three chained entries, then upgraded.</summary>
    private static async Task<SignedLog> UpgradedLogAsync(TestProvider provider)
    {
        var database = await ProviderDatabase.CreateAsync(provider, "upgrade");
        await using (var db = database.CreateContext())
        {
            await db.GetService<IMigrator>().MigrateAsync(LastChainedMigration);
        }

        await InsertChainedAsync(database, 1, LogEventTypes.ConcernOpened, Concern, "Opened", new DateTime(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc), question: null, answer: null);
        await InsertChainedAsync(database, 2, LogEventTypes.QuestionAnswered, Concern, "Kept from the chain: \"quotes\" and ünïcödé",
            new DateTime(2026, 11, 2, 10, 15, 30, DateTimeKind.Utc).AddTicks(123_450), "Did the person intend to cause harm?", "No");
        await InsertChainedAsync(database, 3, "ConcernRouted", null, null, new DateTime(2026, 11, 2, 11, 0, 0, DateTimeKind.Utc), question: null, answer: null);
        await database.ExecuteAsync($"UPDATE decision_log_head SET last_sequence = 3, last_hash = '{new string('3', 64)}' WHERE id = 1");

        await using (var db = database.CreateContext())
        {
            await db.Database.MigrateAsync();
        }

        return SignedLog.Over(database);
    }

    private static async Task InsertChainedAsync(ProviderDatabase database, long sequence, string eventType, Guid? concernId, string? rationale, DateTime at,
        string? question, string? answer)
    {
        await using var db = database.CreateContext();
        // Parameters typed as each provider's columns store them: SQLite keeps GUIDs as upper-case text.
        object? concern = concernId is null ? null : database.Provider == TestProvider.Sqlite ? concernId.Value.ToString().ToUpperInvariant() : concernId.Value;
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO decision_log (sequence, event_type, concern_id, subject_staff_ref, definition_id, definition_version, question, answer, rationale,
                actor_id, actor_role, occurred_at_utc, previous_hash, hash)
            VALUES ({sequence}, {eventType}, {concern}, {"S0042"}, {"triage"}, {1}, {question}, {answer}, {rationale},
                {"manager-1"}, {"Manager"}, {at}, {new string((char)('0' + sequence - 1), 64)}, {new string((char)('0' + sequence), 64)})
            """);
    }
}
