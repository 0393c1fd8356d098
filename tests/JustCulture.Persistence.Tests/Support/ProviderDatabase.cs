using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Persistence.Tests.Support;

/// <summary>
/// A fresh, empty database of its own on one provider: a temporary SQLite file, a new database on the
/// throwaway PostgreSQL server, or a new database on the SQL Server <c>JUSTCULTURE_SQLSERVER</c> names (dropped on dispose). Tests reach it the way the app does, through <see cref="DatabaseLocation"/>.
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

        if (provider == TestProvider.SqlServer)
        {
            return new ProviderDatabase(provider, DatabaseLocation.Parse("sqlserver:" + await SqlServerServer.CreateDatabaseAsync(namePrefix)), null);
        }

        var connectionString = await PostgresServer.Shared.CreateDatabaseAsync(namePrefix);
        return new ProviderDatabase(provider, DatabaseLocation.Parse("postgres:" + connectionString), null);
    }

    /// <summary>A fresh database migrated with the provider's real migrations.</summary>
    public static async Task<ProviderDatabase> CreateMigratedAsync(TestProvider provider, string namePrefix)
    {
        var database = await CreateAsync(provider, namePrefix);
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
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

    public void Dispose()
    {
        _sqliteFile?.Dispose();
        if (Provider == TestProvider.SqlServer)
        {
            SqlServerServer.DropDatabase(Location.ConnectionString);
        }
    }
}
