using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace JustCulture.Persistence.Upgrades;

/// <summary>
/// Migrates a context to its newest migration — the one way the CLI, the web app and the tests do it — first
/// adopting a database the hand-written migrations built: its history gains the <c>Baseline</c>'s row (the old
/// rows stay, as the record of how it was built), because its schema already is the Baseline's.
/// </summary>
public static class SchemaUpgrade
{
    public const string BaselineName = "_Baseline";

    /// <summary>Adopts if needed, then applies every pending migration. Returns the ids applied.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(DbContext db, HandWrittenHistory handWritten, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await AdoptAsync(db, handWritten, cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        // Up to date (every start but the first after an upgrade): MigrateAsync would still build the design-time
        // model to look for model changes without a migration, about a second of every process start that the
        // compiled model otherwise saves (docs/performance.md). MigratedSchemaMatchesModelTests makes that check.
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        return pending;
    }

    /// <summary>
    /// True when the database was built by the hand-written migrations and has now been given the Baseline's
    /// history row; false when there was nothing to adopt (a new database, or one already past the Baseline).
    /// Refuses, changing nothing, a history that stops before the last hand-written migration.
    /// </summary>
    public static async Task<bool> AdoptAsync(DbContext db, HandWrittenHistory handWritten, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(handWritten);
        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(cancellationToken))
        {
            return false;
        }

        var applied = (await history.GetAppliedMigrationsAsync(cancellationToken)).Select(row => row.MigrationId).ToHashSet(StringComparer.Ordinal);
        var baseline = BaselineOf(db);
        if (applied.Contains(baseline) || !handWritten.MigrationIds.Any(applied.Contains))
        {
            return false;
        }

        if (!applied.Contains(handWritten.Last))
        {
            var reached = handWritten.MigrationIds.Last(applied.Contains);
            throw new DatabaseUpgradeRefusedException(
                $"The database's migration history stops at {reached}, before {handWritten.Last}, the last of the hand-written migrations "
                + $"that this version adopts. Upgrade it first with JustCulture at commit {HandWrittenHistory.LastHandWrittenCommit} "
                + "(or any earlier build that lists that migration: run its 'justculture db migrate' or start its web app once), "
                + "then run this version. Nothing was changed.");
        }

        // One statement, the provider's own history insert: the schema is already the Baseline's.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
#pragma warning disable EF1002 // EF's own history script for a constant migration id; no input reaches it.
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(baseline, ProductInfo.GetVersion())), cancellationToken);
#pragma warning restore EF1002
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The context's first migration, which must be its generated Baseline.</summary>
    public static string BaselineOf(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var first = db.Database.GetMigrations().FirstOrDefault();
        return first is not null && first.EndsWith(BaselineName, StringComparison.Ordinal)
            ? first
            : throw new InvalidOperationException($"{db.GetType().Name}'s first migration is {first ?? "missing"}, not its Baseline.");
    }
}
