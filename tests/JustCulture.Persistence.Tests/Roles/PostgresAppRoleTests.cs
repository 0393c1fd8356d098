using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.Tests.Support;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace JustCulture.Persistence.Tests.Roles;

/// <summary>
/// docs/decisions/0008-a-log-no-insider-can-rewrite.md: on PostgreSQL the application connects as a role that can
/// work cases and add to the log, but cannot change, remove or truncate what the log holds, nor drop its guards —
/// and what it can insert it cannot pass off as the application's.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class PostgresAppRoleTests : IAsyncLifetime
{
    private readonly string _role = "jc_app_" + Guid.NewGuid().ToString("N")[..10];
    private readonly string _logFolder = Directory.CreateTempSubdirectory("jc-role-log-").FullName;
    private ProviderDatabase _owner = null!;
    private DatabaseLocation _asApp = null!;
    private DecisionLogTrust _trust = null!;

    public async Task InitializeAsync()
    {
        _owner = await ProviderDatabase.CreateMigratedAsync(TestProvider.Postgres, "approle");
        await using (var connection = new NpgsqlConnection(PostgresServer.Shared.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE ROLE {_role} LOGIN PASSWORD 'app-role-password'", connection);
            await create.ExecuteNonQueryAsync();
        }

        await using (var db = _owner.CreateContext())
        {
            await PostgresAppRole.GrantAsync(db, _role);
        }

        var builder = new NpgsqlConnectionStringBuilder(_owner.Location.ConnectionString) { Username = _role, Password = "app-role-password", Pooling = false };
        _asApp = DatabaseLocation.Parse("postgres:" + builder.ConnectionString);
        _trust = new DecisionLogTrust(DecisionLogSettings.Resolve(_asApp, Path.Combine(_logFolder, "key.pem"), Path.Combine(_logFolder, "checkpoints")));
    }

    public Task DisposeAsync()
    {
        _trust.Dispose();
        _owner.Dispose();
        Directory.Delete(_logFolder, recursive: true);
        return Task.CompletedTask;
    }

    [PostgresFact]
    public async Task WritesIntegratesAndVerifiesGivenAppRole()
    {
        await AppendAsync(3);
        await using var db = _asApp.CreateContext();

        var pass = await new DecisionLogSequencer(_trust, TimeProvider.System).CheckpointAsync(db);
        var verification = await DecisionLogVerifier.VerifyAsync(db, _trust);

        pass.Integrated.ShouldBe(3);
        verification.IsIntact.ShouldBeTrue(verification.Problem);
        verification.EntriesChecked.ShouldBe(3);
    }

    [PostgresTheory]
    [InlineData("UPDATE decision_log SET answer = 'Yes'")]
    [InlineData("DELETE FROM decision_log")]
    [InlineData("TRUNCATE decision_log CASCADE")]
    [InlineData("UPDATE decision_log_leaves SET leaf_hash = repeat('0', 64)")]
    [InlineData("DELETE FROM decision_log_leaves")]
    [InlineData("TRUNCATE decision_log_tree_heads")]
    [InlineData("DELETE FROM decision_log_tree_heads")]
    [InlineData("UPDATE decision_log_queue SET entry_id = 1")]
    [InlineData("DROP TRIGGER decision_log_no_update_delete ON decision_log")]
    [InlineData("ALTER TABLE decision_log DISABLE TRIGGER ALL")]
    [InlineData("DELETE FROM \"__EFMigrationsHistory\"")]
    public async Task RefusesWithPermissionDeniedGivenAppRoleChangingTheLog(string sql)
    {
        await AppendAsync(2);
        await using (var db = _asApp.CreateContext())
        {
            await new DecisionLogSequencer(_trust, TimeProvider.System).CheckpointAsync(db);
        }

        await using var connection = new NpgsqlConnection(_asApp.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);

        var refused = await Should.ThrowAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        // 42501 insufficient_privilege: refused by the grants themselves, not only by a trigger the owner could drop.
        refused.SqlState.ShouldBe("42501", refused.MessageText);
        refused.MessageText.ShouldMatch("^(permission denied for table|must be owner of (table|relation)) ");
    }

    [PostgresFact]
    public async Task RefusesAndNamesTheEntryGivenForgedAppendThroughAppRole()
    {
        await AppendAsync(2);
        await using var db = _asApp.CreateContext();
        var sequencer = new DecisionLogSequencer(_trust, TimeProvider.System);
        await sequencer.CheckpointAsync(db);
        // The insider has the application's connection string, not its key: a seal made with any other key.
        var forged = LogEntries.Answer(99);
        forged.EntryId = 4242;
        forged.OccurredAtUtc = LeafEncoding.NormaliseTimestamp(forged.OccurredAtUtc);
        forged.Seal = EntrySeal.Compute(new byte[32], forged);
        db.DecisionLog.Add(forged);
        await db.SaveChangesAsync();

        var pass = await sequencer.CheckpointAsync(db);
        var verification = await DecisionLogVerifier.VerifyAsync(db, _trust);

        pass.Refused.ShouldBe([4242L]);
        verification.IsIntact.ShouldBeFalse();
        verification.FirstBadEntryId.ShouldBe(4242);
        verification.Problem!.ShouldContain("written outside the application");
        verification.EntriesChecked.ShouldBe(2);
    }

    [PostgresFact]
    public async Task RefusesGivenRoleThatOwnsTables()
    {
        await using var db = _owner.CreateContext();
        var owner = new NpgsqlConnectionStringBuilder(_owner.Location.ConnectionString).Username!;

        var refused = await Should.ThrowAsync<FormatException>(() => PostgresAppRole.GrantAsync(db, owner));

        refused.Message.ShouldContain("owns nothing");
    }

    private async Task AppendAsync(int count)
    {
        await using var db = _asApp.CreateContext();
        await LogEntries.AppendAsync(db, new DecisionLogWriter(_trust), Enumerable.Range(1, count).Select(n => LogEntries.Answer(n)).ToList());
    }
}
