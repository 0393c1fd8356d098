using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace JustCulture.Web.Tests.Browser;

/// <summary>
/// The board report as printed. Chromium prints it to an A4 PDF (saved to TestResults/), whose pages and images
/// are counted from the PDF's own objects. The PDF's text is compressed glyph runs that cannot be read back
/// simply, so what is printed is checked on the page under print media instead: the text a reader sees there
/// (<c>innerText</c>, which leaves out anything hidden or inside a closed details element) must hold every warning.
/// </summary>
public static partial class BoardReportPrint
{
    public sealed record Printed(int Pages, int Images, int Charts, IReadOnlyList<string> Warnings, IReadOnlyList<string> WarningsNotPrinted, int ClosedDetails, int ChartImagesShown, string PdfPath);

    public static async Task<Printed> PrintAsync(BrowserSession session, string name)
    {
        ArgumentNullException.ThrowIfNull(session);
        var page = session.Page;
        // Wait until every chart has drawn its print copy.
        await page.WaitForFunctionAsync("() => document.querySelectorAll('canvas[data-chart-kind]').length === document.querySelectorAll('img.jc-chart__print[src^=\"data:image\"]').length");
        var warnings = await page.Locator(".jc-warning").EvaluateAllAsync<string[]>("items => items.map(li => li.textContent.trim().replace(/\\s+/g, ' '))");
        var charts = await page.Locator("canvas[data-chart-kind]").CountAsync();

        // PdfAsync prints with print media, unless screen media is being emulated: print first.
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
        Directory.CreateDirectory(TestArtifacts.Directory);
        var path = Path.Combine(TestArtifacts.Directory, $"{name}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var printedText = Normalise(await page.EvaluateAsync<string>("() => document.body.innerText"));
        var closedDetails = await page.EvaluateAsync<int>("() => Array.from(document.querySelectorAll('details')).filter(d => !d.open).length");
        var chartImagesShown = await page.EvaluateAsync<int>("() => Array.from(document.querySelectorAll('img.jc-chart__print')).filter(i => i.getBoundingClientRect().height > 20).length");
        await page.EmulateMediaAsync(new() { Media = Media.Null });

        var raw = Encoding.Latin1.GetString(pdf);
        return new Printed(PageObject().Count(raw), ImageObject().Count(raw), charts, warnings,
            warnings.Where(w => !printedText.Contains(w, StringComparison.Ordinal)).ToList(), closedDetails, chartImagesShown, path);
    }

    private static string Normalise(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"/Type\s*/Page(?![s\w])", RegexOptions.CultureInvariant)]
    private static partial Regex PageObject();

    [GeneratedRegex(@"/Subtype\s*/Image\b", RegexOptions.CultureInvariant)]
    private static partial Regex ImageObject();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
