using JustCulture.Persistence;
using JustCulture.Persistence.Tests.Schema;
using JustCulture.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Web.Tests.Schema;

/// <summary>
/// The Identity tables as the app's migrations built them, against the same tables created straight
/// from the Identity model (EnsureCreated) in an empty database: the approach of the product's own schema test.
/// </summary>
public static class IdentitySchemaCheck
{
    public sealed record Result(IReadOnlyList<SchemaDifference> Differences, IReadOnlyList<string> ModelTables, SchemaSnapshot Migrated);

    public static async Task<Result> CompareAsync(DatabaseLocation migrated, DatabaseLocation empty)
    {
        await using var modelDb = IdentityStoreContext.Create(empty);
        (await modelDb.Database.EnsureCreatedAsync()).ShouldBeTrue();
        await using var migratedDb = IdentityStoreContext.Create(migrated);
        (await migratedDb.Database.GetPendingMigrationsAsync()).ShouldBeEmpty();

        var tables = modelDb.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct().Order(StringComparer.Ordinal).ToList();
        var identityTables = tables.ToHashSet(StringComparer.Ordinal);
        // The migrated database also holds the product's tables: compare Identity's only.
        var model = (await SchemaSnapshot.ReadAsync(modelDb)).Only(identityTables);
        var fromMigrations = (await SchemaSnapshot.ReadAsync(migratedDb)).Only(identityTables);
        return new Result(SchemaComparison.Compare(model, fromMigrations), tables, fromMigrations);
    }

    public static void ShouldMatch(Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        result.Differences.ShouldBeEmpty(SchemaComparison.Report(result.Differences));
        result.ModelTables.ShouldBe(["identity_user_claims", "identity_user_logins", "identity_user_tokens", "identity_users"]);
        result.Migrated.Tables.Order(StringComparer.Ordinal).ShouldBe(result.ModelTables);
        result.Migrated.Facts.Keys.ShouldContain("column identity_users.normalized_user_name");
        result.Migrated.Facts.Keys.ShouldContain(k => k.StartsWith("index identity_users.", StringComparison.Ordinal));
    }
}
