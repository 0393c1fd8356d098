using System.Text.Json;
using JustCulture.Application.Common;
using JustCulture.Application.Log;
using JustCulture.Application.Reports;
using JustCulture.Application.Retention;
using JustCulture.Application.Scale;
using JustCulture.Domain.Reporting;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Application.Tests.Reports;

/// <summary>
/// The live reports read only the years asked, aggregated in the database; on a generated trust over several years,
/// before and after a retention run erases the oldest cases, they must give exactly the figures the offline path
/// computes from the whole verified export (its opened subjects) and every staff record and snapshot row in full.
/// </summary>
public abstract class LiveMatchesWholeLogTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

    protected abstract TestProvider Provider { get; }

    private TestApp App { get; set; } = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync(Provider);
        App.Clock.UtcNow = Now;
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JustCultureDbContext>();
        await scope.ServiceProvider.GetRequiredService<ScaleSeeder>().SeedAsync(db, new ScaleSeedOptions(Staff: 400, Concerns: 200, Years: 3, Seed: 7, EntriesPerCommit: 300), CancellationToken.None);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    [Fact]
    public async Task GivesTheWholeLogFiguresForEveryYearBasisAndFunnelBeforeAndAfterErasure()
    {
        var years = await App.RunAsync<ReportYearsHandler, IReadOnlyList<string>>(h => h.HandleAsync(new ReportYearsQuery()));
        years.Count.ShouldBeGreaterThanOrEqualTo(3);
        await ShouldMatchAsync(years);

        // Erase the cases whose retention ended by 2030 but not the recent ones: some subjects become pseudonyms.
        App.Clock.UtcNow = new DateTime(2030, 9, 1, 9, 0, 0, DateTimeKind.Utc);
        var run = await App.RunAsync<RunRetentionHandler, RetentionRunResult>(h => h.HandleAsync(
            new RunRetentionCommand(new DateOnly(2030, 9, 1), RetentionPeriod.Default, new Actor("admin-scale", "Administrator"))));
        run.Erasures.ShouldNotBeEmpty();
        await ShouldMatchAsync(years);
    }

    private async Task ShouldMatchAsync(IReadOnlyList<string> years)
    {
        var whole = await WholeLogInputsAsync();
        var anyFormal = 0;
        foreach (var text in years)
        {
            var year = ReportingYear.Parse(text);
            foreach (var basis in new[] { "single", "rolling" })
            {
                var live = await App.RunAsync<Indicator3ReportHandler, Indicator3Report>(h => h.HandleAsync(new Indicator3Query(text, basis)));
                var reference = Indicator3Calculator.Compute(year, basis == "rolling" ? ReportBasis.Rolling : ReportBasis.Single, whole);
                Json(live with { Checkpoint = null }).ShouldBe(Json(reference), $"indicator 3 {text} {basis}");
                anyFormal += live.Bme.Entering + live.White.Entering;
            }

            var funnel = await App.RunAsync<FunnelReportHandler, FunnelReport>(h => h.HandleAsync(new FunnelQuery(text)));
            Json(funnel with { Checkpoint = null }).ShouldBe(Json(FunnelCalculator.Compute(year, whole)), $"funnel {text}");
        }

        anyFormal.ShouldBeGreaterThan(0); // not vacuous
    }

    /// <summary>The offline path's inputs: the whole export with its opened subjects, and every staff row read in full.</summary>
    private async Task<ReportInputs> WholeLogInputsAsync()
    {
        await using var writer = new StringWriter();
        await App.RunAsync<ExportLogHandler, long>(h => h.HandleAsync(writer));
        var export = await DecisionLogStore.ReadVerifiedExportAsync(new StringReader(writer.ToString()), "log.jsonl", App.Services.GetRequiredService<DecisionLogTrust>().Verifier());
        var counted = export.Entries.Where(e => ReportDataLoader.CountedEvents.Contains(e.EventType)).ToList();
        var erasures = export.Entries.Where(e => e.EventType == LogEventTypes.PersonalDataErased).ToList();
        var opened = export.Exported.ToDictionary(e => e.EntryId, e => e.Opened);
        var cases = CaseSubjects.Resolve(counted, erasures, e => opened[e.EntryId]!.SubjectStaffRef);
        var snapshots = await App.QueryAsync(db => db.HeadcountSnapshots.AsNoTracking().ToListAsync());
        var records = await App.QueryAsync(db => db.Staff.AsNoTracking().ToListAsync());
        var history = await App.QueryAsync(db => db.WresHistory.AsNoTracking().ToListAsync());
        var users = await App.QueryAsync(db => db.Users.AsNoTracking().Where(u => u.StaffRef != null).ToDictionaryAsync(u => u.UserId, u => u.StaffRef!, StringComparer.Ordinal));
        var population = new StaffPopulation(
            snapshots.GroupBy(h => ReportingYear.Parse(h.Year)).ToDictionary(g => g.Key, g => (IReadOnlyList<ReportPerson>)g.Select(ReportPerson.From).ToList()),
            records.Select(ReportPerson.From), cases.Frozen);
        return new ReportInputs(cases.Counted, population, history, FigureSources.Live, users);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}

public sealed class SqliteLiveMatchesWholeLogTests : LiveMatchesWholeLogTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresLiveMatchesWholeLogTests : LiveMatchesWholeLogTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
