using JustCulture.Web.Tests.Hosting;

namespace JustCulture.Web.Tests.Browser;

/// <summary>The board report of the demo prints on at most four A4 pages, with its charts and every warning on paper.</summary>
[Collection(BrowserFixture.Collection)]
public sealed class BoardReportPrintTests(BrowserFixture browser)
{
    [BrowserTheory]
    [InlineData("")]
    [InlineData("?basis=rolling")]
    public async Task PrintsOnFourA4PagesWithChartsAndEveryWarningGivenDemoBoardReport(string query)
    {
        await using var auditor = await browser.NewSessionAsync("board-print");
        await auditor.SignInAsync(Caller.Auditor);
        (await auditor.GotoAsync("/Audit/Reports/Board" + query)).ShouldBe(200);
        await auditor.ScreenshotAsync("board");

        var printed = await BoardReportPrint.PrintAsync(auditor, "board-report" + (query.Length == 0 ? "" : "-rolling"));

        printed.Pages.ShouldBeInRange(1, 4, printed.PdfPath);
        printed.Charts.ShouldBe(7, "trend, funnel and five breakdowns");
        printed.ChartImagesShown.ShouldBe(printed.Charts, "every chart is printed");
        printed.Images.ShouldBeGreaterThanOrEqualTo(printed.Charts, printed.PdfPath);
        printed.Warnings.ShouldNotBeEmpty("the demo's board report has warnings to print");
        printed.ClosedDetails.ShouldBe(0);
        printed.WarningsNotPrinted.ShouldBeEmpty();
    }
}
