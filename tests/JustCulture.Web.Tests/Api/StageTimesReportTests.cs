using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JustCulture.Domain.Reporting;
using JustCulture.Web.Tests.Hosting;

namespace JustCulture.Web.Tests.Api;

/// <summary>Time in each stage for auditors: the page and the JSON say the same, withheld groups show no exact count, bad years are refused.</summary>
public sealed class StageTimesReportTests(SqliteWebAppFixture app) : IClassFixture<SqliteWebAppFixture>
{
    private static string ThisYear => ReportingYear.Containing(DateTime.UtcNow).ToString();

    [Fact]
    public async Task ShowsTheSameFiguresOnThePageAsInTheJsonGivenTheDemoYear()
    {
        var auditor = await app.CookieClientAsync(Caller.Auditor);
        var api = await app.BearerClientAsync(Caller.Auditor);

        var document = await api.GetFromJsonAsync<JsonElement>(new Uri($"/api/reports/stage-times?year={ThisYear}", UriKind.Relative));
        using var page = await auditor.GetAsync(new Uri($"/Audit/Reports/StageTimes?year={ThisYear}", UriKind.Relative));

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        html.ShouldContain("id=\"stage-times\"");
        var stages = document.GetProperty("stages").EnumerateArray().ToList();
        stages.Select(s => s.GetProperty("stage").GetString()).ShouldBe(["Checklist", "AwaitingReview", "InformalResolution", "FormalInvestigation"]);
        stages.ShouldContain(s => s.GetProperty("white").GetProperty("timed").GetString() != "0", "the demo trust finished stages this year");
        foreach (var stage in stages)
        {
            html.ShouldContain($"data-stage=\"{stage.GetProperty("stage").GetString()}\"");
            foreach (var group in new[] { "white", "bme", "notStated" })
            {
                var cell = stage.GetProperty(group);
                if (cell.GetProperty("withheld").GetBoolean())
                {
                    cell.GetProperty("timed").GetString().ShouldBe("<5");
                    cell.GetProperty("medianWorkingDays").ValueKind.ShouldBe(JsonValueKind.Null);
                }
                else if (cell.GetProperty("medianWorkingDays").ValueKind == JsonValueKind.Number)
                {
                    var median = cell.GetProperty("medianWorkingDays").GetDouble().ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
                    html.ShouldContain($"{median} (90%: {cell.GetProperty("percentile90WorkingDays").GetInt32()}), {cell.GetProperty("timed").GetString()} timed");
                }
            }
        }

        (await auditor.GetStringAsync(new Uri("/Audit/Reports", UriKind.Relative))).ShouldContain("href=\"/Audit/Reports/StageTimes?year=");
    }

    [Fact]
    public async Task RefusesAYearThatIsNotOneGivenThePageAndTheApi()
    {
        using var problem = await (await app.BearerClientAsync(Caller.Auditor)).GetAsync(new Uri("/api/reports/stage-times?year=2024-26", UriKind.Relative));
        await problem.ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        using var page = await (await app.CookieClientAsync(Caller.Auditor)).GetAsync(new Uri("/Audit/Reports/StageTimes?year=twenty", UriKind.Relative));
        page.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await page.Content.ReadAsStringAsync()).ShouldContain("nhsuk-error-summary");
    }

    [Fact]
    public async Task RefusesTheFiguresGivenACaseWorker()
    {
        using var response = await (await app.BearerClientAsync(Caller.CommissioningManager)).GetAsync(new Uri($"/api/reports/stage-times?year={ThisYear}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
