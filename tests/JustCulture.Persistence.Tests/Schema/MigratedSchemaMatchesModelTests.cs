using JustCulture.Persistence.Tests.Support;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Persistence.Tests.Schema;

/// <summary>
/// docs/decisions/0010-generated-migrations.md: each provider's generated migrations (and the SQL added to them by
/// hand) must build exactly the schema EF Core's model describes. One fresh database is migrated, another is
/// created straight from the model (EnsureCreated), and the two are compared by introspection; and each model
/// snapshot must be the current model, or `dotnet ef migrations add` would fold unrelated changes into the next one.
/// </summary>
[Collection(PostgresFixture.Collection)]
public class MigratedSchemaMatchesModelTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task MatchesModelGivenFreshDatabaseMigrated(TestProvider provider)
    {
        using var migrated = await ProviderDatabase.CreateMigratedAsync(provider, "migrated");
        using var fromModel = await ProviderDatabase.CreateAsync(provider, "model");
        await using var modelDb = fromModel.CreateContext();
        (await modelDb.Database.EnsureCreatedAsync()).ShouldBeTrue();
        await using var migratedDb = migrated.CreateContext();

        var modelSchema = await SchemaSnapshot.ReadAsync(modelDb);
        var migratedSchema = await SchemaSnapshot.ReadAsync(migratedDb);
        var differences = SchemaComparison.Compare(modelSchema, migratedSchema);

        differences.ShouldBeEmpty(SchemaComparison.Report(differences));
        // Not vacuous: every table of the model was found and described, down to its columns.
        var modelTables = modelDb.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct().Order(StringComparer.Ordinal).ToList();
        modelTables.Count.ShouldBe(27); // eight core tables, the log's leaves, tree heads and queue, wres_history, organisation_history, checklist_drafts, the headcount snapshot history and archive, case_data_keys, and suspensions with their alternatives, wellbeing records and check-ins, ambassador invitations, and the fairness survey's invitations and responses, formal_proceedings, clock_digest_days (the daily digest's one claim per day), and workflow_timers (durable timers)
        migratedSchema.Tables.Order(StringComparer.Ordinal).ShouldBe(modelTables);
        migratedSchema.Facts.Keys.ShouldContain("column decision_log.seal");
        migratedSchema.Facts.Keys.ShouldContain(k => k.StartsWith("index concerns.IX_concerns_status", StringComparison.Ordinal));
        migratedSchema.Facts.Keys.Count(k => k.StartsWith("column ", StringComparison.Ordinal))
            .ShouldBe(modelDb.Model.GetEntityTypes().Sum(e => e.GetProperties().Count()));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task HasNoPendingMigrationsGivenFreshDatabaseMigrated(TestProvider provider)
    {
        using var database = await ProviderDatabase.CreateMigratedAsync(provider, "pending");
        await using var db = database.CreateContext();

        (await db.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).ShouldBe(db.Database.GetMigrations());
    }

    [Fact]
    public void HasSameMigrationsInTheSameOrderGivenEitherProvider()
    {
        using var sqlite = DatabaseLocation.Parse("sqlite:unused.db").CreateContext();
        using var postgres = DatabaseLocation.Parse("postgres:Host=127.0.0.1;Database=unused").CreateContext();
        using var sqlServer = DatabaseLocation.Parse("sqlserver:Server=unused;Database=unused").CreateContext();

        // Each provider's migrations are generated separately, so their timestamps differ; their names and order may not.
        var sqliteMigrations = sqlite.Database.GetMigrations().Select(NameOf).ToList();
        var postgresMigrations = postgres.Database.GetMigrations().Select(NameOf).ToList();
        var sqlServerMigrations = sqlServer.Database.GetMigrations().Select(NameOf).ToList();

        sqliteMigrations.ShouldNotBeEmpty();
        sqliteMigrations[0].ShouldBe("Baseline");
        sqliteMigrations.ShouldBe(postgresMigrations);
        sqlServerMigrations.ShouldBe(sqliteMigrations);
        sqliteMigrations.ShouldBeUnique();
    }

    [Theory]
    [InlineData("sqlite:unused.db")]
    [InlineData("postgres:Host=127.0.0.1;Database=unused")]
    [InlineData("sqlserver:Server=unused;Database=unused")]
    public void HasNoPendingModelChangesGivenTheModelSnapshot(string database)
    {
        using var db = DatabaseLocation.Parse(database).CreateContext();

        // Compares the model with the provider's generated snapshot; no connection is opened.
        db.Database.HasPendingModelChanges().ShouldBeFalse("the model changed without a migration: run dotnet ef migrations add (src/JustCulture.Persistence/README.md)");
    }

    private static string NameOf(string migrationId) => migrationId[(migrationId.IndexOf('_', StringComparison.Ordinal) + 1)..];
}
