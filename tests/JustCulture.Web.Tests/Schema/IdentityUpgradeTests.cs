using JustCulture.Persistence;
using JustCulture.Persistence.Upgrades;
using JustCulture.TestSupport;
using JustCulture.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Web.Tests.Schema;

/// <summary>
/// docs/decisions/0010-generated-migrations.md for the Identity contexts: each model snapshot is the current model,
/// and the Identity tables of a database the hand-written migration built (the fixtures the product's upgrade tests
/// use, tests/JustCulture.Persistence.Tests/Fixtures) are adopted by the Baseline with every row kept and the
/// password still signing in.
/// </summary>
[Collection(PostgresFixture.Collection)]
public class IdentityUpgradeTests(PostgresFixture postgres)
{
    private static readonly string Fixtures = Path.Combine(RepositoryPaths.RepoRoot, "tests", "JustCulture.Persistence.Tests", "Fixtures");

    [Theory]
    [InlineData("sqlite:unused.db")]
    [InlineData("postgres:Host=127.0.0.1;Database=unused")]
    public void HasNoPendingModelChangesGivenTheModelSnapshot(string database)
    {
        using var identity = IdentityStoreContext.Create(DatabaseLocation.Parse(database));

        identity.Database.HasPendingModelChanges().ShouldBeFalse("the Identity model changed without a migration: run dotnet ef migrations add (src/JustCulture.Persistence/README.md)");
        identity.Database.GetMigrations().First().ShouldEndWith(SchemaUpgrade.BaselineName);
    }

    [Fact]
    public async Task KeepsEveryRowGivenSqliteFileMadeByHandWrittenMigration()
    {
        using var copy = new SqliteTestDatabase("identity-upgrade");
        File.Copy(Path.Combine(Fixtures, "sqlite", "hand-written.sqlite"), copy.Path);
        using var empty = new SqliteTestDatabase("identity-model");

        await AdoptsAndKeepsRowsAsync(DatabaseLocation.Parse("sqlite:" + copy.ConnectionString), DatabaseLocation.Parse("sqlite:" + empty.ConnectionString));
    }

    [PostgresFact]
    public async Task KeepsEveryRowGivenPostgresDumpMadeByHandWrittenMigration()
    {
        var restored = await postgres.CreateDatabaseAsync("identity_upgrade");
        var script = string.Join('\n', (await File.ReadAllLinesAsync(Path.Combine(Fixtures, "postgres", "hand-written.sql"))).Where(line => !line.StartsWith('\\')));
        await using (var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(restored) { Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand(script, connection);
            await command.ExecuteNonQueryAsync();
        }

        await AdoptsAndKeepsRowsAsync(DatabaseLocation.Parse("postgres:" + restored), DatabaseLocation.Parse("postgres:" + await postgres.CreateDatabaseAsync("identity_model")));
    }

    private static async Task AdoptsAndKeepsRowsAsync(DatabaseLocation database, DatabaseLocation empty)
    {
        await using var identity = IdentityStoreContext.Create(database);
        (await identity.Database.GetAppliedMigrationsAsync()).ShouldBe(IdentityStoreContext.HandWrittenHistory.MigrationIds);

        var applied = await SchemaUpgrade.MigrateAsync(identity, IdentityStoreContext.HandWrittenHistory);

        applied.ShouldBe(identity.Database.GetMigrations().Skip(1)); // the Baseline adopted, not run
        (await identity.Database.GetAppliedMigrationsAsync()).ShouldBe([.. IdentityStoreContext.HandWrittenHistory.MigrationIds, .. identity.Database.GetMigrations()], ignoreOrder: true);
        (await identity.Users.CountAsync()).ShouldBe(2);
        (await identity.UserClaims.SingleAsync()).ClaimValue.ShouldBe("kept through the upgrade");
        (await identity.UserLogins.SingleAsync()).ProviderKey.ShouldBe("subject-lm1");
        (await identity.UserTokens.SingleAsync()).Value.ShouldBe("FIXTUREKEY");
        var lineManager = await identity.Users.SingleAsync(u => u.Id == "lm1");
        lineManager.AccessFailedCount.ShouldBe(1);
        new PasswordHasher<IdentityUser>().VerifyHashedPassword(lineManager, lineManager.PasswordHash!, "JustCulture-fixture-1").ShouldBe(PasswordVerificationResult.Success);

        IdentitySchemaCheck.ShouldMatch(await IdentitySchemaCheck.CompareAsync(database, empty));
    }
}
