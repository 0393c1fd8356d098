using JustCulture.Application.Common;
using JustCulture.Application.History;
using JustCulture.Application.Reports;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Tests.Reports;

/// <summary>Indicator-3 history from before adoption: imported all or nothing, and labelled "imported" where shown.</summary>
public abstract class HistoryImportTests : ReportTestBase
{
    private const string Good = """
        Year,Group,Entering,Headcount
        2022-23,White,6,900
        2022-23,BME,4,300
        2022-23,NotStated,1,40
        2023-24,White,5,950
        2023-24,BME,6,320
        """;

    private Task<ImportHistoryResult> ImportAsync(string csv)
    {
        var reader = new StringReader(csv);
        return App.RunAsync<ImportHistoryHandler, ImportHistoryResult>(h => h.HandleAsync(new ImportHistoryCommand(reader, "history.csv", new Actor("test", "Operator"))));
    }

    [Fact]
    public async Task ImportsEveryRowAndLogsItGivenGoodFile()
    {
        var result = await ImportAsync(Good);

        result.Rows.ShouldBe(5);
        result.Years.ShouldBe(["2022-23", "2023-24"]);
        (await App.QueryAsync(db => db.WresHistory.CountAsync())).ShouldBe(5);
        var logged = await App.QueryAsync(db => db.DecisionLog.SingleAsync(e => e.EventType == LogEventTypes.HistoryImported));
        logged.Answer.ShouldNotBeNull().ShouldContain("2023-24 Bme: 6 of 320");
    }

    [Fact]
    public async Task ReportsImportedFiguresLabelledImportedGivenYearBeforeAdoption()
    {
        await ImportAsync(Good);

        var report = await Indicator3Async("2023-24");

        report.Source.ShouldBe(FigureSources.Imported);
        report.Years.Single().Source.ShouldBe(FigureSources.Imported);
        report.White.ShouldBe(new GroupFigures(5, 950, 0.005263));
        report.Bme.ShouldBe(new GroupFigures(6, 320, 0.01875));
        // (6/320) ÷ (5/950) = 0.01875 ÷ 0.0052632 = 3.5625 → 3.56
        report.RelativeLikelihood.ShouldBe(3.56);
        report.Warnings.ShouldContain("2023-24 figures are imported totals from before adoption (labelled \"imported\"): they cannot be recomputed from the decision log.");
        report.PublicNotes.ShouldContain(n => n.Contains("labelled \"imported\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task JoinsImportedAndLiveYearsGivenRollingBasisAcrossAdoption()
    {
        await ImportAsync(Good);
        AtUkTime(2024, 9, 1, 10, 0);
        await FormalAsync("S002");

        var report = await Indicator3Async("2024-25", "rolling");

        report.Source.ShouldBe("imported+live");
        report.Years.Select(y => (y.Year, y.Source)).ShouldBe([("2023-24", "imported"), ("2024-25", "live")]);
        // White 5 + 0 of 950 + 5; BME 6 + 1 of 320 + 4.
        report.White.ShouldBe(new GroupFigures(5, 955, 0.005236));
        report.Bme.ShouldBe(new GroupFigures(7, 324, 0.021605));
    }

    [Fact]
    public async Task ListsEveryBadRowWithLineAndFieldAndImportsNothingGivenBadFile()
    {
        const string bad = """
            Year,Group,Entering,Headcount
            2022-23,White,6,900
            2022/23,BME,4,300
            2022-23,Asian,1,40
            2022-23,BME,x,300
            2022-23,BME,400,300
            2022-23,White,1,2
            """;

        var ex = await Should.ThrowAsync<UseCaseException>(() => ImportAsync(bad));

        ex.Error.ShouldBe(UseCaseError.Invalid);
        ex.Message.ShouldContain("nothing was imported");
        ex.Details.ShouldContain(d => d.StartsWith("history.csv line 3, field Year:", StringComparison.Ordinal));
        ex.Details.ShouldContain(d => d.StartsWith("history.csv line 4, field Group: 'Asian' is not a group", StringComparison.Ordinal));
        ex.Details.ShouldContain(d => d.StartsWith("history.csv line 5, field Entering: 'x' is not a whole number", StringComparison.Ordinal));
        ex.Details.ShouldContain(d => d.StartsWith("history.csv line 6, field Entering: 400 entering is more than the headcount 300", StringComparison.Ordinal));
        ex.Details.ShouldContain(d => d.StartsWith("history.csv line 7, field Group: 2022-23 White appears more than once (first on line 2)", StringComparison.Ordinal));
        (await App.QueryAsync(db => db.WresHistory.CountAsync())).ShouldBe(0);
        (await App.QueryAsync(db => db.DecisionLog.CountAsync(e => e.EventType == LogEventTypes.HistoryImported))).ShouldBe(0);
    }

    [Fact]
    public async Task RefusesWholeFileGivenWrongHeader()
    {
        var ex = await Should.ThrowAsync<UseCaseException>(() => ImportAsync("Year,Group,Count,Headcount\n2022-23,White,1,2\n"));

        ex.Details.ShouldHaveSingleItem().ShouldStartWith("history.csv line 1, field (header): the header must be exactly Year,Group,Entering,Headcount");
    }

    [Fact]
    public async Task RefusesYearWithCasesInTheLogGivenHistoryForAdoptedYear()
    {
        await FormalAsync("S001"); // 2 June 2025: 2025-26 has cases

        var ex = await Should.ThrowAsync<UseCaseException>(() => ImportAsync("Year,Group,Entering,Headcount\n2025-26,White,1,900\n2025-26,BME,1,300\n"));

        ex.Details.ShouldContain(d => d.Contains("line 2, field Year: 2025-26 already has cases in the decision log", StringComparison.Ordinal));
        (await App.QueryAsync(db => db.WresHistory.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task ReplacesYearGivenSecondImportOfSameYear()
    {
        await ImportAsync(Good);
        await ImportAsync("Year,Group,Entering,Headcount\n2023-24,White,7,960\n2023-24,BME,2,330\n");

        (await Indicator3Async("2023-24")).White.ShouldBe(new GroupFigures(7, 960, 0.007292));
        (await App.QueryAsync(db => db.WresHistory.CountAsync(h => h.Year == "2022-23"))).ShouldBe(3);
    }
}

public sealed class SqliteHistoryImportTests : HistoryImportTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresHistoryImportTests : HistoryImportTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
