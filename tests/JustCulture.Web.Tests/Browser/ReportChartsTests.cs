using System.Text.Json;
using JustCulture.Web.Tests.Hosting;

namespace JustCulture.Web.Tests.Browser;

/// <summary>
/// The auditor's dashboard draws every chart — trend, funnel and one per breakdown — from the figures on the page,
/// each next to the table that is its accessible alternative. Screenshot: TestResults/screenshots/report-charts-*.png.
/// </summary>
[Collection(BrowserFixture.Collection)]
public sealed class ReportChartsTests(BrowserFixture browser)
{
    private const string ChartsOnPage = """
        () => Array.from(document.querySelectorAll('canvas[data-chart-kind]')).map(canvas => {
            const chart = window.Chart ? window.Chart.getChart(canvas) : undefined;
            let table = canvas.closest('.jc-chart');
            // The next table after the chart (a wide table sits inside its scrolling box).
            while (table && table.tagName !== 'TABLE' && !table.querySelector('table')) { table = table.nextElementSibling; }
            if (table && table.tagName !== 'TABLE') { table = table.querySelector('table'); }
            return {
                kind: canvas.getAttribute('data-chart-kind'),
                drawn: chart !== undefined,
                labels: chart ? chart.data.labels.length : -1,
                tableRows: table ? table.tBodies[0].rows.length : -1
            };
        })
        """;

    private sealed record ChartOnPage(string Kind, bool Drawn, int Labels, int TableRows);

    [BrowserFact]
    public async Task DrawsTrendFunnelAndEveryBreakdownChartGivenAuditorDashboard()
    {
        await using var auditor = await browser.NewSessionAsync("report-charts");
        var scriptErrors = new List<string>();
        auditor.Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                scriptErrors.Add(message.Text);
            }
        };
        auditor.Page.PageError += (_, error) => scriptErrors.Add(error);
        await auditor.SignInAsync(Caller.Auditor);

        (await auditor.GotoAsync("/Audit/Reports?year=2024-25")).ShouldBe(200);

        var charts = JsonSerializer.Deserialize<List<ChartOnPage>>(
            (await auditor.Page.EvaluateAsync<JsonElement>(ChartsOnPage)).GetRawText(), JsonSerializerOptions.Web)!;
        await auditor.ScreenshotAsync("dashboard");
        charts.Select(c => c.Kind).ShouldBe(["trend", "funnel", "breakdown", "breakdown", "breakdown", "breakdown", "breakdown"]);
        charts.ShouldAllBe(c => c.Drawn);
        // Funnel and breakdown charts have one bar per row of the table beside them.
        charts.Where(c => c.Kind != "trend").ShouldAllBe(c => c.Labels == c.TableRows && c.Labels > 0);
        scriptErrors.ShouldBeEmpty();
    }
}
