using System.Data.Common;
using BenchmarkDotNet.Attributes;
using JustCulture.Application;
using JustCulture.Application.Common;
using JustCulture.Application.Reports;
using JustCulture.Application.Scale;
using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Reporting;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace JustCulture.Benchmarks;

/// <summary>
/// P4: indicator 3 + the funnel for the last complete reporting year, through the real handlers in a fresh DI
/// scope as a web request runs them (verification before the report included), against a hand-written SQL
/// GROUP BY that gives the same counts. The trust comes from <see cref="ScaleSeeder"/> over four years, so the
/// history is several times the year asked; the allocated memory column shows whether cost follows it.
/// <para>
/// Baseline (<see cref="HandSqlGroupBy"/>): two statements on the same database. (1) The counted log entries of the
/// year joined to <c>concerns</c> for the subject in plain text (the log's own copy is sealed), each subject's WRES
/// group from that year's <c>headcount_snapshots</c> row, else their <c>staff</c> row, else NotStated, and
/// <c>COUNT(DISTINCT subject)</c> grouped by stage and group, for the stages "raised" (ConcernOpened),
/// "outcome G or A" (OutcomeRecorded with answer G/A) and "formal" (FormalInvestigationStarted: indicator 3's
/// entering). (2) <c>SELECT wres_group, COUNT(*) FROM headcount_snapshots WHERE year = @year GROUP BY wres_group</c>.
/// GlobalSetup asserts once that these equal the reports' figures.
/// </para>
/// Sizes: quick 10k and 100k log entries; <c>JUSTCULTURE_BENCH_FULL=1</c> adds 1M; <c>JUSTCULTURE_BENCH_NATIONAL=1</c>
/// adds 5M entries / 1.4M staff (PostgreSQL only: on SQLite its setup refuses, naming why). PostgreSQL runs when <c>JUSTCULTURE_BENCH_POSTGRES</c> is set.
/// </summary>
[Config(typeof(P4Config))]
public class P4ReportBenchmarks
{
    /// <summary>Log entries the seeder writes per concern, on average (measured on its realistic stage mix).</summary>
    private const int EntriesPerConcern = 18;

    private const string Stages = "'ConcernOpened','OutcomeRecorded','FormalInvestigationStarted'";

    private ServiceProvider? _services;
    private DatabaseLocation? _database;
    private string? _postgresDatabase;
    private string _sqliteFile = string.Empty;
    private ReportingYear _year;

    [ParamsSource(nameof(Sizes))]
    public string Size { get; set; } = "10k";

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "sqlite";

    public static IEnumerable<string> Sizes()
    {
        // A smoke run names its own sizes (log entries), e.g. JUSTCULTURE_BENCH_P4_SIZES=2000.
        if (Environment.GetEnvironmentVariable("JUSTCULTURE_BENCH_P4_SIZES") is { Length: > 0 } sizes)
        {
            foreach (var size in sizes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return size;
            }

            yield break;
        }

        yield return "10k";
        yield return "100k";
        if (Flag("JUSTCULTURE_BENCH_FULL") || Flag("JUSTCULTURE_BENCH_NATIONAL"))
        {
            yield return "1M";
        }

        if (Flag("JUSTCULTURE_BENCH_NATIONAL"))
        {
            yield return "5M";
        }
    }

    public static IEnumerable<string> Providers()
    {
        yield return "sqlite";
        if (PostgresConnection is not null)
        {
            yield return "postgres";
        }
        else
        {
            Console.WriteLine("// P4: JUSTCULTURE_BENCH_POSTGRES is unset, so P4 runs on SQLite only.");
        }
    }

    /// <summary>(entries, staff) per size; the national size needs PostgreSQL.</summary>
    private static (int Entries, int Staff) Dimensions(string size) => size switch
    {
        "10k" => (10_000, 2_000),
        "100k" => (100_000, 20_000),
        "1M" => (1_000_000, 105_000),
        "5M" => (5_000_000, 1_400_000),
        _ => (int.Parse(size, System.Globalization.CultureInfo.InvariantCulture), 2_000),
    };

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    private async Task SetupAsync()
    {
        var (entries, staff) = Dimensions(Size);
        if (Size == "5M" && Provider != "postgres")
        {
            throw new InvalidOperationException("The national size (5M entries / 1.4M staff) runs on PostgreSQL only.");
        }

        _database = Provider == "postgres" ? await CreatePostgresDatabaseAsync() : CreateSqliteDatabase();
        _services = new ServiceCollection()
            .AddJustCultureApplication(_database, DependencyInjection.DefaultWorkflowsDirectory)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        await using (var scope = _services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            var db = scope.ServiceProvider.GetRequiredService<JustCultureDbContext>();
            var seeded = await scope.ServiceProvider.GetRequiredService<ScaleSeeder>()
                .SeedAsync(db, new ScaleSeedOptions(staff, Math.Max(1, entries / EntriesPerConcern), Years: 4), CancellationToken.None);
            Console.WriteLine($"// P4 {Provider} {Size}: {seeded.LogEntries} log entries, {seeded.Staff} staff, {seeded.Concerns} concerns seeded in {seeded.Elapsed}.");
        }

        _year = ReportingYear.Containing(DateTime.UtcNow).Previous;
        var (indicator3, funnel) = await ReportsAsync();
        var hand = await HandCountsAsync();
        var formal = funnel.Stages.Single(s => s.Stage == "formal");
        var expected = new HandCounts(
            Stage(funnel, "raised"), Stage(funnel, "outcome-g-or-a"),
            (indicator3.White.Entering, indicator3.Bme.Entering, indicator3.NotStated.Entering),
            (indicator3.White.Headcount, indicator3.Bme.Headcount, indicator3.NotStated.Headcount));
        if (hand != expected || (formal.White.Count, formal.Bme.Count, formal.NotStated.Count) != expected.Formal)
        {
            throw new InvalidOperationException($"The hand-written GROUP BY ({hand}) does not give the reports' counts ({expected}): the comparison would not be honest.");
        }

        if (expected.Formal.White + expected.Formal.Bme == 0)
        {
            throw new InvalidOperationException($"No formal investigations in {_year}: the benchmark would measure an empty year.");
        }

        Console.WriteLine($"// P4 {_year}: hand SQL and reports agree: {expected}.");
        Console.WriteLine($"// P4 {Provider} {Size}: verification before a report alone takes {await VerificationMillisecondsAsync():F0} ms (median of 5).");
    }

    /// <summary>What the report pays for checking the log first (VerifiedCheckpoint), shown beside the figures so
    /// the reading cost and the verification cost can be told apart.</summary>
    private async Task<double> VerificationMillisecondsAsync()
    {
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            await using var scope = _services!.CreateAsyncScope();
            var provider = scope.ServiceProvider;
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await Application.Log.VerifiedCheckpoint.CurrentAsync(provider.GetRequiredService<JustCultureDbContext>(),
                provider.GetRequiredService<DecisionLogTrust>(), provider.GetRequiredService<DecisionLogSequencer>(), CancellationToken.None);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return times.Order().ElementAt(2);
    }

    private static (int, int, int) Stage(FunnelReport funnel, string key)
    {
        var stage = funnel.Stages.Single(s => s.Stage == key);
        return (stage.White.Count, stage.Bme.Count, stage.NotStated.Count);
    }

    /// <summary>Indicator 3 (single year) and the funnel, each in its own scope as two web requests would run them.</summary>
    [Benchmark]
    public async Task<int> Indicator3AndFunnel()
    {
        var (indicator3, funnel) = await ReportsAsync();
        return indicator3.Bme.Entering + funnel.Stages.Count;
    }

    [Benchmark(Baseline = true)]
    public async Task<int> HandSqlGroupBy()
    {
        var counts = await HandCountsAsync();
        return counts.Formal.Bme + counts.Headcount.White;
    }

    private async Task<(Indicator3Report, FunnelReport)> ReportsAsync()
    {
        Indicator3Report indicator3;
        await using (var scope = _services!.CreateAsyncScope())
        {
            indicator3 = await scope.ServiceProvider.GetRequiredService<Indicator3ReportHandler>().HandleAsync(new Indicator3Query(_year.ToString()));
        }

        await using (var scope = _services!.CreateAsyncScope())
        {
            return (indicator3, await scope.ServiceProvider.GetRequiredService<FunnelReportHandler>().HandleAsync(new FunnelQuery(_year.ToString())));
        }
    }

    private sealed record HandCounts((int White, int Bme, int NotStated) Raised, (int White, int Bme, int NotStated) OutcomeGOrA,
        (int White, int Bme, int NotStated) Formal, (int White, int Bme, int NotStated) Headcount);

    private async Task<HandCounts> HandCountsAsync()
    {
        await using var scope = _services!.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JustCultureDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var stages = new Dictionary<(string Stage, string Group), int>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT e.event_type, COALESCE(h.wres_group, s.wres_group, 'NotStated') AS grp, COUNT(DISTINCT c.subject_staff_ref)
                FROM decision_log e
                JOIN concerns c ON c.id = e.concern_id
                LEFT JOIN headcount_snapshots h ON h.year = @year AND h.staff_ref = c.subject_staff_ref
                LEFT JOIN staff s ON s.staff_ref = c.subject_staff_ref
                WHERE e.event_type IN ({Stages}) AND e.occurred_at_utc >= @from AND e.occurred_at_utc < @to
                  AND (e.event_type <> 'OutcomeRecorded' OR e.answer IN ('G', 'A'))
                GROUP BY e.event_type, COALESCE(h.wres_group, s.wres_group, 'NotStated')
                """;
            AddYearParameters(command);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                stages[(reader.GetString(0), reader.GetString(1))] = Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var headcount = new Dictionary<string, int>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT wres_group, COUNT(*) FROM headcount_snapshots WHERE year = @year GROUP BY wres_group";
            AddYearParameters(command);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                headcount[reader.GetString(0)] = Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        (int, int, int) Of(string stage) => (stages.GetValueOrDefault((stage, nameof(WresGroup.White))), stages.GetValueOrDefault((stage, nameof(WresGroup.Bme))), stages.GetValueOrDefault((stage, nameof(WresGroup.NotStated))));
        return new HandCounts(Of(LogEventTypes.ConcernOpened), Of(LogEventTypes.OutcomeRecorded), Of(LogEventTypes.FormalInvestigationStarted),
            (headcount.GetValueOrDefault(nameof(WresGroup.White)), headcount.GetValueOrDefault(nameof(WresGroup.Bme)), headcount.GetValueOrDefault(nameof(WresGroup.NotStated))));
    }

    private void AddYearParameters(DbCommand command)
    {
        Add(command, "@year", _year.ToString());
        // SQLite keeps timestamps as text in EF's format; PostgreSQL compares timestamptz.
        Add(command, "@from", Provider == "sqlite" ? SqliteTime(_year.StartUtc) : _year.StartUtc);
        Add(command, "@to", Provider == "sqlite" ? SqliteTime(_year.EndUtc) : _year.EndUtc);
    }

    private static string SqliteTime(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services?.Dispose();
        _services = null;
        if (_postgresDatabase is not null)
        {
            using var admin = new NpgsqlConnection(PostgresConnection);
            admin.Open();
            using var drop = admin.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)";
            drop.ExecuteNonQuery();
            _postgresDatabase = null;
        }

        if (_sqliteFile.Length > 0)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(file);
            }

            _sqliteFile = string.Empty;
        }
    }

    private DatabaseLocation CreateSqliteDatabase()
    {
        var folder = Environment.GetEnvironmentVariable("JUSTCULTURE_BENCH_FOLDER") is { Length: > 0 } f ? f : Path.GetTempPath();
        _sqliteFile = Path.Combine(folder, $"jc-p4-{Guid.NewGuid():N}.db");
        return DatabaseLocation.Parse($"sqlite:{_sqliteFile}");
    }

    /// <summary>A throwaway database on the server the bench run started, dropped in cleanup.</summary>
    private async Task<DatabaseLocation> CreatePostgresDatabaseAsync()
    {
        _postgresDatabase = $"jc_p4_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(PostgresConnection))
        {
            await admin.OpenAsync();
            await using var create = admin.CreateCommand();
            create.CommandText = $"CREATE DATABASE {_postgresDatabase}";
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(PostgresConnection) { Database = _postgresDatabase };
        return DatabaseLocation.Parse($"postgres:{builder.ConnectionString}");
    }

    private static string? PostgresConnection =>
        Environment.GetEnvironmentVariable("JUSTCULTURE_BENCH_POSTGRES") is { Length: > 0 } connection ? connection : null;

    private static bool Flag(string name) => Environment.GetEnvironmentVariable(name) is "1" or "true";
}
