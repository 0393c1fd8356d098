extern alias cli;

using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using JustCulture.Persistence;
using JustCulture.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using JustCultureCli = cli::JustCulture.Cli.JustCultureCli;

namespace JustCulture.Web.Tests.Api;

/// <summary>
/// One funnel document: <c>report funnel</c> on the command line and <c>GET /api/reports/funnel</c> give the same JSON
/// and the same CSV for the same database and year (the web app's own demo database, read by the CLI too).
/// </summary>
public class FunnelDocumentTests(SqliteWebAppFixture app) : IClassFixture<SqliteWebAppFixture>
{
    private const string Year = "2024-25";

    private async Task<string> CliAsync(params string[] args)
    {
        var database = app.Services.GetRequiredService<DatabaseLocation>();
        database.Provider.ShouldBe(DatabaseProvider.Sqlite);
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);

        var exitCode = await JustCultureCli.InvokeAsync(["--database", $"sqlite:{database.ConnectionString}", .. args], output, error);

        exitCode.ShouldBe(0, error.ToString());
        return output.ToString();
    }

    [Fact]
    public async Task ReturnsTheSameJsonGivenCliAndApiOnOneDatabase()
    {
        using var auditor = await app.BearerClientAsync(Caller.Auditor);
        using var response = await auditor.GetAsync(new Uri($"/api/reports/funnel?year={Year}", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var api = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        var printed = JsonNode.Parse(await CliAsync("report", "funnel", "--year", Year, "--format", "json"))!;

        JsonNode.DeepEquals(api, printed).ShouldBeTrue($"API:\n{api.ToJsonString()}\nCLI:\n{printed.ToJsonString()}");
        // Not vacuous: the demo year has every stage and breakdown, with entrants.
        api["year"]!.GetValue<string>().ShouldBe(Year);
        api["publication"]!.GetValue<bool>().ShouldBeFalse();
        api["stages"]!.AsArray().Count.ShouldBe(11); // four to the formal investigation, six in the formal process, and suspension
        api["stages"]![3]!["white"]!["count"]!.GetValue<int>().ShouldBeGreaterThan(0);
        api["breakdowns"]!.AsArray().Select(b => b!["dimension"]!.GetValue<string>())
            .ShouldBe(["band", "staffGroup", "lengthOfService", "directorate", "raisingManagerDirectorate"]);
    }

    [Fact]
    public async Task ReturnsTheSameCsvGivenCliAndApiOnOneDatabase()
    {
        using var auditor = await app.BearerClientAsync(Caller.Auditor);
        using var response = await auditor.GetAsync(new Uri($"/api/reports/funnel?year={Year}&format=csv", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileName.ShouldBe($"funnel-{Year}.csv");
        var api = await response.Content.ReadAsStringAsync();

        var printed = await CliAsync("report", "funnel", "--year", Year, "--format", "csv");

        api.ShouldBe(printed);
        api.ShouldStartWith("ReportingYear,Section,Name,Category,WhiteCount,");
        api.ShouldContain($"\r\n{Year},stage,formal,");
        api.ShouldContain($"\r\n{Year},breakdown,directorate,");
    }
}
