using Microsoft.EntityFrameworkCore;
using Microsoft.Data.Sqlite;

namespace JustCulture.Cli.Tests;

public sealed class DbMigrateTests : IDisposable
{
    private readonly CliSession _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task CreatesSchemaGivenNewDatabaseFile()
    {
        var result = await _cli.RunAsync("db", "migrate");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.ToString());
        // Every migration the assembly ships is applied and named, in order.
        await using (var model = JustCulture.Persistence.DatabaseLocation.Parse("sqlite::memory:").CreateContext())
        {
            var all = model.Database.GetMigrations().ToList();
            all[0].ShouldEndWith("_Baseline");
            result.Stdout.ShouldContain($"Applied {all.Count} migration(s): {string.Join(", ", all)}");
        }
        File.Exists(_cli.DatabaseFile).ShouldBeTrue();
        await using var connection = new SqliteConnection(_cli.SqliteConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('decision_log', 'concerns', 'staff', 'app_users')";
        (await command.ExecuteScalarAsync()).ShouldBe(4L);
    }

    [Fact]
    public async Task ReportsUpToDateGivenAlreadyMigratedDatabase()
    {
        await _cli.RunOkAsync("db", "migrate");

        var again = await _cli.RunAsync("db", "migrate");

        again.ExitCode.ShouldBe(ExitCodes.Ok, again.ToString());
        again.Stdout.ShouldContain("Database is up to date.");
    }

    [Fact]
    public async Task CreatesFileGivenBareSqlitePathInMissingFolder()
    {
        var path = _cli.PathFor(Path.Combine("nested", "bare.db"));

        var result = await CliSession.RunRawAsync("db", "migrate", "--database", $"sqlite:{path}");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.ToString());
        File.Exists(path).ShouldBeTrue();
        SqliteConnection.ClearAllPools();
    }
}
