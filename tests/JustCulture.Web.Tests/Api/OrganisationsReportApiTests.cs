using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JustCulture.Application.Common;
using JustCulture.Application.History;
using JustCulture.Web.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Web.Tests.Api;

/// <summary>The funnel plot of many organisations as data: JSON and CSV agree, the highlighted organisation is the trust, bad input is refused.</summary>
public sealed class OrganisationsReportApiTests(SqliteWebAppFixture app) : IClassFixture<SqliteWebAppFixture>, IAsyncLifetime
{
    private const string Year = "2023-24";

    public Task InitializeAsync() => app.InScopeAsync(async services =>
    {
        var csv = string.Join('\n', ["Organisation,Year,Group,Entering,Headcount",
            .. new[] { ("North Trust", 9, 750, 17, 2500), ("South Trust", 2, 136, 5, 1480), ("West Trust", 30, 900, 20, 3000), ("East Trust", 0, 300, 0, 900) }
                .SelectMany(o => new[] { $"{o.Item1},{Year},BME,{o.Item2},{o.Item3}", $"{o.Item1},{Year},White,{o.Item4},{o.Item5}" })]);
        return await services.GetRequiredService<ImportOrganisationHistoryHandler>()
            .HandleAsync(new ImportOrganisationHistoryCommand(new StringReader(csv), "organisations.csv", new Actor("api-test", "Operator")));
    });

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GivesEachOrganisationItsPositionAndTheSameRowsAsCsvGivenAHighlight()
    {
        var auditor = await app.BearerClientAsync(Caller.Auditor);

        var json = await auditor.GetFromJsonAsync<JsonElement>(new Uri($"/api/reports/organisations?year={Year}&highlight=West%20Trust", UriKind.Relative));
        var csv = await auditor.GetStringAsync(new Uri($"/api/reports/organisations?year={Year}&highlight=West%20Trust&format=csv", UriKind.Relative));

        var organisations = json.GetProperty("organisations").EnumerateArray().ToList();
        organisations.Select(o => o.GetProperty("organisation").GetString()).ShouldBe(["East Trust", "North Trust", "South Trust", "West Trust"]);
        var west = organisations.Single(o => o.GetProperty("highlighted").GetBoolean());
        west.GetProperty("organisation").GetString().ShouldBe("West Trust");
        // 30 of 900 against 20 of 3,000: (30/900) / (20/3000) = 5.00.
        west.GetProperty("relativeLikelihood").GetDouble().ShouldBe(5.0);
        // Trusts this different are overdispersed: the limits widen (random effects), as FunnelPlotR does.
        var aroundOne = json.GetProperty("aroundOne");
        aroundOne.GetProperty("overdispersionPresent").GetBoolean().ShouldBeTrue();
        aroundOne.GetProperty("limitsMethod").GetString().ShouldBe("random-effects");
        var westPosition = west.GetProperty("againstOne").GetString()!;
        organisations.Single(o => o.GetProperty("organisation").GetString() == "East Trust").GetProperty("againstOne").GetString().ShouldBe("NotPlotted");
        aroundOne.GetProperty("target").GetDouble().ShouldBe(1.0);
        json.GetProperty("method").GetString().ShouldNotBeNullOrWhiteSpace();

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines[0].ShouldStartWith("ReportingYear,Organisation,ThisTrust");
        lines.Length.ShouldBe(1 + organisations.Count);
        var westRow = lines.Single(l => l.StartsWith($"{Year},West Trust,", StringComparison.Ordinal)).Split(',');
        westRow[2].ShouldBe("yes");
        westRow[9].ShouldBe("5.00");
        westRow[12].ShouldBe(westPosition, "the CSV is made from the same document");
    }

    [Fact]
    public async Task AddsThisTrustGivenNoHighlight()
    {
        var json = await (await app.BearerClientAsync(Caller.Auditor)).GetFromJsonAsync<JsonElement>(new Uri($"/api/reports/organisations?year={Year}", UriKind.Relative));

        var highlighted = json.GetProperty("organisations").EnumerateArray().Single(o => o.GetProperty("highlighted").GetBoolean());
        highlighted.GetProperty("organisation").GetString().ShouldBe(OrganisationFunnelHandler.ThisTrust);
    }

    [Fact]
    public async Task HighlightsTheConfiguredOrganisationGivenNoHighlightAsked()
    {
        await using var configured = app.Factory.WithWebHostBuilder(web => web.UseSetting("JustCulture:ThisOrganisation", "South Trust"));
        using var auditor = configured.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await WebAppFixture.SignInWithCookieAsync(auditor, Caller.Auditor.DemoAccount(), WebAppFixture.DemoPassword);

        var json = await auditor.GetFromJsonAsync<JsonElement>(new Uri($"/api/reports/organisations?year={Year}", UriKind.Relative));
        var page = await auditor.GetStringAsync(new Uri($"/Audit/Reports/Organisations?year={Year}", UriKind.Relative));

        var organisations = json.GetProperty("organisations").EnumerateArray().ToList();
        organisations.Single(o => o.GetProperty("highlighted").GetBoolean()).GetProperty("organisation").GetString().ShouldBe("South Trust");
        organisations.ShouldNotContain(o => o.GetProperty("organisation").GetString() == OrganisationFunnelHandler.ThisTrust, "the trust is already among the imported figures");
        page.ShouldContain("South Trust (this trust)");
    }

    [Fact]
    public async Task RefusesABadYearOrFormatAndACaseWorker()
    {
        var auditor = await app.BearerClientAsync(Caller.Auditor);
        using (var badYear = await auditor.GetAsync(new Uri("/api/reports/organisations?year=2023", UriKind.Relative)))
        {
            await badYear.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        }

        using (var badFormat = await auditor.GetAsync(new Uri($"/api/reports/organisations?year={Year}&format=xml", UriKind.Relative)))
        {
            await badFormat.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        }

        using var worker = await (await app.BearerClientAsync(Caller.CommissioningManager)).GetAsync(new Uri($"/api/reports/organisations?year={Year}", UriKind.Relative));
        worker.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
