using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using JustCulture.Domain.Reporting;
using Microsoft.Data.Sqlite;

namespace JustCulture.Cli.Tests;

/// <summary>One database filled by a small <c>seed scale</c>, shared by the tests of <see cref="SeedScaleTests"/>.</summary>
public sealed class SeededScaleDatabase : IAsyncLifetime
{
    public const int Staff = 300;
    public const int Concerns = 120;

    public CliSession Cli { get; } = new();

    public CliResult Seed { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Cli.RunOkAsync("db", "migrate");
        Seed = await Cli.RunAsync("seed", "scale", "--staff", $"{Staff}", "--concerns", $"{Concerns}", "--years", "2", "--seed", "11");
    }

    public Task DisposeAsync()
    {
        Cli.Dispose();
        return Task.CompletedTask;
    }
}

public sealed partial class SeedScaleTests(SeededScaleDatabase database) : IClassFixture<SeededScaleDatabase>
{
    [GeneratedRegex(@"Seeded (?<staff>\d+) staff, (?<users>\d+) users, (?<snapshots>\d+) headcount snapshots, (?<concerns>\d+) concerns\.")]
    private static partial Regex SeededLine();

    [GeneratedRegex(@"(?<entries>\d+) log entries from (?<steps>\d+) steps in [\d.]+ s \(\d+ entries/s\)\.")]
    private static partial Regex EntriesLine();

    [GeneratedRegex(@"(?<bulk>\d+) concerns built in bulk, (?<steps>\d+) played step by step")]
    private static partial Regex BulkLine();

    private CliSession Cli => database.Cli;

    [Fact]
    public async Task PrintsWhatItMadeGivenEmptyDatabase()
    {
        var seed = database.Seed;

        seed.ExitCode.ShouldBe(ExitCodes.Ok, seed.ToString());
        var made = SeededLine().Match(seed.Stdout);
        made.Success.ShouldBeTrue(seed.Stdout);
        made.Groups["staff"].Value.ShouldBe($"{SeededScaleDatabase.Staff}");
        made.Groups["concerns"].Value.ShouldBe($"{SeededScaleDatabase.Concerns}");
        made.Groups["snapshots"].Value.ShouldBe("3");
        var entries = EntriesLine().Match(seed.Stdout);
        entries.Success.ShouldBeTrue(seed.Stdout);
        long.Parse(entries.Groups["entries"].Value, CultureInfo.InvariantCulture).ShouldBe(await ScalarAsync("SELECT count(*) FROM decision_log"));
        // Two years of concerns: most take the bulk path, the last four weeks' are played step by step.
        var paths = BulkLine().Match(seed.Stdout);
        paths.Success.ShouldBeTrue(seed.Stdout);
        int.Parse(paths.Groups["bulk"].Value, CultureInfo.InvariantCulture).ShouldBeGreaterThan(SeededScaleDatabase.Concerns / 2);
        int.Parse(paths.Groups["steps"].Value, CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        seed.Stdout.ShouldContain("concerns by status:");
        seed.Stdout.ShouldContain("Formal investigation ");
    }

    [Fact]
    public async Task LeavesIntactLogGivenSeededDatabase()
    {
        var verify = await Cli.RunAsync("log", "verify");

        verify.ExitCode.ShouldBe(ExitCodes.Ok, verify.ToString());
        verify.Stdout.ShouldStartWith("Log intact: ");
    }

    [Fact]
    public async Task ReportsIndicator3AsARecountOfTheRawLogRowsGivenSeededDatabase()
    {
        var year = ReportingYear.Containing(DateTime.UtcNow).Previous;
        using var report = JsonDocument.Parse(await Cli.RunOkAsync("report", "indicator3", "--year", year.ToString(), "--format", "json"));
        var recount = await RecountFormalBySnapshotGroupAsync(year);

        report.RootElement.GetProperty("bme").GetProperty("entering").GetInt32().ShouldBe(recount.GetValueOrDefault("Bme"));
        report.RootElement.GetProperty("white").GetProperty("entering").GetInt32().ShouldBe(recount.GetValueOrDefault("White"));
        report.RootElement.GetProperty("bme").GetProperty("headcount").GetInt64()
            .ShouldBe(await ScalarAsync($"SELECT count(*) FROM headcount_snapshots WHERE year = '{year}' AND wres_group = 'Bme'"));
        recount.Values.Sum().ShouldBeGreaterThan(0, "a year of concerns has some formal investigations");
    }

    [Fact]
    public async Task RefusesWithConflictGivenDatabaseAlreadySeeded()
    {
        var again = await Cli.RunAsync("seed", "scale", "--staff", "200", "--concerns", "10");

        again.ExitCode.ShouldBe(ExitCodes.Conflict, again.ToString());
        again.Stderr.ShouldContain("seed scale needs an empty database");
    }

    [Fact]
    public async Task RefusesWithInvalidNamingTheOptionGivenTooFewStaff()
    {
        using var empty = new CliSession();
        await empty.RunOkAsync("db", "migrate");

        var tiny = await empty.RunAsync("seed", "scale", "--staff", "5", "--concerns", "10");

        tiny.ExitCode.ShouldBe(ExitCodes.Invalid, tiny.ToString());
        tiny.Stderr.ShouldContain("Staff must be between 100");
    }

    [Fact]
    public async Task RefusesWithInvalidNamingTheOptionGivenNegativeStepDays()
    {
        using var empty = new CliSession();
        await empty.RunOkAsync("db", "migrate");

        var refused = await empty.RunAsync("seed", "scale", "--staff", "200", "--concerns", "10", "--step-days", "-1");

        refused.ExitCode.ShouldBe(ExitCodes.Invalid, refused.ToString());
        refused.Stderr.ShouldContain("StepDays cannot be negative");
    }

    /// <summary>Distinct people with a FormalInvestigationStarted entry in the year, by their group in the year's snapshot:
    /// the log's own rows, the concern each is about, and the snapshot — not the report's code.</summary>
    private async Task<Dictionary<string, int>> RecountFormalBySnapshotGroupAsync(ReportingYear year)
    {
        await using var connection = new SqliteConnection(Cli.SqliteConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.subject_staff_ref, d.occurred_at_utc, h.wres_group
            FROM decision_log d
            JOIN concerns c ON c.id = d.concern_id
            JOIN headcount_snapshots h ON h.staff_ref = c.subject_staff_ref AND h.year = $year
            WHERE d.event_type = 'FormalInvestigationStarted'
            """;
        command.Parameters.AddWithValue("$year", year.ToString());
        var people = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var at = DateTime.SpecifyKind(DateTime.Parse(reader.GetString(1), CultureInfo.InvariantCulture), DateTimeKind.Utc);
            if (year.Contains(at))
            {
                people[reader.GetString(0)] = reader.GetString(2);
            }
        }

        return people.Values.GroupBy(g => g).ToDictionary(g => g.Key, g => g.Count());
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(Cli.SqliteConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
