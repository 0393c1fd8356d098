using JustCulture.Persistence;
using JustCulture.Persistence.Upgrades;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Common;

/// <summary>
/// Applies the provider's migrations (adopting a database the hand-written ones built: <see cref="SchemaUpgrade"/>),
/// then brings derived data up to date.
/// </summary>
public sealed class DatabaseMigrator(JustCultureDbContext db, DatabaseLocation location)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        if (location.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(location.ConnectionString).DataSource;
            var directory = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        var pending = await ProductSchema.MigrateAsync(db, cancellationToken);
        if (location.Provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging lets readers carry on while a step commits.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await Staff.ManagerChains.BackfillAsync(db, cancellationToken);
        return pending;
    }
}
