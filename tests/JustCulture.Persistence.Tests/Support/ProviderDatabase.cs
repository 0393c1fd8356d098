using JustCulture.TestSupport;
using JustCulture.Persistence.Upgrades;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Persistence.Tests.Support;

/// <summary>
/// A fresh, empty database of its own on one provider: a temporary SQLite file or a new database on the
/// throwaway PostgreSQL server. Tests reach it the way the app does, through <see cref="DatabaseLocation"/>.
/// </summary>
public sealed class ProviderDatabase : IDisposable
{
    private readonly SqliteTestDatabase? _sqliteFile;

    private ProviderDatabase(TestProvider provider, DatabaseLocation location, SqliteTestDatabase? sqliteFile)
    {
        Provider = provider;
        Location = location;
        _sqliteFile = sqliteFile;
    }

    public TestProvider Provider { get; }

    public DatabaseLocation Location { get; }

    /// <summary>The SQLite file (its -wal beside it), to look at its bytes; null on PostgreSQL.</summary>
    public string? SqliteFilePath => _sqliteFile?.Path;

    public static async Task<ProviderDatabase> CreateAsync(TestProvider provider, string namePrefix)
    {
        if (provider == TestProvider.Sqlite)
        {
            var file = new SqliteTestDatabase(namePrefix);
            return new ProviderDatabase(provider, DatabaseLocation.Parse("sqlite:" + file.ConnectionString), file);
        }

        var connectionString = await PostgresServer.Shared.CreateDatabaseAsync(namePrefix);
        return new ProviderDatabase(provider, DatabaseLocation.Parse("postgres:" + connectionString), null);
    }

    /// <summary>A fresh database migrated with the provider's real migrations, the way the app migrates.</summary>
    public static async Task<ProviderDatabase> CreateMigratedAsync(TestProvider provider, string namePrefix)
    {
        var database = await CreateAsync(provider, namePrefix);
        await using var db = database.CreateContext();
        await SchemaUpgrade.MigrateAsync(db, HandWrittenHistory.Product);
        return database;
    }

    public JustCultureDbContext CreateContext() => Location.CreateContext();

    /// <summary>Runs SQL directly, outside the application: what someone with database access could do.</summary>
    public async Task<int> ExecuteAsync(string sql)
    {
        await using var db = CreateContext();
        return await db.Database.ExecuteSqlRawAsync(sql);
    }

    public override string ToString() => Location.ToString();

    public void Dispose() => _sqliteFile?.Dispose();
}
