using System.Text.Json;
using JustCulture.Application.Log;
using JustCulture.Application.Reports;

namespace JustCulture.Application.Tests.Reports;

/// <summary>The indicator-3 exchange formats the CLI and the web share: JSON document and the WRES return CSV.</summary>
public class ReportDocumentsTests
{
    private const string Root = "a611fc08d2c4e7b95f0e3a1b2c3d4e5f60718293a4b5c6d7e8f9011223344556";

    /// <summary>13:23:09 UTC on 1 December 2026, GMT, so 13:23 UK time.</summary>
    private static readonly LogCheckpointSummary Checkpoint = new(2403, Root, new DateTimeOffset(2026, 12, 1, 13, 23, 9, TimeSpan.Zero), "checkpoint-000000002403.txt");

    private const string CheckpointCells = "2403," + Root + ",\"Computed against: signed checkpoint of 2,403 entries, 1 December 2026 at 13:23 UK time (root a611fc08d2c4e7b9…, checkpoint-000000002403.txt)\"";

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
        new Interval95(0.81, 3.86),
        "Within the non-adverse band, but the interval is wide.",
        ["Fewer than 10 BME staff entered, so one case more or fewer changes the ratio a lot."]) { Checkpoint = Checkpoint, Ci95Katz = new Interval95(0.79, 3.94) };

    [Fact]
    public void WritesOneRowPerMeasureOfWresReturnGivenPublicationView()
    {
        var csv = ReportDocuments.Indicator3Csv(Shown(publication: true));

        // RFC 4180: every record ends with CRLF.
        csv.ShouldEndWith("\r\n");
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).ShouldBe([
            "ReportingYear,Basis,Measure,White,BME,NotStated,CheckpointTreeSize,CheckpointRoot,ComputedAgainst",
            "2024-25,single,Headcount,2500,750,120," + CheckpointCells,
            "2024-25,single,Number of staff entering the formal disciplinary process,17,9,<5," + CheckpointCells,
            "2024-25,single,Likelihood of staff entering the formal disciplinary process,0.006800,0.012000,," + CheckpointCells,
            "2024-25,single,Relative likelihood of BME staff entering the formal disciplinary process compared to white staff,,1.76,," + CheckpointCells,
            "2024-25,single,95% confidence interval lower (Koopman score),,0.81,," + CheckpointCells,
            "2024-25,single,95% confidence interval upper (Koopman score),,3.86,," + CheckpointCells,
            "2024-25,single,95% confidence interval lower (Katz log),,0.79,," + CheckpointCells,
            "2024-25,single,95% confidence interval upper (Katz log),,3.94,," + CheckpointCells,
            "2024-25,single,National relative likelihood (none published for this year),,,," + CheckpointCells,
        ]);
    }

    [Fact]
    public void WritesNationalFigureWithItsSourceGivenYearWithPublishedFigure()
    {
        var shown = Shown(publication: false) with { Year = "2019-20", National = NationalComparison.Of("2019-20", "single", 1.76, new Interval95(0.81, 3.86)) };

        var csv = ReportDocuments.Indicator3Csv(shown);

        csv.ShouldContain("\"National relative likelihood (WRES 2020 data, covering 2019-20; North Staffordshire Combined Healthcare NHS Trust, Workforce Race Equality Standard report 2021, table for indicator 3 (national figures by WRES year))\",,1.16,");
        var json = JsonSerializer.Serialize(ReportDocuments.Indicator3(shown), new JsonSerializerOptions(JsonSerializerDefaults.Web));
        using var doc = JsonDocument.Parse(json);
        var national = doc.RootElement.GetProperty("national");
        national.GetProperty("wresDataYear").GetInt32().ShouldBe(2020);
        national.GetProperty("reportingYear").GetString().ShouldBe("2019-20");
        national.GetProperty("national").GetDouble().ShouldBe(1.16);
        national.GetProperty("position").GetString().ShouldBe("above");
        // 0.81–3.86 includes 1.16: above, but within chance.
        national.GetProperty("beyondChance").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public void WritesUnboundedUpperLimitGivenIntervalWithoutUpper()
    {
        var shown = Shown(publication: false) with { RelativeLikelihood = 0, Ci95 = new Interval95(0, 1.27), Ci95Katz = new Interval95(0, null) };

        var csv = ReportDocuments.Indicator3Csv(shown);

        csv.ShouldContain("2024-25,single,95% confidence interval upper (Katz log),,unbounded,");
        csv.ShouldContain("2024-25,single,95% confidence interval lower (Katz log),,0.00,");
        csv.ShouldContain("2024-25,single,95% confidence interval upper (Koopman score),,1.27,");
    }

    [Fact]
    public void SerialisesTheSharedShapeGivenWebJsonDefaults()
    {
        var json = JsonSerializer.Serialize(ReportDocuments.Indicator3(Shown(publication: true)), new JsonSerializerOptions(JsonSerializerDefaults.Web));

        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        root.EnumerateObject().Select(p => p.Name).ShouldBe(["year", "basis", "white", "bme", "notStated", "relativeLikelihood", "ci95", "ciMethod", "ci95Katz", "interpretation", "warnings", "national", "checkpoint"]);
        root.GetProperty("white").EnumerateObject().Select(p => p.Name).ShouldBe(["entering", "headcount", "rate"]);
        root.GetProperty("notStated").EnumerateObject().Select(p => p.Name).ShouldBe(["entering", "headcount"]);
        root.GetProperty("white").GetProperty("entering").GetInt32().ShouldBe(17);
        root.GetProperty("notStated").GetProperty("entering").GetString().ShouldBe("<5");
        root.GetProperty("ci95").GetProperty("upper").GetDouble().ShouldBe(3.86);
        root.GetProperty("ciMethod").GetString().ShouldBe("koopman-score");
        root.GetProperty("ci95Katz").GetProperty("upper").GetDouble().ShouldBe(3.94);
        root.GetProperty("warnings").GetArrayLength().ShouldBe(1);
        var checkpoint = root.GetProperty("checkpoint");
        checkpoint.EnumerateObject().Select(p => p.Name).ShouldBe(["treeSize", "rootHex", "signedAt", "fileName", "statement"]);
        checkpoint.GetProperty("treeSize").GetInt64().ShouldBe(2403);
        checkpoint.GetProperty("rootHex").GetString().ShouldBe(Root);
        checkpoint.GetProperty("signedAt").GetDateTimeOffset().ShouldBe(Checkpoint.SignedAt);
        checkpoint.GetProperty("fileName").GetString().ShouldBe("checkpoint-000000002403.txt");
        checkpoint.GetProperty("statement").GetString().ShouldBe(ComputedAgainst.Statement(Checkpoint));
    }

    [Fact]
    public void StatesAnEmptyLogGivenNoCheckpoint()
    {
        var shown = Shown(publication: false) with { Checkpoint = null };

        var csv = ReportDocuments.Indicator3Csv(shown);

        ReportDocuments.Indicator3(shown).Checkpoint.ShouldBeNull();
        csv.Split("\r\n")[1].ShouldEndWith(",0,,\"Computed against: an empty decision log (nothing has been recorded yet, so there is no checkpoint)\"");
    }

    [Fact]
    public void StatesTheCheckpointOnEveryRowGivenFunnelCsv()
    {
        var funnel = new ShownFunnel("2024-25", FigureSources.Live, false, [], [], []) { Checkpoint = Checkpoint };

        var lines = ReportDocuments.FunnelCsv(ReportDocuments.Funnel(funnel)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        lines[0].ShouldEndWith(",ConditionalCi95Upper,CheckpointTreeSize,CheckpointRoot,ComputedAgainst");
        ReportDocuments.Funnel(funnel).Checkpoint.ShouldNotBeNull().RootHex.ShouldBe(Root);
    }
}
