using System.Data.Common;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.Tests.Support;
using JustCulture.TestSupport;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace JustCulture.Persistence.Tests.Log;

/// <summary>
/// The databases themselves refuse to change or remove log entries, whoever connects (the migrations' triggers);
/// appending through the store still works.
/// </summary>
[Collection(PostgresFixture.Collection)]
public class DecisionLogProtectionTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite, "UPDATE decision_log SET answer = 'Yes' WHERE sequence = 3")]
    [InlineData(TestProvider.Sqlite, "DELETE FROM decision_log WHERE sequence = 3")]
    [InlineData(TestProvider.Sqlite, "UPDATE decision_log SET sequence = 30 WHERE sequence = 3")]
    [InlineData(TestProvider.Sqlite, "DELETE FROM decision_log")]
    public async Task RefusesChangeGivenSqliteTriggers(TestProvider provider, string sql)
    {
        using var database = await CreateLogAsync(provider);
        var before = await LogEntries.ReadAllAsync(database);

        var error = await Should.ThrowAsync<SqliteException>(() => database.ExecuteAsync(sql));

        error.Message.ShouldContain("decision_log is append-only");
        await ShouldBeUnchangedAsync(database, before);
    }

    [PostgresTheory]
    [InlineData("UPDATE decision_log SET answer = 'Yes' WHERE sequence = 3", "UPDATE")]
    [InlineData("DELETE FROM decision_log WHERE sequence = 3", "DELETE")]
    [InlineData("TRUNCATE decision_log", "TRUNCATE")]
    [InlineData("UPDATE decision_log SET sequence = 30 WHERE sequence = 3", "UPDATE")]
    public async Task RefusesChangeGivenPostgresTriggers(string sql, string operation)
    {
        using var database = await CreateLogAsync(TestProvider.Postgres);
        var before = await LogEntries.ReadAllAsync(database);

        var error = await Should.ThrowAsync<PostgresException>(() => database.ExecuteAsync(sql));

        error.MessageText.ShouldBe($"decision_log is append-only: {operation} refused");
        error.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        await ShouldBeUnchangedAsync(database, before);
    }

    [PostgresTheory]
    [InlineData("DELETE FROM decision_log_head", "DELETE")]
    [InlineData("TRUNCATE decision_log_head", "TRUNCATE")]
    public async Task RefusesRemovingHeadGivenPostgresTriggers(string sql, string operation)
    {
        using var database = await CreateLogAsync(TestProvider.Postgres);
        var before = await LogEntries.ReadAllAsync(database);

        var error = await Should.ThrowAsync<PostgresException>(() => database.ExecuteAsync(sql));

        error.MessageText.ShouldBe($"decision_log is append-only: {operation} refused");
        await ShouldBeUnchangedAsync(database, before);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task AppendsThroughStoreGivenRefusedChangeBefore(TestProvider provider)
    {
        using var database = await CreateLogAsync(provider);
        await Should.ThrowAsync<DbException>(() => database.ExecuteAsync("DELETE FROM decision_log WHERE sequence = 5"));

        await LogEntries.AppendAsync(database, [LogEntries.Answer(11), LogEntries.Answer(12)]);

        await using var db = database.CreateContext();
        var result = await DecisionLogStore.VerifyAsync(db);
        result.IsIntact.ShouldBeTrue(result.Problem);
        result.LastSequence.ShouldBe(12);
        (await LogEntries.ReadAllAsync(database)).Select(e => e.ActivityId).TakeLast(2).ShouldBe(["q11", "q12"]);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task RefusesAppendGivenNoTransaction(TestProvider provider)
    {
        using var database = await ProviderDatabase.CreateMigratedAsync(provider, "no_tx");
        await using var db = database.CreateContext();

        var error = await Should.ThrowAsync<InvalidOperationException>(() => DecisionLogStore.AppendAsync(db, [LogEntries.Answer(1)]));

        error.Message.ShouldContain("inside the step's transaction");
        (await LogEntries.ReadAllAsync(database)).ShouldBeEmpty();
    }

    private static async Task<ProviderDatabase> CreateLogAsync(TestProvider provider)
    {
        var database = await ProviderDatabase.CreateMigratedAsync(provider, "protect");
        await LogEntries.AppendTenAsync(database);
        return database;
    }

    private static async Task ShouldBeUnchangedAsync(ProviderDatabase database, List<DecisionLogEntry> before)
    {
        var after = await LogEntries.ReadAllAsync(database);
        after.Select(e => (e.Sequence, e.Answer, e.Hash)).ShouldBe(before.Select(e => (e.Sequence, e.Answer, e.Hash)));
        after.Count.ShouldBe(10);
        await using var db = database.CreateContext();
        (await DecisionLogStore.VerifyAsync(db)).IsIntact.ShouldBeTrue();
    }
}
