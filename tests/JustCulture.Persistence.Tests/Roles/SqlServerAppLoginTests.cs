using JustCulture.Persistence.Tests.Support;
using JustCulture.TestSupport;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Persistence.Tests.Roles;

/// <summary>
/// docs/decisions/0011-sql-server.md: on SQL Server the application's database user can work cases and add to the
/// log, but cannot change or remove what the log holds, nor alter, disable or drop its triggers; a user that
/// administers the database is refused. Needs a server (<c>JUSTCULTURE_SQLSERVER</c>); the users are made without a
/// login and the checks run as them through <c>EXECUTE AS USER</c>.
/// </summary>
public sealed class SqlServerAppLoginTests
{
    [Theory]
    [SqlServerData]
    public async Task RefusesLogChangesAndTriggerChangesGivenAppUserGranted(TestProvider provider)
    {
        using var database = await ProviderDatabase.CreateMigratedAsync(provider, "applogin");
        var user = "jc_app_" + Guid.NewGuid().ToString("N")[..10];
        await database.ExecuteAsync($"CREATE USER [{user}] WITHOUT LOGIN");
        await using (var db = database.CreateContext())
        {
            await SqlServerAppLogin.GrantAsync(db, user);
            (await SqlServerAppLogin.RightsItMustNotHaveAsync(db, user)).ShouldBeEmpty();
        }

        (await database.ExecuteAsync($"""
            EXECUTE AS USER = N'{user}';
            INSERT INTO decision_log (entry_id, event_type, actor_id, actor_role, occurred_at_utc) VALUES (9001, 'ConcernOpened', 'someone', 'Manager', '2025-06-02 10:00:00');
            REVERT;
            """)).ShouldBe(1);
        foreach (var sql in (string[])[
            "UPDATE decision_log SET answer = 'Maybe'",
            "UPDATE decision_log_queue SET entry_id = entry_id",
            "DISABLE TRIGGER decision_log_no_update_delete ON decision_log",
            "DROP TRIGGER decision_log_enqueue",
            "TRUNCATE TABLE decision_log_tree_heads",
            "DELETE FROM case_data_keys"])
        {
            var error = await Should.ThrowAsync<SqlException>(() => database.ExecuteAsync($"EXECUTE AS USER = N'{user}'; {sql}; REVERT;"));
            error.Number.ShouldBeOneOf(229, 1088, 3701, 3704, 4701); // permission denied, or the object cannot be found or altered by this user
        }

        await using var check = database.CreateContext();
        (await check.DecisionLogQueue.CountAsync(q => q.EntryId == 9001)).ShouldBe(1);
    }

    [Theory]
    [SqlServerData]
    public async Task RefusesGivenAppUserInDbOwner(TestProvider provider)
    {
        using var database = await ProviderDatabase.CreateMigratedAsync(provider, "appowner");
        var user = "jc_app_" + Guid.NewGuid().ToString("N")[..10];
        await database.ExecuteAsync($"CREATE USER [{user}] WITHOUT LOGIN; ALTER ROLE db_owner ADD MEMBER [{user}];");
        await using var db = database.CreateContext();

        var error = await Should.ThrowAsync<FormatException>(() => SqlServerAppLogin.GrantAsync(db, user));

        error.Message.ShouldContain("db_owner");
    }
}
