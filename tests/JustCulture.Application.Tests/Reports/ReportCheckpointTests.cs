using JustCulture.Application.Log;
using JustCulture.Application.Reports;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Application.Tests.Reports;

/// <summary>Every live report states the signed checkpoint of the log it was computed against: the newest in the store.</summary>
public abstract class ReportCheckpointTests : ReportTestBase
{
    private LogCheckpointSummary NewestInStore() =>
        LogCheckpointSummary.Of(App.Services.GetRequiredService<DecisionLogTrust>().Store.Newest()).ShouldNotBeNull();

    private Task<IReadOnlyList<ShownIndicator3>> TrendAsync() =>
        App.RunAsync<Indicator3TrendHandler, IReadOnlyList<ShownIndicator3>>(h => h.HandleAsync(new Indicator3TrendQuery()));

    [Fact]
    public async Task StatesTheNewestCheckpointGivenIndicator3FunnelAndTrend()
    {
        await FormalAsync("S001");

        var indicator3 = await Indicator3Async();
        var newest = NewestInStore();
        indicator3.Checkpoint.ShouldBe(newest);
        (await FunnelAsync()).Checkpoint.ShouldBe(newest);
        (await TrendAsync()).ShouldAllBe(point => point.Checkpoint == newest);
        newest.FileName.ShouldBe($"checkpoint-{newest.TreeSize:D12}.txt");
    }

    [Fact]
    public async Task StatesALargerCheckpointGivenEntriesRecordedSinceTheLastReport()
    {
        var before = (await Indicator3Async()).Checkpoint.ShouldNotBeNull();

        await FormalAsync("S002");
        var after = (await Indicator3Async()).Checkpoint.ShouldNotBeNull();

        after.TreeSize.ShouldBeGreaterThan(before.TreeSize);
        after.RootHex.ShouldNotBe(before.RootHex);
        after.ShouldBe(NewestInStore());
    }

    [Fact]
    public async Task KeepsTheCheckpointGivenPublicationView()
    {
        var report = await Indicator3Async();

        var published = ReportPublication.Indicator3(report, Domain.Reporting.SmallCellSuppression.Default);

        published.Checkpoint.ShouldBe(NewestInStore());
        ReportPublication.Funnel(await FunnelAsync(), Domain.Reporting.SmallCellSuppression.Default).Checkpoint.ShouldBe(NewestInStore());
    }

    [Fact]
    public async Task ComputesWithNoCheckpointGivenAnEmptyLog()
    {
        await using var empty = await TestApp.StartAsync(Provider);

        var report = await empty.RunAsync<Indicator3ReportHandler, Indicator3Report>(h => h.HandleAsync(new Indicator3Query(Year)));

        report.Checkpoint.ShouldBeNull();
        ComputedAgainst.Statement(report.Checkpoint).ShouldBe("Computed against: an empty decision log (nothing has been recorded yet, so there is no checkpoint)");
    }
}

public sealed class SqliteReportCheckpointTests : ReportCheckpointTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresReportCheckpointTests : ReportCheckpointTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
