using JustCulture.TestSupport;
using JustCulture.Persistence.Upgrades;
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

    /// <summary>A copy of an existing SQLite file (a fixture), in a temporary file of its own.</summary>
    public static ProviderDatabase CopyOfSqliteFile(string path, string namePrefix)
    {
        var file = new SqliteTestDatabase(namePrefix);
        File.Copy(path, file.Path);
        return new ProviderDatabase(TestProvider.Sqlite, DatabaseLocation.Parse("sqlite:" + file.ConnectionString), file);
    }

    /// <summary>A new database on the throwaway server, filled by a plain <c>pg_dump</c> script (psql's own <c>\</c> commands left out).</summary>
    public static async Task<ProviderDatabase> RestoredFromDumpAsync(string dumpPath, string namePrefix)
    {
        var connectionString = await PostgresServer.Shared.CreateDatabaseAsync(namePrefix);
        var script = string.Join('\n', (await File.ReadAllLinesAsync(dumpPath)).Where(line => !line.StartsWith('\\')));
        await using (var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand(script, connection);
            await command.ExecuteNonQueryAsync();
        }

        return new ProviderDatabase(TestProvider.Postgres, DatabaseLocation.Parse("postgres:" + connectionString), null);
    }

    /// <summary>A fresh database migrated with the provider's real migrations, the way the app migrates.</summary>
    public static async Task<ProviderDatabase> CreateMigratedAsync(TestProvider provider, string namePrefix)
    {
        var database = await CreateAsync(provider, namePrefix);
        await using var db = database.CreateContext();
        await ProductSchema.MigrateAsync(db);
        return database;
    }

    public JustCultureDbContext CreateContext() => Location.CreateContext();

    /// <summary>Runs SQL directly, outside the application: what someone with database access could do.</summary>
    public async Task<int> ExecuteAsync(string sql)
    {
        // Through the connection, not ExecuteSqlRaw: that formats the text, and a script's '{}' default is not a placeholder.
        await using var db = CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
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
