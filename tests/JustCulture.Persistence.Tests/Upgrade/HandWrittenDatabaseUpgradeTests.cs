using JustCulture.Persistence.Tests.Schema;
using JustCulture.Persistence.Tests.Support;
using JustCulture.Persistence.Upgrades;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Persistence.Tests.Upgrade;

/// <summary>
/// docs/decisions/0010-generated-migrations.md: a database the hand-written migrations built (a file and a dump
/// made by that code, Fixtures/README.md) is adopted by the generated Baseline and upgraded with every row kept,
/// its log still verifying against the checkpoints signed before, and its schema and protections the same as a
/// freshly migrated database's. A history that stops earlier is refused with nothing changed.
/// </summary>
[Collection(PostgresFixture.Collection)]
public class HandWrittenDatabaseUpgradeTests
{
    private const string LastHandWritten = "20261201140000_CaseDataKeys";

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task KeepsEveryRowAndVerifiesGivenDatabaseMadeByHandWrittenMigrations(TestProvider provider)
    {
        using var fixture = await HandWrittenFixture.CopyAsync(provider);
        var before = await fixture.RowCountsAsync();
        before["decision_log"].ShouldBe(12);
        before["identity_users"].ShouldBe(2);

        IReadOnlyList<string> applied;
        await using (var db = fixture.CreateContext())
        {
            applied = await ProductSchema.MigrateAsync(db);
        }

        await using var upgraded = fixture.CreateContext();
        var after = await fixture.RowCountsAsync();
        // Tables added by later migrations start empty.
        string[] added =
        [
            "suspensions", "suspension_alternatives", "wellbeing_records", "wellbeing_check_ins", "ambassador_invitations",
            "fairness_survey_invitations", "fairness_survey_responses", "organisation_history", "formal_proceedings", "clock_digest_days", "workflow_timers",
        ];
        after.Keys.ShouldBe(before.Keys.Concat(added), ignoreOrder: true);
        added.ShouldAllBe(table => after[table] == 0);
        foreach (var (table, count) in before)
        {
            // The history gains the Baseline's row and one per later migration; every other table is as it was.
            after[table].ShouldBe(table == "__EFMigrationsHistory" ? count + upgraded.Database.GetMigrations().Count() : count, $"rows in {table}");
        }

        var history = (await upgraded.Database.GetAppliedMigrationsAsync()).ToList();
        history.ShouldContain(LastHandWritten);
        history.ShouldContain(SchemaUpgrade.BaselineOf(upgraded));
        applied.ShouldBe(upgraded.Database.GetMigrations().Skip(1)); // the Baseline adopted, not run; every later one run
        (await upgraded.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();
        (await upgraded.Staff.SingleAsync(s => s.StaffRef == "10400074")).Name.ShouldBe("Priya Patel");
        (await upgraded.Users.SingleAsync(u => u.UserId == "lm1")).StaffRef.ShouldBe("10400000");
        (await upgraded.Concerns.CountAsync()).ShouldBe(2);

        var verification = await fixture.VerifyLogAsync();
        verification.IsIntact.ShouldBeTrue(verification.Problem);
        verification.EntriesChecked.ShouldBe(12);
        verification.CheckpointsChecked.ShouldBe(9);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task HasTheFreshSchemaAndProtectionsGivenDatabaseMadeByHandWrittenMigrations(TestProvider provider)
    {
        using var fixture = await HandWrittenFixture.CopyAsync(provider);
        using var fresh = await ProviderDatabase.CreateMigratedAsync(provider, "fresh");
        await using var upgraded = fixture.CreateContext();
        await ProductSchema.MigrateAsync(upgraded);
        await using var freshDb = fresh.CreateContext();

        var modelTables = freshDb.Model.GetEntityTypes().Select(e => e.GetTableName()!).ToHashSet(StringComparer.Ordinal);
        var differences = SchemaComparison.Compare((await SchemaSnapshot.ReadAsync(freshDb)).Only(modelTables), (await SchemaSnapshot.ReadAsync(upgraded)).Only(modelTables));
        differences.ShouldBeEmpty(SchemaComparison.Report(differences));

        var freshProtections = await HandWrittenFixture.ProtectionsAsync(freshDb);
        freshProtections.Keys.ShouldContain("trigger decision_log_enqueue");
        freshProtections.Keys.ShouldContain("trigger case_data_keys_erase_only");
        (await HandWrittenFixture.ProtectionsAsync(upgraded)).ShouldBe(freshProtections);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task AdoptsOnlyOnceGivenDatabaseAlreadyAdopted(TestProvider provider)
    {
        using var fixture = await HandWrittenFixture.CopyAsync(provider);
        await using var db = fixture.CreateContext();

        (await SchemaUpgrade.AdoptAsync(db, HandWrittenHistory.Product)).ShouldBeTrue();
        (await SchemaUpgrade.AdoptAsync(db, HandWrittenHistory.Product)).ShouldBeFalse();
        (await ProductSchema.MigrateAsync(db)).ShouldNotBeEmpty();
        (await ProductSchema.MigrateAsync(db)).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync()).Count(m => m.EndsWith(SchemaUpgrade.BaselineName, StringComparison.Ordinal)).ShouldBe(1);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task RefusesAndChangesNothingGivenHistoryStoppingBeforeTheLastHandWrittenMigration(TestProvider provider)
    {
        using var fixture = await HandWrittenFixture.CopyAsync(provider);
        // As a database last migrated by a build from before CaseDataKeys would be (its schema aside).
        await fixture.Database.ExecuteAsync($"DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = '{LastHandWritten}'");
        var before = await fixture.RowCountsAsync();

        await using var db = fixture.CreateContext();
        var refusal = await Should.ThrowAsync<DatabaseUpgradeRefusedException>(() => ProductSchema.MigrateAsync(db));

        refusal.Message.ShouldContain("stops at 20261201130000_SignedLog");
        refusal.Message.ShouldContain(LastHandWritten);
        refusal.Message.ShouldContain($"commit {HandWrittenHistory.LastHandWrittenCommit}");
        (await fixture.RowCountsAsync()).ShouldBe(before);
        (await db.Database.GetAppliedMigrationsAsync()).ShouldNotContain(m => m.EndsWith(SchemaUpgrade.BaselineName, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task RunsTheBaselineGivenNewDatabase(TestProvider provider)
    {
        using var database = await ProviderDatabase.CreateAsync(provider, "new");
        await using var db = database.CreateContext();

        (await SchemaUpgrade.AdoptAsync(db, HandWrittenHistory.Product)).ShouldBeFalse();
        var applied = await ProductSchema.MigrateAsync(db);

        applied.ShouldBe(db.Database.GetMigrations());
        (await db.Database.GetAppliedMigrationsAsync()).ShouldNotContain(LastHandWritten);
    }
}
