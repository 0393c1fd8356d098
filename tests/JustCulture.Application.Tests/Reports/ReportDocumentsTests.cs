using System.Text.Json;
using JustCulture.Application.Reports;

namespace JustCulture.Application.Tests.Reports;

/// <summary>The indicator-3 exchange formats the CLI and the web share: JSON document and the WRES return CSV.</summary>
public class ReportDocumentsTests
{
    private static ShownIndicator3 Shown(bool publication) => new(
        "2024-25",
        "single",
        "Single year 2024-25",
        FigureSources.Live,
        publication,
        new ShownGroup(new ShownCount(17, "17"), new ShownCount(2500, "2500"), 0.0068),
        new ShownGroup(new ShownCount(9, "9"), new ShownCount(750, "750"), 0.012),
        new ShownNotStated(publication ? new ShownCount(null, "<5") : new ShownCount(1, "1"), new ShownCount(120, "120")),
        1.76,
        new Interval95(0.79, 3.94),
        "Within the non-adverse band, but the interval is wide.",
        ["Fewer than 10 BME staff entered, so one case more or fewer changes the ratio a lot."]);

    [Fact]
    public void WritesOneRowPerMeasureOfWresReturnGivenPublicationView()
    {
        var csv = ReportDocuments.Indicator3Csv(Shown(publication: true));

        // RFC 4180: every record ends with CRLF.
        csv.ShouldEndWith("\r\n");
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ShouldBe([
            "ReportingYear,Basis,Measure,White,BME,NotStated",
            "2024-25,single,Headcount,2500,750,120",
            "2024-25,single,Number of staff entering the formal disciplinary process,17,9,<5",
            "2024-25,single,Likelihood of staff entering the formal disciplinary process,0.006800,0.012000,",
            "2024-25,single,Relative likelihood of BME staff entering the formal disciplinary process compared to white staff,,1.76,",
            "2024-25,single,95% confidence interval lower (Katz log),,0.79,",
            "2024-25,single,95% confidence interval upper (Katz log),,3.94,",
        ]);
    }

    [Fact]
    public void WritesUnboundedUpperLimitGivenIntervalWithoutUpper()
    {
        var shown = Shown(publication: false) with { RelativeLikelihood = 0, Ci95 = new Interval95(0, null) };

        var csv = ReportDocuments.Indicator3Csv(shown);

        csv.ShouldContain("2024-25,single,95% confidence interval upper (Katz log),,unbounded,");
        csv.ShouldContain("2024-25,single,95% confidence interval lower (Katz log),,0.00,");
    }

    [Fact]
    public void SerialisesTheSharedShapeGivenWebJsonDefaults()
    {
        var json = JsonSerializer.Serialize(ReportDocuments.Indicator3(Shown(publication: true)), new JsonSerializerOptions(JsonSerializerDefaults.Web));

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        root.EnumerateObject().Select(p => p.Name).ShouldBe(["year", "basis", "white", "bme", "notStated", "relativeLikelihood", "ci95", "interpretation", "warnings"]);
        root.GetProperty("white").EnumerateObject().Select(p => p.Name).ShouldBe(["entering", "headcount", "rate"]);
        root.GetProperty("notStated").EnumerateObject().Select(p => p.Name).ShouldBe(["entering", "headcount"]);
        root.GetProperty("white").GetProperty("entering").GetInt32().ShouldBe(17);
        root.GetProperty("notStated").GetProperty("entering").GetString().ShouldBe("<5");
        root.GetProperty("ci95").GetProperty("upper").GetDouble().ShouldBe(3.94);
        root.GetProperty("warnings").GetArrayLength().ShouldBe(1);
    }
}
