using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using JustCulture.Web.Pages.Audit.Reports;
using JustCulture.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JustCulture.Web.Tests.Browser;

/// <summary>
/// The auditor's journey through the UI only, in Chromium: the dashboard's headline, Reports from the header, the
/// log filtered by event and dates and then by a case reference taken from the page, paging, and the board
/// report printed. Screenshots: TestResults/screenshots/auditor-journey-*.png.
/// </summary>
[Collection(BrowserFixture.Collection)]
public sealed partial class AuditorJourneyTests(BrowserFixture browser)
{
    private const string CategoryLabelsFit = """
        () => Array.from(document.querySelectorAll('canvas[data-chart-kind]')).map(canvas => {
            const chart = window.Chart.getChart(canvas);
            const horizontal = chart.options.indexAxis === 'y';
            const axis = horizontal ? chart.scales.y : chart.scales.x;
            let gap = 1e9;
            for (let i = 1; i < axis.ticks.length; i++) { gap = Math.min(gap, Math.abs(axis.getPixelForTick(i) - axis.getPixelForTick(i - 1))); }
            const font = axis.options.ticks.font;
            const lines = Math.max(...chart.data.labels.map(l => Array.isArray(l) ? l.length : 1));
            return { kind: canvas.getAttribute('data-chart-kind'), horizontal, labels: chart.data.labels.length, ticks: axis.ticks.length, gap, needed: lines * font.size * font.lineHeight };
        })
        """;

    /// <summary>For a failure message: the outermost elements that stick out past the window's right edge.</summary>
    private const string WidestElements = """
        () => Array.from(document.querySelectorAll('body *'))
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !(e.parentElement && e.parentElement.getBoundingClientRect().right > window.innerWidth + 1))
            .slice(0, 5).map(e => `${e.tagName}.${e.className} (${Math.round(e.getBoundingClientRect().right)}px)`).join(', ')
        """;

    private sealed record ChartLabels(string Kind, bool Horizontal, int Labels, int Ticks, double Gap, double Needed);

    [BrowserFact]
    public async Task ReadsHeadlineFiltersPagesAndPrintsGivenDemoAuditor()
    {
        await using var auditor = await browser.NewSessionAsync("auditor-journey");
        var page = auditor.Page;
        await auditor.SignInAsync(Caller.Auditor);

        // Reports from the header: the dashboard opens on the latest complete year, the headline first.
        await auditor.ClickAndWaitForPageAsync(page.Locator(".nhsuk-header__navigation-link", new() { HasText = "Reports" }));
        page.Url.ShouldEndWith("/Audit/Reports");
        ReportSet expected;
        using (var scope = browser.Factory.Services.CreateScope())
        {
            expected = await scope.ServiceProvider.GetRequiredService<ReportSetLoader>().LoadAsync(null, null, null, CancellationToken.None);
        }

        expected.InProgress.ShouldBeFalse("the dashboard opens on a complete year");
        var headline = await page.Locator("#headline").InnerTextAsync();
        headline.ShouldContain(expected.Headline.Figure);
        headline.ShouldContain(expected.Headline.Funnel);
        (await page.Locator("main").InnerTextAsync()).ShouldNotContain("0.00 to unbounded");
        (await page.Locator("h1 + #headline").CountAsync()).ShouldBe(1, "the headline comes first");
        await auditor.ScreenshotAsync("dashboard");
        (await auditor.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();
        var charts = JsonSerializer.Deserialize<List<ChartLabels>>((await page.EvaluateAsync<JsonElement>(CategoryLabelsFit)).GetRawText(), JsonSerializerOptions.Web)!;
        charts.Where(c => c.Horizontal).ShouldAllBe(c => c.Ticks == c.Labels && c.Gap >= c.Needed, string.Join("; ", charts));

        // At 375 px the dashboard does not scroll sideways.
        await page.SetViewportSizeAsync(375, 800);
        await page.ReloadAsync();
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue(
            "the dashboard overflows at 375 px: " + await page.EvaluateAsync<string>(WidestElements));
        charts = JsonSerializer.Deserialize<List<ChartLabels>>((await page.EvaluateAsync<JsonElement>(CategoryLabelsFit)).GetRawText(), JsonSerializerOptions.Web)!;
        charts.Where(c => c.Horizontal).ShouldAllBe(c => c.Ticks == c.Labels && c.Gap >= c.Needed, string.Join("; ", charts));
        await auditor.ScreenshotAsync("dashboard-375");
        await page.SetViewportSizeAsync(1280, 720);

        // The log from the header: newest first, filtered by an event and UK dates.
        await auditor.ClickAndWaitForPageAsync(page.Locator(".nhsuk-header__navigation-link", new() { HasText = "Decision log" }));
        var sequences = await ColumnAsync(page, 0);
        sequences.Select(long.Parse).ShouldBeInOrder(SortDirection.Descending);
        await page.GetByLabel("Event").SelectOptionAsync(new SelectOptionValue { Label = "Checklist question answered" });
        var from = page.GetByRole(AriaRole.Group, new() { Name = "From (UK date)" });
        await from.GetByLabel("Day").FillAsync("1");
        await from.GetByLabel("Month").FillAsync("4");
        await from.GetByLabel("Year").FillAsync("2025");
        var to = page.GetByRole(AriaRole.Group, new() { Name = "To (UK date, included)" });
        await to.GetByLabel("Day").FillAsync("31");
        await to.GetByLabel("Month").FillAsync("3");
        await to.GetByLabel("Year").FillAsync("2026");
        await auditor.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Apply filter" }));
        await auditor.ScreenshotAsync("log-filtered");
        (await auditor.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();
        (await ColumnAsync(page, 2)).ShouldAllBe(e => e == "Checklist question answered");
        (await ColumnAsync(page, 1)).ShouldAllBe(t => InYear(t));
        (await ColumnAsync(page, 1)).ShouldAllBe(t => t.EndsWith(" UK time", StringComparison.Ordinal));

        // Paging keeps the filter.
        await auditor.ClickAndWaitForPageAsync(page.Locator("a.nhsuk-pagination__next"));
        page.Url.ShouldContain("event=QuestionAnswered");
        (await page.Locator(".nhsuk-pagination__link[aria-current='page']").InnerTextAsync()).Trim().ShouldBe("2");
        (await ColumnAsync(page, 2)).ShouldAllBe(e => e == "Checklist question answered");
        await auditor.ScreenshotAsync("log-page-2");

        // One case, by the reference on the page.
        var reference = (await ColumnAsync(page, 3)).First(r => r.StartsWith("JC-", StringComparison.Ordinal));
        await auditor.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Link, new() { Name = "Clear the filter" }));
        await page.GetByLabel("Case reference").FillAsync(reference);
        await auditor.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Button, new() { Name = "Apply filter" }));
        var references = await ColumnAsync(page, 3);
        references.ShouldNotBeEmpty();
        references.ShouldAllBe(r => r == reference);
        (await ColumnAsync(page, 2)).ShouldContain("Concern raised");
        await auditor.ScreenshotAsync("log-case");
        (await auditor.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();

        // The board report, opened from the dashboard, and printed.
        await auditor.ClickAndWaitForPageAsync(page.Locator(".nhsuk-header__navigation-link", new() { HasText = "Reports" }));
        await auditor.ClickAndWaitForPageAsync(page.GetByRole(AriaRole.Link, new() { Name = $"Board report for {expected.Year} (internal" }));
        page.Url.ShouldContain("/Audit/Reports/Board");
        (await page.Locator("#headline").InnerTextAsync()).ShouldContain($"In summary, {expected.Year}");
        await auditor.ScreenshotAsync("board");
        (await auditor.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();
        var printed = await BoardReportPrint.PrintAsync(auditor, "auditor-journey-board");
        printed.Pages.ShouldBeInRange(1, 7, printed.PdfPath); // the internal report, with the funnel's eleven stages
        printed.ChartImagesShown.ShouldBe(printed.Charts);
        printed.WarningsNotPrinted.ShouldBeEmpty();
    }

    /// <summary>The text of one column of the log table (the responsive heading inside each cell left out).</summary>
    private static async Task<IReadOnlyList<string>> ColumnAsync(IPage page, int index) =>
        await page.Locator($"#log-entries tbody tr td:nth-child({index + 1})").EvaluateAllAsync<string[]>(
            "cells => cells.map(c => Array.from(c.childNodes).filter(n => !(n.classList && n.classList.contains('nhsuk-table-responsive__heading'))).map(n => n.textContent).join('').trim())");

    /// <summary>A "15 January 2027 at 14:05 UK time" inside 1 April 2025 – 31 March 2026.</summary>
    private static bool InYear(string shown)
    {
        var date = DateOnly.ParseExact(UkDate().Match(shown).Value, "d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        return date >= new DateOnly(2025, 4, 1) && date <= new DateOnly(2026, 3, 31);
    }

    [GeneratedRegex(@"^\d{1,2} [A-Z][a-z]+ \d{4}", RegexOptions.CultureInvariant)]
    private static partial Regex UkDate();
}
