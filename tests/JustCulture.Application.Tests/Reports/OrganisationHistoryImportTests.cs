using JustCulture.Application.Common;
using JustCulture.Application.History;
using JustCulture.Application.Reports;
using JustCulture.Domain.Reporting;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Tests.Reports;

/// <summary>Many organisations' published figures: imported all or nothing, every bad row named, then the funnel plot.</summary>
public abstract class OrganisationHistoryImportTests : ReportTestBase
{
    private const string Good = """
        Organisation,Year,Group,Entering,Headcount
        Trust A,2021-22,White,17,2500
        Trust A,2021-22,BME,9,750
        Trust B,2021-22,White,5,1480
        Trust B,2021-22,BME,2,136
        Trust B,2021-22,NotStated,0,40
        Trust C,2021-22,White,2,947
        Trust C,2021-22,BME,1,335
        """;

    private Task<ImportOrganisationHistoryResult> ImportAsync(string csv)
    {
        var reader = new StringReader(csv);
        return App.RunAsync<ImportOrganisationHistoryHandler, ImportOrganisationHistoryResult>(h =>
            h.HandleAsync(new ImportOrganisationHistoryCommand(reader, "organisations.csv", new Actor("test", "Operator"))));
    }

    [Fact]
    public async Task ImportsEveryOrganisationAndLogsItGivenGoodFile()
    {
        var result = await ImportAsync(Good);

        result.Rows.ShouldBe(7);
        result.Organisations.ShouldBe(["Trust A", "Trust B", "Trust C"]);
        result.Years.ShouldBe(["2021-22"]);
        (await App.QueryAsync(db => db.OrganisationHistory.CountAsync())).ShouldBe(7);
        var logged = await App.QueryAsync(db => db.DecisionLog.SingleAsync(e => e.EventType == LogEventTypes.HistoryImported));
        logged.Question.ShouldNotBeNull().ShouldContain("3 organisation(s)");
        logged.Answer.ShouldNotBeNull().ShouldContain("Trust B 2021-22 Bme: 2 of 136");
    }

    [Fact]
    public async Task ListsEveryBadRowWithLineAndFieldAndImportsNothingGivenBadFile()
    {
        const string bad = """
            Organisation,Year,Group,Entering,Headcount
            Trust A,2021-22,White,17,2500
            Trust A,2021-22,BME,9,750
            Trust A,2021-22,White,18,2500
            Trust B,2021-22,White,-3,1480
            Trust B,2021-22,BME,200,136
            Trust C,2021-22,Asian,1,335
            Trust C,2021-22,White,2,947
            """;

        var refusal = await Should.ThrowAsync<UseCaseException>(() => ImportAsync(bad));

        refusal.Error.ShouldBe(UseCaseError.Invalid);
        refusal.Message.ShouldContain("nothing was imported");
        refusal.Details.ShouldContain("organisations.csv line 4, field Organisation: Trust A has White for 2021-22 more than once (first on line 2)");
        refusal.Details.ShouldContain("organisations.csv line 5, field Entering: -3 is negative; a count of staff is 0 or more");
        refusal.Details.ShouldContain("organisations.csv line 6, field Entering: 200 entering is more than the headcount 136");
        refusal.Details.ShouldContain("organisations.csv line 7, field Group: 'Asian' is not a group; use White, BME or NotStated");
        // Trust C's only good row leaves it without a BME row.
        refusal.Details.ShouldContain("organisations.csv line 8, field Group: Trust C 2021-22 has no BME row; every organisation-year needs White and BME rows (NotStated is optional)");
        (await App.QueryAsync(db => db.OrganisationHistory.CountAsync())).ShouldBe(0);
        (await App.QueryAsync(db => db.DecisionLog.CountAsync(e => e.EventType == LogEventTypes.HistoryImported))).ShouldBe(0);
    }

    [Fact]
    public async Task ReplacesOrganisationYearGivenSecondImport()
    {
        await ImportAsync(Good);
        await ImportAsync("Organisation,Year,Group,Entering,Headcount\nTrust B,2021-22,White,6,1500\nTrust B,2021-22,BME,3,140\n");

        (await App.QueryAsync(db => db.OrganisationHistory.CountAsync())).ShouldBe(6); // Trust B's NotStated row went with its year
        (await App.QueryAsync(db => db.OrganisationHistory.SingleAsync(h => h.Organisation == "Trust B" && h.WresGroup == Domain.Ethnicity.WresGroup.Bme))).Entering.ShouldBe(3);
    }

    [Fact]
    public async Task PlotsEveryOrganisationAndThisTrustGivenImportedYear()
    {
        await ImportAsync(Good);

        var funnel = await App.RunAsync<OrganisationFunnelHandler, OrganisationFunnelReport>(h => h.HandleAsync(new OrganisationFunnelQuery("2021-22")));

        funnel.Rows.Select(r => r.Unit.Name).ShouldBe(["Trust A", "Trust B", "Trust C", OrganisationFunnelHandler.ThisTrust]);
        funnel.Rows.Single(r => r.Unit.Highlighted).Unit.Name.ShouldBe(OrganisationFunnelHandler.ThisTrust);
        // 2021-22 is covered by WRES 2022 data, national 1.14: limits are drawn around it as well as around 1.
        funnel.National!.WresDataYear.ShouldBe(2022);
        funnel.AroundNational!.Target.ShouldBe(1.14);
        var trustA = funnel.Rows.Single(r => r.Unit.Name == "Trust A");
        trustA.Ratio.ShouldBe(1.76);
        trustA.Ci95.ShouldBe(new Interval95(0.81, 3.86));
        trustA.AgainstOne.ShouldBe(FunnelPlot.Position(trustA.Unit, funnel.AroundOne));
        funnel.Method.ShouldContain("Spiegelhalter 2005");

        var highlighted = await App.RunAsync<OrganisationFunnelHandler, OrganisationFunnelReport>(h => h.HandleAsync(new OrganisationFunnelQuery("2021-22", "trust b")));
        highlighted.Rows.Select(r => r.Unit.Name).ShouldBe(["Trust A", "Trust B", "Trust C"]);
        highlighted.Rows.Single(r => r.Unit.Highlighted).Unit.Name.ShouldBe("Trust B");
    }
}

public sealed class SqliteOrganisationHistoryImportTests : OrganisationHistoryImportTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresOrganisationHistoryImportTests : OrganisationHistoryImportTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
