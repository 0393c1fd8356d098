using JustCulture.Persistence.Tests.Support;
using JustCulture.Persistence.Upgrades;
using JustCulture.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace JustCulture.Persistence.Tests.Upgrade;

/// <summary>
/// The OneUserPerStaffRef migration makes a staff ref belong to at most one user account. A database where two
/// accounts already share one stops before it, naming the staff ref and the users, with the index unchanged —
/// through the app's migrator and through the migration's own SQL (what a DBA's script runs).
/// </summary>
[Collection(PostgresFixture.Collection)]
public class OneUserPerStaffRefMigrationTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task RefusesNamingTheStaffRefAndUsersGivenTwoUsersSharingOne(TestProvider provider)
    {
        using var fixture = await SharedStaffRefAsync(provider);
        await using var db = fixture.CreateContext();

        var refusal = await Should.ThrowAsync<DatabaseUpgradeRefusedException>(() => ProductSchema.MigrateAsync(db));

        refusal.Message.ShouldContain("staff ref 10400000 is linked to users lm1, lm2");
        (await db.Database.GetPendingMigrationsAsync()).ShouldContain(m => m.EndsWith(OneUserPerStaffRefCheck.MigrationName, StringComparison.Ordinal));
        (await db.Users.CountAsync(u => u.StaffRef == "10400000")).ShouldBe(2);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task MigrationItselfRefusesAndLeavesTheIndexGivenTwoUsersSharingOne(TestProvider provider)
    {
        using var fixture = await SharedStaffRefAsync(provider);
        await using var db = fixture.CreateContext();
        await SchemaUpgrade.AdoptAsync(db, HandWrittenHistory.Product);

        // EF's own Migrate, as `dotnet ef database update` or a scripted upgrade runs it: no check of ours first.
        var error = await Should.ThrowAsync<Exception>(() => db.Database.MigrateAsync());

        if (provider == TestProvider.Sqlite)
        {
            error.ShouldBeOfType<SqliteException>().Message.ShouldContain("UNIQUE constraint failed: app_users.staff_ref");
        }
        else
        {
            error.ShouldBeOfType<PostgresException>().MessageText.ShouldContain("staff ref 10400000 is linked to users lm1, lm2");
        }

        (await db.Database.GetPendingMigrationsAsync()).ShouldContain(m => m.EndsWith(OneUserPerStaffRefCheck.MigrationName, StringComparison.Ordinal));
        (await IndexIsUniqueAsync(db)).ShouldBeFalse();
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task RefusesASecondUserWithTheStaffRefGivenTheMigrationRan(TestProvider provider)
    {
        using var database = await ProviderDatabase.CreateMigratedAsync(provider, "staffref");
        await database.ExecuteAsync("INSERT INTO app_users (user_id, name, role, staff_ref) VALUES ('a1', 'A', 'LineManager', '1'), ('a2', 'B', 'Auditor', NULL), ('a3', 'C', 'Auditor', NULL)");
        await using var db = database.CreateContext();
        (await IndexIsUniqueAsync(db)).ShouldBeTrue();

        await Should.ThrowAsync<Exception>(() => database.ExecuteAsync("INSERT INTO app_users (user_id, name, role, staff_ref) VALUES ('a4', 'D', 'Auditor', '1')"));
        (await db.Users.CountAsync()).ShouldBe(3);
    }

    private static async Task<HandWrittenFixture> SharedStaffRefAsync(TestProvider provider)
    {
        var fixture = await HandWrittenFixture.CopyAsync(provider);
        (await fixture.Database.ExecuteAsync("UPDATE app_users SET staff_ref = '10400000' WHERE user_id = 'lm2'")).ShouldBe(1);
        return fixture;
    }

    private static async Task<bool> IndexIsUniqueAsync(JustCultureDbContext db)
    {
        var rows = await HandWrittenFixture.QueryAsync(db, db.Database.IsSqlite()
            ? "SELECT \"unique\" FROM pragma_index_list('app_users') WHERE name = 'IX_app_users_staff_ref'"
            : "SELECT CASE WHEN indexdef LIKE 'CREATE UNIQUE%' THEN 1 ELSE 0 END FROM pg_indexes WHERE indexname = 'IX_app_users_staff_ref'");
        return rows.ShouldHaveSingleItem()[0] == "1";
    }
}
