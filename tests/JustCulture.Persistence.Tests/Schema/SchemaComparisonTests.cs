using JustCulture.Persistence.Tests.Support;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Persistence.Tests.Schema;

/// <summary>
/// The schema comparison must be able to fail: a migrated database changed behind EF's back (a column dropped,
/// added or altered, an index or foreign key changed, an extra table) is reported, each change by name.
/// </summary>
[Collection(PostgresFixture.Collection)]
public class SchemaComparisonTests
{
    [Fact]
    public async Task ReportsEachChangeGivenSqliteDatabaseAlteredAfterMigration()
    {
        using var migrated = await ProviderDatabase.CreateMigratedAsync(TestProvider.Sqlite, "altered");
        using var fromModel = await ProviderDatabase.CreateAsync(TestProvider.Sqlite, "model");
        await migrated.ExecuteAsync("""
            DROP INDEX IX_concerns_status;
            ALTER TABLE staff DROP COLUMN band;
            ALTER TABLE app_users ADD COLUMN nickname TEXT NULL;
            CREATE TABLE throwaway (x INTEGER NOT NULL);
            """);

        var differences = await CompareAsync(fromModel, migrated);

        differences.ShouldContain(d => d.Kind == SchemaDifferenceKind.Missing && d.Key == "index concerns.IX_concerns_status");
        differences.ShouldContain(d => d.Kind == SchemaDifferenceKind.Missing && d.Key == "column staff.band");
        differences.ShouldContain(d => d.Kind == SchemaDifferenceKind.Extra && d.Key == "column app_users.nickname");
        differences.ShouldContain(d => d.Kind == SchemaDifferenceKind.Extra && d.Key == "table throwaway");
        differences.ShouldContain(d => d.Kind == SchemaDifferenceKind.Extra && d.Key == "column throwaway.x");
        differences.Count.ShouldBe(5, SchemaComparison.Report(differences));
        SchemaComparison.Report(differences).ShouldContain("- column staff.band: in the model (type TEXT, not null");
    }

    [Fact]
    public async Task ReportsChangedForeignKeyGivenSqliteTableRebuiltWithCascade()
    {
        using var migrated = await ProviderDatabase.CreateMigratedAsync(TestProvider.Sqlite, "altered_fk");
        using var fromModel = await ProviderDatabase.CreateAsync(TestProvider.Sqlite, "model");
        // SQLite cannot alter a foreign key or a column's nullability in place: rebuild the table the way a
        // careless migration would, with ON DELETE CASCADE instead of RESTRICT and a nullable stage.
        await migrated.ExecuteAsync("""
            PRAGMA foreign_keys = OFF;
            DROP TABLE concern_actions;
            CREATE TABLE concern_actions (
                id TEXT NOT NULL CONSTRAINT PK_concern_actions PRIMARY KEY,
                concern_id TEXT NOT NULL,
                ordinal INTEGER NOT NULL,
                description TEXT NOT NULL,
                workflow_instance_id TEXT NOT NULL,
                stage TEXT NULL,
                outcome TEXT NULL,
                route TEXT NULL,
                formal_investigation_started_at_utc TEXT NULL,
                informal_attempts INTEGER NOT NULL,
                informal_agreed_actions TEXT NULL,
                informal_review_date TEXT NULL,
                version INTEGER NOT NULL DEFAULT 0,
                CONSTRAINT FK_concern_actions_concerns_concern_id FOREIGN KEY (concern_id) REFERENCES concerns (id) ON DELETE CASCADE);
            CREATE UNIQUE INDEX IX_concern_actions_concern_id_ordinal ON concern_actions (concern_id, ordinal);
            CREATE UNIQUE INDEX IX_concern_actions_workflow_instance_id ON concern_actions (workflow_instance_id);
            """);

        var differences = await CompareAsync(fromModel, migrated);

        differences.Select(d => (d.Kind, d.Key)).ShouldBe(
            [(SchemaDifferenceKind.Changed, "column concern_actions.stage"), (SchemaDifferenceKind.Changed, "foreign key concern_actions(concern_id)")],
            SchemaComparison.Report(differences));
        differences[1].Model.ShouldNotBeNull().ShouldContain("on delete RESTRICT");
        differences[1].Migrated.ShouldNotBeNull().ShouldContain("on delete CASCADE");
    }

    [PostgresFact]
    public async Task ReportsEachChangeGivenPostgresDatabaseAlteredAfterMigration()
    {
        using var migrated = await ProviderDatabase.CreateMigratedAsync(TestProvider.Postgres, "altered");
        using var fromModel = await ProviderDatabase.CreateAsync(TestProvider.Postgres, "model");
        await migrated.ExecuteAsync("""
            ALTER TABLE staff ALTER COLUMN name TYPE character varying(100);
            ALTER TABLE bookmarks ALTER COLUMN completed_by SET NOT NULL;
            ALTER TABLE concern_actions DROP CONSTRAINT "FK_concern_actions_concerns_concern_id";
            ALTER TABLE concern_actions ADD CONSTRAINT "FK_concern_actions_concerns_concern_id"
                FOREIGN KEY (concern_id) REFERENCES concerns (id) ON DELETE CASCADE;
            DROP INDEX "IX_concerns_status";
            CREATE UNIQUE INDEX "IX_staff_line_manager_ref_unique" ON staff (line_manager_ref);
            ALTER TABLE headcount_snapshots DROP COLUMN band;
            CREATE TABLE throwaway (x integer NOT NULL);
            """);

        var differences = await CompareAsync(fromModel, migrated);

        differences.Select(d => (d.Kind, d.Key)).ShouldBe(
            [
                (SchemaDifferenceKind.Changed, "column bookmarks.completed_by"),
                (SchemaDifferenceKind.Missing, "column headcount_snapshots.band"),
                (SchemaDifferenceKind.Changed, "column staff.name"),
                (SchemaDifferenceKind.Extra, "column throwaway.x"),
                (SchemaDifferenceKind.Changed, "constraint concern_actions.FK_concern_actions_concerns_concern_id"),
                (SchemaDifferenceKind.Missing, "index concerns.IX_concerns_status"),
                (SchemaDifferenceKind.Extra, "index staff.IX_staff_line_manager_ref_unique"),
                (SchemaDifferenceKind.Extra, "table throwaway"),
            ],
            SchemaComparison.Report(differences));
        var name = differences.Single(d => d.Key == "column staff.name");
        name.Model.ShouldNotBeNull().ShouldContain("max length 200");
        name.Migrated.ShouldNotBeNull().ShouldContain("max length 100");
        differences.Single(d => d.Key.StartsWith("constraint", StringComparison.Ordinal)).Migrated.ShouldNotBeNull().ShouldContain("ON DELETE CASCADE");
    }

    private static async Task<IReadOnlyList<SchemaDifference>> CompareAsync(ProviderDatabase fromModel, ProviderDatabase migrated)
    {
        await using var modelDb = fromModel.CreateContext();
        await modelDb.Database.EnsureCreatedAsync();
        await using var migratedDb = migrated.CreateContext();
        return SchemaComparison.Compare(await SchemaSnapshot.ReadAsync(modelDb), await SchemaSnapshot.ReadAsync(migratedDb));
    }
}
