using System.Data.Common;
using System.Globalization;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.Tests.Support;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Persistence.Tests.Upgrade;

/// <summary>
/// A copy of a database the hand-written migrations built (Fixtures/README.md), with a copy of its log signing key
/// and checkpoints beside it, so a test may upgrade it and check the log still verifies.
/// </summary>
public sealed class HandWrittenFixture : IDisposable
{
    private readonly string _logFolder;

    private HandWrittenFixture(ProviderDatabase database, string logFolder)
    {
        Database = database;
        _logFolder = logFolder;
        Trust = new DecisionLogTrust(DecisionLogSettings.Resolve(database.Location, Path.Combine(logFolder, "log-key.pem"), Path.Combine(logFolder, "checkpoints")));
    }

    public static string FixturesDirectory => Path.Combine(RepositoryPaths.RepoRoot, "tests", "JustCulture.Persistence.Tests", "Fixtures");

    public ProviderDatabase Database { get; }

    public DecisionLogTrust Trust { get; }

    public static async Task<HandWrittenFixture> CopyAsync(TestProvider provider)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"jc-upgrade-{Guid.NewGuid():N}")).FullName;
        if (provider == TestProvider.Sqlite)
        {
            var source = Path.Combine(FixturesDirectory, "sqlite", "hand-written.sqlite");
            File.Copy(source + ".log-key.pem", Path.Combine(folder, "log-key.pem"));
            CopyDirectory(source + ".checkpoints", Path.Combine(folder, "checkpoints"));
            return new HandWrittenFixture(ProviderDatabase.CopyOfSqliteFile(source, "hand-written"), folder);
        }

        var dump = Path.Combine(FixturesDirectory, "postgres");
        File.Copy(Path.Combine(dump, "log-key.pem"), Path.Combine(folder, "log-key.pem"));
        CopyDirectory(Path.Combine(dump, "checkpoints"), Path.Combine(folder, "checkpoints"));
        return new HandWrittenFixture(await ProviderDatabase.RestoredFromDumpAsync(Path.Combine(dump, "hand-written.sql"), "handwritten"), folder);
    }

    public JustCultureDbContext CreateContext() => Database.CreateContext();

    public async Task<LogVerification> VerifyLogAsync()
    {
        await using var db = CreateContext();
        return await DecisionLogVerifier.VerifyAsync(db, Trust);
    }

    /// <summary>Every table of the database (EF's history included) and how many rows it holds.</summary>
    public async Task<SortedDictionary<string, long>> RowCountsAsync()
    {
        await using var db = CreateContext();
        var tables = await QueryAsync(db, db.Database.IsSqlite()
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'");
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables.Select(row => row[0]))
        {
            counts[table] = long.Parse((await QueryAsync(db, $"SELECT COUNT(*) FROM \"{table}\""))[0][0], CultureInfo.InvariantCulture);
        }

        return counts;
    }

    /// <summary>The triggers and trigger functions guarding the log, as their definitions: what the model does not describe.</summary>
    public static async Task<SortedDictionary<string, string>> ProtectionsAsync(JustCultureDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await QueryAsync(db, db.Database.IsSqlite()
            ? "SELECT 'trigger ' || name, sql FROM sqlite_master WHERE type = 'trigger'"
            : """
              SELECT 'trigger ' || t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t WHERE NOT t.tgisinternal
              UNION ALL
              SELECT 'function ' || p.proname, p.prosrc FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'
              """);
        return new SortedDictionary<string, string>(rows.ToDictionary(row => row[0], row => row[1]), StringComparer.Ordinal);
    }

    public static async Task<List<string[]>> QueryAsync(DbContext db, string sql)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Test SQL: constants and table names read from the database itself.
            command.CommandText = sql;
#pragma warning restore CA2100
            var rows = new List<string[]>();
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var row = new string[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = await reader.IsDBNullAsync(i) ? string.Empty : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? string.Empty;
                }

                rows.Add(row);
            }

            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public void Dispose()
    {
        Trust.Dispose();
        Database.Dispose();
        try
        {
            Directory.Delete(_logFolder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail the test.
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
