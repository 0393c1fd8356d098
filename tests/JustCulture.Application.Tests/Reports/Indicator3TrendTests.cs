using JustCulture.Application.Common;
using JustCulture.Application.History;
using JustCulture.Application.Reports;
using JustCulture.Domain.Reporting;
using JustCulture.TestSupport;

namespace JustCulture.Application.Tests.Reports;

/// <summary>
/// The years the dashboard offers and the indicator-3 trend over them. The base gives snapshots for 2024-25 and
/// 2025-26; history adds imported totals for 2022-23 and 2023-24.
/// </summary>
public abstract class Indicator3TrendTests : ReportTestBase
{
    private const string History = """
        Year,Group,Entering,Headcount
        2022-23,White,6,900
        2022-23,BME,4,300
        2023-24,White,5,950
        2023-24,BME,6,320
        """;

    private Task ImportHistoryAsync() =>
        App.RunAsync<ImportHistoryHandler, ImportHistoryResult>(h => h.HandleAsync(new ImportHistoryCommand(new StringReader(History), "history.csv", new Actor("test", "Operator"))));

    private Task<IReadOnlyList<string>> YearsAsync() =>
        App.RunAsync<ReportYearsHandler, IReadOnlyList<string>>(h => h.HandleAsync(new ReportYearsQuery()));

    private Task<IReadOnlyList<ShownIndicator3>> TrendAsync(SmallCellSuppression? publication = null) =>
        App.RunAsync<Indicator3TrendHandler, IReadOnlyList<ShownIndicator3>>(h => h.HandleAsync(new Indicator3TrendQuery(publication)));

    [Fact]
    public async Task ListsSnapshotAndHistoryYearsNewestFirstGivenImportedHistory()
    {
        await ImportHistoryAsync();

        (await YearsAsync()).ShouldBe(["2025-26", "2024-25", "2023-24", "2022-23"]);
    }

    [Fact]
    public async Task LabelsImportedYearsAndMatchesEachYearsReportGivenHistoryAndLiveCases()
    {
        await ImportHistoryAsync();
        await FormalAsync("S001");
        await FormalAsync("S002");

        var trend = await TrendAsync();

        trend.Select(t => (t.Year, t.Source)).ShouldBe([("2022-23", "imported"), ("2023-24", "imported"), ("2024-25", "live"), ("2025-26", "live")]);
        trend.ShouldAllBe(t => t.Basis == "single");
        foreach (var point in trend)
        {
            var report = await Indicator3Async(point.Year);
            point.RelativeLikelihood.ShouldBe(report.RelativeLikelihood);
            point.Ci95.ShouldBe(report.Ci95);
            point.Interpretation.ShouldBe(report.Interpretation);
        }

        // 2022-23 imported: (4/300) ÷ (6/900) = 2.00; 2025-26 live: (1/4) ÷ (1/5) = 1.25.
        trend[0].RelativeLikelihood.ShouldBe(2.0);
        trend[3].RelativeLikelihood.ShouldBe(1.25);
    }

    [Fact]
    public async Task WithholdsRatioGivenPublicationAndSmallLiveCounts()
    {
        await FormalAsync("S001");
        await FormalAsync("S002");

        var trend = await TrendAsync(SmallCellSuppression.Default);

        var live = trend.Single(t => t.Year == Year);
        live.ForPublication.ShouldBeTrue();
        live.Bme.Entering.Shown.ShouldBe("<5");
        live.RelativeLikelihood.ShouldBeNull();
    }
}

public sealed class SqliteIndicator3TrendTests : Indicator3TrendTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresIndicator3TrendTests : Indicator3TrendTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
