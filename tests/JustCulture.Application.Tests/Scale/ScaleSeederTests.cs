using JustCulture.Application.Common;
using JustCulture.Application.Log;
using JustCulture.Application.Reports;
using JustCulture.Application.Scale;
using JustCulture.Domain.Concerns;
using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Reporting;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Application.Tests.Scale;

/// <summary>A small scale seed, made once per provider and checked from several sides.</summary>
public abstract class ScaleSeededTrust(TestProvider provider) : IAsyncLifetime
{
    public static readonly DateTime Now = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

    public static readonly ScaleSeedOptions Options = new(Staff: 400, Concerns: 150, Years: 3, Seed: 7, EntriesPerCommit: 300);

    public TestApp App { get; private set; } = null!;

    public ScaleSeedResult Result { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync(provider);
        App.Clock.UtcNow = Now;
        Result = await SeedAsync(App, Options);
    }

    public static async Task<ScaleSeedResult> SeedAsync(TestApp app, ScaleSeedOptions options)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JustCultureDbContext>();
        return await scope.ServiceProvider.GetRequiredService<ScaleSeeder>().SeedAsync(db, options, CancellationToken.None);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class SqliteScaleSeededTrust() : ScaleSeededTrust(TestProvider.Sqlite);

public sealed class ScaleSeederTests(SqliteScaleSeededTrust seeded) : ScaleSeederChecks(seeded), IClassFixture<SqliteScaleSeededTrust>;

/// <summary>What every provider's seed must satisfy.</summary>
public abstract class ScaleSeederChecks(ScaleSeededTrust seeded)
{
    private TestApp App => seeded.App;

    [Fact]
    public async Task SeedsTheStaffConcernsAndSnapshotsAskedForGivenEmptyDatabase()
    {
        seeded.Result.Staff.ShouldBe(ScaleSeededTrust.Options.Staff);
        seeded.Result.Concerns.ShouldBe(ScaleSeededTrust.Options.Concerns);
        // The adoption year's snapshot and one per seeded year.
        seeded.Result.Snapshots.ShouldBe(ScaleSeededTrust.Options.Years + 1);
        var years = await App.QueryAsync(db => db.HeadcountSnapshots.Select(h => h.Year).Distinct().OrderBy(y => y).ToListAsync());
        years.ShouldBe(["2023-24", "2024-25", "2025-26", "2026-27"]);
        var entries = await App.QueryAsync(db => db.DecisionLog.LongCountAsync());
        seeded.Result.LogEntries.ShouldBe(entries);
        seeded.Result.Steps.ShouldBeGreaterThan(seeded.Result.Concerns);
    }

    [Fact]
    public async Task LeavesCasesAtEveryStageAndRouteGivenScaleSeed()
    {
        var routes = await App.QueryAsync(db => db.ConcernActions.Where(a => a.Route != null).Select(a => a.Route!.Value).Distinct().ToListAsync());
        routes.ShouldBe(Enum.GetValues<CaseRoute>(), ignoreOrder: true);
        var stages = await App.QueryAsync(db => db.ConcernActions.Select(a => a.Stage).Distinct().ToListAsync());
        stages.ShouldBe(Enum.GetValues<ActionStage>(), ignoreOrder: true);
        var resolutions = await App.QueryAsync(db => db.DecisionLog.Where(e => e.EventType == LogEventTypes.InformalResolutionRecorded).Select(e => e.Answer).Distinct().ToListAsync());
        resolutions.ShouldBe(["Resolved", "NotResolved"], ignoreOrder: true);
    }

    [Fact]
    public async Task LeavesAnIntactFullyIntegratedLogGivenScaleSeed()
    {
        var verification = await App.RunAsync<VerifyLogHandler, LogVerification>(h => h.HandleAsync());
        verification.IsIntact.ShouldBeTrue(verification.Problem);
        verification.EntriesChecked.ShouldBe(seeded.Result.LogEntries);
        (await App.QueryAsync(db => db.DecisionLogQueue.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [InlineData("2024-25")]
    [InlineData("2025-26")]
    public async Task ReportsIndicator3AsARecountOfTheRawLogGivenScaleSeed(string year)
    {
        var report = await App.RunAsync<Indicator3ReportHandler, Indicator3Report>(h => h.HandleAsync(new Indicator3Query(year)));
        var (white, bme) = await RecountAsync(year, LogEventTypes.FormalInvestigationStarted);

        report.Bme.Entering.ShouldBe(bme.Entering);
        report.White.Entering.ShouldBe(white.Entering);
        report.Bme.Headcount.ShouldBe(bme.Headcount);
        report.White.Headcount.ShouldBe(white.Headcount);
        (report.Bme.Entering + report.White.Entering).ShouldBeGreaterThan(0, "a plausible year has formal investigations");
    }

    [Fact]
    public async Task ReportsTheFunnelsRaisedStageAsARecountOfTheRawLogGivenScaleSeed()
    {
        const string year = "2025-26";
        var funnel = await App.RunAsync<FunnelReportHandler, FunnelReport>(h => h.HandleAsync(new FunnelQuery(year)));
        var (white, bme) = await RecountAsync(year, LogEventTypes.ConcernOpened);

        var raised = funnel.Stages[0];
        raised.Stage.ShouldBe("raised");
        raised.Bme.Count.ShouldBe(bme.Entering);
        raised.White.Count.ShouldBe(white.Entering);
        raised.Bme.Headcount.ShouldBe(bme.Headcount);
        (raised.Bme.Count + raised.White.Count).ShouldBeGreaterThan(20);
    }

    [Fact]
    public async Task RefusesGivenDatabaseAlreadySeeded()
    {
        var refusal = await Should.ThrowAsync<UseCaseException>(() => ScaleSeededTrust.SeedAsync(App, ScaleSeededTrust.Options));
        refusal.Error.ShouldBe(UseCaseError.Conflict);
    }

    /// <summary>Distinct subjects of the year's entries of one type, by their group in the year's snapshot, from the raw rows.</summary>
    private async Task<((int Entering, int Headcount) White, (int Entering, int Headcount) Bme)> RecountAsync(string yearText, string eventType)
    {
        var year = ReportingYear.Parse(yearText);
        var entries = await App.OpenedEntriesAsync(q => q.Where(e => e.EventType == eventType));
        var subjects = entries.Where(e => year.Contains(e.OccurredAtUtc)).Select(e => e.SubjectStaffRef!).ToHashSet(StringComparer.Ordinal);
        var snapshot = await App.QueryAsync(db => db.HeadcountSnapshots.AsNoTracking().Where(h => h.Year == yearText).Select(h => new { h.StaffRef, h.WresGroup }).ToListAsync());
        var groupOf = snapshot.ToDictionary(s => s.StaffRef, s => s.WresGroup, StringComparer.Ordinal);
        subjects.ShouldAllBe(s => groupOf.ContainsKey(s), "every subject is in the year's snapshot");
        (int, int) Figures(WresGroup group) => (subjects.Count(s => groupOf[s] == group), snapshot.Count(s => s.WresGroup == group));
        return (Figures(WresGroup.White), Figures(WresGroup.Bme));
    }
}

public sealed class PostgresScaleSeededTrust() : ScaleSeededTrust(TestProvider.Postgres);

[Collection(PostgresFixture.Collection)]
public sealed class PostgresScaleSeederTests(PostgresScaleSeededTrust seeded) : ScaleSeederChecks(seeded), IClassFixture<PostgresScaleSeededTrust>;

/// <summary>
/// The bulk path must make what the steps make: the same seed seeded with every case played step by step and with
/// the history built in bulk gives the same cases, the same log (entry for entry, by type and time) and the same
/// report figures, and both logs verify.
/// </summary>
public abstract class ScaleBulkPathChecks(TestProvider provider)
{
    private static readonly ScaleSeedOptions Bulk = ScaleSeededTrust.Options with { Staff = 300, Concerns = 120 };

    [Fact]
    public async Task MakesWhatTheStepsMakeGivenTheSameSeed()
    {
        // Every case opened in the seeded years takes the bulk path, but for the last 28 days'; then none does.
        var bulk = await SeedAndReadAsync(Bulk);
        var steps = await SeedAndReadAsync(Bulk with { StepDays = 10_000 });

        bulk.Result.BulkConcerns.ShouldBeGreaterThan(Bulk.Concerns * 3 / 4);
        steps.Result.BulkConcerns.ShouldBe(0);
        bulk.Result.LogEntries.ShouldBe(steps.Result.LogEntries);
        bulk.Result.ConcernsByStatus.ShouldBe(steps.Result.ConcernsByStatus, ignoreOrder: true);
        bulk.Result.ActionsByRoute.ShouldBe(steps.Result.ActionsByRoute, ignoreOrder: true);
        bulk.Cases.ShouldBe(steps.Cases);
        bulk.Entries.ShouldBe(steps.Entries);
        bulk.OpenTasks.ShouldBe(steps.OpenTasks);
        bulk.OpenTasks.ShouldBeGreaterThan(0);
        bulk.Reports.ShouldBe(steps.Reports);
    }

    [Fact]
    public async Task MakesOtherCasesGivenAnotherSeed()
    {
        var one = await SeedAndReadAsync(Bulk);
        var other = await SeedAndReadAsync(Bulk with { Seed = Bulk.Seed + 1 });
        other.Cases.ShouldNotBe(one.Cases);
    }

    private sealed record Seeded(ScaleSeedResult Result, List<string> Cases, List<string> Entries, int OpenTasks, List<string> Reports);

    private async Task<Seeded> SeedAndReadAsync(ScaleSeedOptions options)
    {
        await using var app = await TestApp.StartAsync(provider);
        app.Clock.UtcNow = ScaleSeededTrust.Now;
        var result = await ScaleSeededTrust.SeedAsync(app, options);
        var verification = await app.RunAsync<VerifyLogHandler, LogVerification>(h => h.HandleAsync());
        verification.IsIntact.ShouldBeTrue(verification.Problem);
        verification.EntriesChecked.ShouldBe(result.LogEntries);

        // Ids are drawn afresh each run; everything else is the seed's.
        var cases = await app.QueryAsync(db => db.Concerns.AsNoTracking().Include(c => c.Actions).ToListAsync());
        var caseLines = cases.Select(c => string.Join('|', c.SubjectStaffRef, c.RaisedByUserId, c.Summary, c.Category, c.OpenedAtUtc.ToString("O"), c.Status, c.Version,
                c.SubjectChainAtRaising, string.Join(';', c.Actions.OrderBy(a => a.Ordinal).Select(a => $"{a.Ordinal}:{a.Stage}:{a.Route}:{a.Version}"))))
            .Order(StringComparer.Ordinal).ToList();
        // The reviewer's conflict declaration is drawn from the concern's id: its answer and text vary between runs, its entry does not.
        var entries = await app.OpenedEntriesAsync(q => q);
        var entryLines = entries.Select(e => string.Join('|', e.EventType, e.OccurredAtUtc.ToString("O"), e.SubjectStaffRef, e.ActivityId, e.ActorId, e.ActorRole,
                e.EventType == LogEventTypes.ConflictOfInterestDeclared ? null : e.Answer))
            .Order(StringComparer.Ordinal).ToList();
        var openTasks = await app.QueryAsync(db => db.Bookmarks.CountAsync(b => b.CompletedAtUtc == null));
        var reports = new List<string>();
        foreach (var year in new[] { "2024-25", "2025-26", "2026-27" })
        {
            var indicator3 = await app.RunAsync<Indicator3ReportHandler, Indicator3Report>(h => h.HandleAsync(new Indicator3Query(year)));
            var funnel = await app.RunAsync<FunnelReportHandler, FunnelReport>(h => h.HandleAsync(new FunnelQuery(year)));
            reports.Add(System.Text.Json.JsonSerializer.Serialize(indicator3 with { Checkpoint = null }));
            reports.Add(System.Text.Json.JsonSerializer.Serialize(funnel with { Checkpoint = null }));
        }

        return new Seeded(result, caseLines, entryLines, openTasks, reports);
    }
}

public sealed class SqliteScaleBulkPathTests() : ScaleBulkPathChecks(TestProvider.Sqlite);

[Collection(PostgresFixture.Collection)]
public sealed class PostgresScaleBulkPathTests() : ScaleBulkPathChecks(TestProvider.Postgres);
