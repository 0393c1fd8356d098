using System.Data.Common;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.Tests.Support;
using JustCulture.TestSupport;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace JustCulture.Persistence.Tests.Log;

/// <summary>
/// The databases themselves (the SignedLog migration's triggers) refuse, whoever connects, to change or remove
/// entries, leaves or tree heads, take leaves and heads only in order, and queue every entry inserted — so
/// the application's own database role cannot rewrite the log, nor hide an entry from the sequencer.
/// </summary>
[Collection(PostgresFixture.Collection)]
public class DecisionLogProtectionTests
{
    public static TheoryData<TestProvider, string, string> Changes()
    {
        var data = new TheoryData<TestProvider, string, string>();
        foreach (var provider in Providers())
        {
            AddChanges(data, provider);
        }

        foreach (var table in (string[])["decision_log CASCADE", "decision_log_leaves", "decision_log_tree_heads"])
        {
            data.Add(TestProvider.Postgres, $"TRUNCATE {table}", "TRUNCATE");
        }

        return data;
    }

    /// <summary>The rows for SQL Server, reported skipped with the reason when no server is given (<see cref="SqlServerMemberDataAttribute"/>).</summary>
    public static TheoryData<TestProvider, string, string> SqlServerChanges()
    {
        var data = new TheoryData<TestProvider, string, string>();
        AddChanges(data, TestProvider.SqlServer);
        // SQL Server's TRUNCATE fires no trigger: the foreign keys on decision_log and the indexed views on the others refuse it.
        foreach (var table in (string[])["decision_log", "decision_log_leaves", "decision_log_tree_heads", "case_data_keys"])
        {
            data.Add(TestProvider.SqlServer, $"TRUNCATE TABLE {table}", "TRUNCATE");
        }

        return data;
    }

    private static void AddChanges(TheoryData<TestProvider, string, string> data, TestProvider provider)
    {
        {
            // T-SQL joins strings with +, and its SUBSTRING needs a length.
            var rest = (string column) => provider == TestProvider.SqlServer ? $"'ab' + SUBSTRING({column}, 3, 62)" : $"'ab' || substr({column}, 3)";
            data.Add(provider, "UPDATE decision_log SET answer = 'Maybe'", "UPDATE");
            data.Add(provider, "UPDATE decision_log SET seal = NULL", "UPDATE");
            data.Add(provider, "DELETE FROM decision_log WHERE entry_id = (SELECT MAX(entry_id) FROM decision_log)", "DELETE");
            data.Add(provider, $"UPDATE decision_log_leaves SET leaf_hash = {rest("leaf_hash")} WHERE sequence = 2", "UPDATE");
            data.Add(provider, "UPDATE decision_log_leaves SET entry_id = entry_id WHERE sequence = 2", "UPDATE");
            data.Add(provider, "DELETE FROM decision_log_leaves WHERE sequence = 3", "DELETE");
            data.Add(provider, $"UPDATE decision_log_tree_heads SET root_hash = {rest("root_hash")}", "UPDATE");
            data.Add(provider, "DELETE FROM decision_log_tree_heads", "DELETE");
        }
    }

    [Theory]
    [MemberData(nameof(Changes))]
    [SqlServerMemberData(nameof(SqlServerChanges))]
    public async Task RefusesChangeGivenTriggersInPlace(TestProvider provider, string sql, string operation)
    {
        using var log = await CreateLogAsync(provider);
        var before = await SnapshotAsync(log);

        var error = await Should.ThrowAsync<DbException>(() => log.Database.ExecuteAsync(sql));

        if (provider == TestProvider.Sqlite)
        {
            error.ShouldBeOfType<SqliteException>().Message.ShouldContain($"is append-only: {operation} refused");
        }
        else if (provider == TestProvider.SqlServer)
        {
            var sqlServer = error.ShouldBeOfType<SqlException>();
            if (operation == "TRUNCATE")
            {
                sqlServer.Message.ShouldContain("truncate", Case.Insensitive);
            }
            else
            {
                sqlServer.Message.ShouldContain($"is append-only: {operation} refused");
                sqlServer.Number.ShouldBe(50001);
            }
        }
        else
        {
            var postgres = error.ShouldBeOfType<PostgresException>();
            postgres.MessageText.ShouldBe($"decision_log is append-only: {operation} refused");
            postgres.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        }

        (await SnapshotAsync(log)).ShouldBe(before);
        (await log.VerifyAsync()).IsIntact.ShouldBeTrue();
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task RefusesLeafGivenSequenceNotTheNext(TestProvider provider)
    {
        using var log = await CreateLogAsync(provider);
        var waiting = (await log.AppendStepAsync(1))[0];

        await using var db = log.CreateContext();
        db.DecisionLogLeaves.Add(new DecisionLogLeaf { Sequence = 8, EntryId = waiting.EntryId, LeafHash = LeafEncoding.LeafHashHex(waiting), IntegratedAtUtc = DateTime.UtcNow });
        var error = await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());

        error.InnerException.ShouldNotBeNull().Message.ShouldContain("decision_log_leaves: a leaf must take the next sequence");
        (await log.IntegratedAsync()).Count.ShouldBe(6);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task RefusesTreeHeadGivenSizeOtherThanTheLeaves(TestProvider provider)
    {
        using var log = await CreateLogAsync(provider);

        foreach (var treeSize in (long[])[5, 7])
        {
            await using var db = log.CreateContext();
            db.DecisionLogTreeHeads.Add(new DecisionLogTreeHead { TreeSize = treeSize, RootHash = new string('a', 64), IntegratedAtUtc = DateTime.UtcNow });
            var error = await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());

            error.InnerException.ShouldNotBeNull().Message.ShouldContain("decision_log_tree_heads: a head must cover exactly the leaves, and grow");
        }

        await using var check = log.CreateContext();
        (await check.DecisionLogTreeHeads.MaxAsync(h => h.TreeSize)).ShouldBe(6);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task RefusesQueueRowChangeGivenTriggersInPlace(TestProvider provider)
    {
        using var log = await CreateLogAsync(provider);
        await log.AppendStepAsync(1);

        var error = await Should.ThrowAsync<DbException>(() => log.Database.ExecuteAsync("UPDATE decision_log_queue SET entry_id = entry_id"));

        error.Message.ShouldContain("UPDATE refused");
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task QueuesEveryEntryGivenEntriesInsertedWithPlainSql(TestProvider provider)
    {
        using var log = await CreateLogAsync(provider);
        var at = provider == TestProvider.Postgres ? "'2025-06-02 10:00:00+00'" : "'2025-06-02 10:00:00'";

        (await log.Database.ExecuteAsync($"""
            INSERT INTO decision_log (entry_id, event_type, actor_id, actor_role, occurred_at_utc)
            VALUES (7001, 'ConcernOpened', 'someone', 'Manager', {at}), (7002, 'ConcernOpened', 'someone', 'Manager', {at});
            """)).ShouldBe(2);

        (await log.QueuedEntryIdsAsync()).ShouldBe([7001, 7002]);
        var pass = await log.IntegrateAsync();
        pass.Refused.ShouldBe([7001, 7002]);
        pass.Integrated.ShouldBe(0);
    }

    private static IEnumerable<TestProvider> Providers() =>
        PostgresServer.IsAvailable || PostgresServer.IsRequired ? [TestProvider.Sqlite, TestProvider.Postgres] : [TestProvider.Sqlite];

    private static async Task<SignedLog> CreateLogAsync(TestProvider provider)
    {
        var log = await SignedLog.CreateAsync(provider, "protected");
        await log.StepsThenCheckpointAsync(2, 4);
        return log;
    }

    private static async Task<string> SnapshotAsync(SignedLog log)
    {
        await using var db = log.CreateContext();
        var entries = await db.DecisionLog.AsNoTracking().OrderBy(e => e.EntryId).Select(e => $"{e.EntryId}|{e.Answer}|{e.Seal}").ToListAsync();
        var leaves = await db.DecisionLogLeaves.AsNoTracking().OrderBy(l => l.Sequence).Select(l => $"{l.Sequence}|{l.EntryId}|{l.LeafHash}").ToListAsync();
        var heads = await db.DecisionLogTreeHeads.AsNoTracking().OrderBy(h => h.TreeSize).Select(h => $"{h.TreeSize}|{h.RootHash}").ToListAsync();
        return string.Join("\n", entries.Concat(leaves).Concat(heads));
    }
}
