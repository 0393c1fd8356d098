using System.Text.Json;
using JustCulture.Application.Common;
using JustCulture.Application.History;
using JustCulture.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Web.Tests.Browser;

/// <summary>
/// An auditor opens the organisations' funnel plot: one point per organisation plotted (and this trust highlighted),
/// limits around 1 and around the national figure, the table and the method under the chart.
/// Screenshot: TestResults/screenshots/organisation-funnel-plot-*.png.
/// </summary>
[Collection(BrowserFixture.Collection)]
public sealed class OrganisationFunnelPlotTests(BrowserFixture browser)
{
    private const string Year = "2019-20";

    private const string PlotOnPage = """
        () => ({
            points: Array.from(document.querySelectorAll('svg.jc-funnel-plot circle.jc-funnel-point')).map(c => c.getAttribute('data-organisation')),
            highlighted: Array.from(document.querySelectorAll('svg.jc-funnel-plot circle.jc-funnel-point--highlighted')).map(c => c.getAttribute('data-organisation')),
            limits: Array.from(document.querySelectorAll('svg.jc-funnel-plot polyline.jc-funnel-limit')).map(l => l.getAttribute('data-limit')),
            drawnWidth: document.querySelector('svg.jc-funnel-plot') ? document.querySelector('svg.jc-funnel-plot').getBoundingClientRect().width : 0,
            tableRows: document.querySelector('#organisations-table') ? document.querySelector('#organisations-table').tBodies[0].rows.length : -1
        })
        """;

    private sealed record PlotOnPageResult(List<string> Points, List<string> Highlighted, List<string> Limits, double DrawnWidth, int TableRows);

    [BrowserFact]
    public async Task DrawsOnePointPerOrganisationGivenImportedFigures()
    {
        await using (var scope = browser.Factory.Services.CreateAsyncScope())
        {
            var csv = string.Join('\n', ["Organisation,Year,Group,Entering,Headcount",
                .. new[] { ("North Trust", 9, 750, 17, 2500), ("South Trust", 2, 136, 5, 1480), ("East Trust", 1, 335, 2, 947), ("West Trust", 30, 900, 20, 3000), ("Central Trust", 4, 400, 12, 1600) }
                    .SelectMany(o => new[] { $"{o.Item1},{Year},BME,{o.Item2},{o.Item3}", $"{o.Item1},{Year},White,{o.Item4},{o.Item5}" })]);
            await scope.ServiceProvider.GetRequiredService<ImportOrganisationHistoryHandler>()
                .HandleAsync(new ImportOrganisationHistoryCommand(new StringReader(csv), "organisations.csv", new Actor("browser-test", "Operator")));
        }

        await using var auditor = await browser.NewSessionAsync("organisation-funnel-plot");
        await auditor.SignInAsync(Caller.Auditor);
        (await auditor.GotoAsync($"/Audit/Reports/Organisations?year={Year}&highlight=West%20Trust")).ShouldBe(200);

        var plot = JsonSerializer.Deserialize<PlotOnPageResult>((await auditor.Page.EvaluateAsync<JsonElement>(PlotOnPage)).GetRawText(), JsonSerializerOptions.Web)!;
        await auditor.ScreenshotAsync("plot");

        plot.Points.Order(StringComparer.Ordinal).ShouldBe(["Central Trust", "East Trust", "North Trust", "South Trust", "West Trust"]);
        plot.Highlighted.ShouldBe(["West Trust"]);
        plot.TableRows.ShouldBe(5);
        plot.DrawnWidth.ShouldBeGreaterThan(300);
        // 95% and 99.8%, upper and lower, around 1 and around the national figure (1.16 for 2019-20).
        plot.Limits.Count(l => l.StartsWith("one-", StringComparison.Ordinal)).ShouldBe(4);
        plot.Limits.Count(l => l.StartsWith("national-", StringComparison.Ordinal)).ShouldBe(4);
        (await auditor.Page.Locator("#funnel-method").InnerTextAsync()).ShouldContain("Spiegelhalter 2005");
        (await auditor.Page.Locator("#funnel-method").InnerTextAsync()).ShouldContain("WRES 2020 data covering 2019-20");
    }
}
