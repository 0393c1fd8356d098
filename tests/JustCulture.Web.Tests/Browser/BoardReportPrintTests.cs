using JustCulture.Web.Tests.Hosting;

namespace JustCulture.Web.Tests.Browser;

/// <summary>
/// The board report of the demo prints with its charts and every warning on paper: the publication version on at most
/// four A4 pages, the internal one (exact counts, so every statistical warning too) on at most five.
/// </summary>
[Collection(BrowserFixture.Collection)]
public sealed class BoardReportPrintTests(BrowserFixture browser)
{
    [BrowserTheory]
    [InlineData("")]
    [InlineData("?basis=rolling")]
    [InlineData("?mode=publication")]
    public async Task PrintsOnFewA4PagesSayingWhichDocumentGivenDemoBoardReport(string query)
    {
        await using var auditor = await browser.NewSessionAsync("board-print");
        await auditor.SignInAsync(Caller.Auditor);
        (await auditor.GotoAsync("/Audit/Reports/Board" + query)).ShouldBe(200);
        await auditor.ScreenshotAsync("board");

        var printed = await BoardReportPrint.PrintAsync(auditor, "board-report" + (query.Length == 0 ? "" : query.Contains("rolling", StringComparison.Ordinal) ? "-rolling" : "-publication"));

        printed.Pages.ShouldBeInRange(1, query.Contains("publication", StringComparison.Ordinal) ? 6 : 7, printed.PdfPath); // the funnel has eleven stages since the formal process and suspension joined it
        // Every printed page says which document it is.
        (await auditor.Page.Locator(".jc-report-mode--running").TextContentAsync() ?? string.Empty).ShouldStartWith(query.Contains("publication", StringComparison.Ordinal) ? "Publication version" : "Internal — not for publication");
        printed.Charts.ShouldBe(7, "trend, funnel and five breakdowns");
        printed.ChartImagesShown.ShouldBe(printed.Charts, "every chart is printed");
        printed.Images.ShouldBeGreaterThanOrEqualTo(printed.Charts, printed.PdfPath);
        printed.Warnings.ShouldNotBeEmpty("the demo's board report has warnings to print");
        printed.ClosedDetails.ShouldBe(0);
        printed.WarningsNotPrinted.ShouldBeEmpty();
    }
}
