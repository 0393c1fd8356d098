using JustCulture.Persistence.Tests.Schema;
using JustCulture.Persistence.Tests.Support;
using JustCulture.Persistence.Upgrades;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Persistence.Tests.Upgrade;

/// <summary>
/// The script a DBA is given (<c>justculture db script</c>) builds what migrating builds: run on an empty database,
/// the same tables, indexes, triggers and functions, and the same history.
/// </summary>
[Collection(PostgresFixture.Collection)]
public class MigrationScriptTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public Task BuildsTheMigratedSchemaGivenAnEmptyDatabase(TestProvider provider) => BuildsTheMigratedSchemaAsync(provider, idempotent: false);

    [PostgresFact]
    public Task BuildsTheMigratedSchemaGivenTheIdempotentScriptOnAnEmptyDatabase() => BuildsTheMigratedSchemaAsync(TestProvider.Postgres, idempotent: true);

    private static async Task BuildsTheMigratedSchemaAsync(TestProvider provider, bool idempotent)
    {
        using var scripted = await ProviderDatabase.CreateAsync(provider, "scripted");
        using var migrated = await ProviderDatabase.CreateMigratedAsync(provider, "migrated");

        await scripted.ExecuteAsync(MigrationScript.Generate(provider == TestProvider.Sqlite ? "sqlite" : "postgres", idempotent));

        await using var scriptedDb = scripted.CreateContext();
        await using var migratedDb = migrated.CreateContext();
        var differences = SchemaComparison.Compare(await SchemaSnapshot.ReadAsync(migratedDb), await SchemaSnapshot.ReadAsync(scriptedDb));
        differences.ShouldBeEmpty(SchemaComparison.Report(differences));
        var scriptedProtections = await HandWrittenFixture.ProtectionsAsync(scriptedDb);
        var migratedProtections = await HandWrittenFixture.ProtectionsAsync(migratedDb);
        if (idempotent)
        {
            // EF indents each statement inside its IF NOT EXISTS block, function bodies included: the same code.
            scriptedProtections = Unindented(scriptedProtections);
            migratedProtections = Unindented(migratedProtections);
        }

        scriptedProtections.ShouldBe(migratedProtections);
        (await scriptedDb.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
    }

    private static SortedDictionary<string, string> Unindented(SortedDictionary<string, string> definitions) =>
        new(definitions.ToDictionary(d => d.Key, d => string.Join('\n', d.Value.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0))), StringComparer.Ordinal);

    [PostgresFact]
    public async Task ChangesNothingGivenTheIdempotentScriptRunOnAnUpToDateDatabase()
    {
        using var migrated = await ProviderDatabase.CreateMigratedAsync(TestProvider.Postgres, "rerun");
        await using var db = migrated.CreateContext();
        var before = await HandWrittenFixture.ProtectionsAsync(db);

        await migrated.ExecuteAsync(MigrationScript.Generate("postgres", idempotent: true));

        (await HandWrittenFixture.ProtectionsAsync(db)).ShouldBe(before);
        (await db.Database.GetAppliedMigrationsAsync()).ShouldBe(db.Database.GetMigrations());
    }

    [Fact]
    public void RefusesNamingTheProvidersGivenAnUnknownOne()
    {
        var error = Should.Throw<FormatException>(() => MigrationScript.Generate("oracle"));

        error.Message.ShouldBe("'oracle' is not a provider: use postgres, sqlite or sqlserver.");
    }
}
