using System.Text.Json;

namespace JustCulture.Cli.Tests;

public sealed class HistoryImportCommandTests : IDisposable
{
    private readonly CliSession _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task ImportsAndReportsLabelledImportedGivenGoodFile()
    {
        await _cli.RunOkAsync("db", "migrate");
        var file = _cli.WriteFile("history.csv", "Year,Group,Entering,Headcount\n2019-20,White,12,2400\n2019-20,BME,9,800\n2019-20,NotStated,0,60\n");

        var stdout = await _cli.RunOkAsync("history", "import", file);
        var report = await _cli.RunOkAsync("report", "indicator3", "--year", "2019-20");
        var json = await _cli.RunOkAsync("report", "indicator3", "--year", "2019-20", "--format", "json");

        stdout.ShouldContain("Imported 3 history rows for 2019-20; they are labelled \"imported\" wherever shown.");
        report.ShouldContain("Source: imported (published totals from before adoption)");
        using var document = JsonDocument.Parse(json);
        // (9/800) ÷ (12/2400) = 0.01125 ÷ 0.005 = 2.25.
        document.RootElement.GetProperty("relativeLikelihood").GetDouble().ShouldBe(2.25);
        document.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString())
            .ShouldContain("2019-20 figures are imported totals from before adoption (labelled \"imported\"): they cannot be recomputed from the decision log.");
    }

    [Fact]
    public async Task PrintsEveryOrganisationWithTheTrustHighlightedGivenImportedOrganisations()
    {
        await _cli.RunOkAsync("db", "migrate");
        var file = _cli.WriteFile("organisations.csv", "Organisation,Year,Group,Entering,Headcount\n"
            + "North Trust,2019-20,BME,9,750\nNorth Trust,2019-20,White,17,2500\nSouth Trust,2019-20,BME,2,136\nSouth Trust,2019-20,White,5,1480\n");
        await _cli.RunOkAsync("history", "import", file);

        var text = await _cli.RunOkAsync("report", "organisations", "--year", "2019-20", "--highlight", "South Trust");
        var csv = await _cli.RunOkAsync("report", "organisations", "--year", "2019-20", "--highlight", "South Trust", "--format", "csv");
        var json = JsonDocument.Parse(await _cli.RunOkAsync("report", "organisations", "--year", "2019-20", "--format", "json")).RootElement;

        text.ShouldContain("South Trust (this trust): BME 2 of 136, white 5 of 1480, RL 4.35");
        text.ShouldContain("North Trust: BME 9 of 750, white 17 of 2500, RL 1.76");
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(3, "a header and one row per organisation");
        // Without --highlight the trust's own figure (none in this empty log) is added as a third point.
        json.GetProperty("organisations").EnumerateArray().Select(o => o.GetProperty("organisation").GetString()).ShouldBe(["North Trust", "South Trust", "This trust"]);
    }

    [Fact]
    public async Task ListsBadRowsAndImportsNothingGivenBadFile()
    {
        await _cli.RunOkAsync("db", "migrate");
        var file = _cli.WriteFile("history.csv", "Year,Group,Entering,Headcount\n2019-20,White,12,2400\n2019-20,Black,9,800\n2019-20,BME,-1,800\n");

        var result = await _cli.RunAsync("history", "import", file);

        result.ExitCode.ShouldBe(ExitCodes.Invalid, result.ToString());
        result.Stderr.ShouldContain("history.csv: ");
        result.Stderr.ShouldContain("nothing was imported");
        result.Stderr.ShouldContain("history.csv line 3, field Group: 'Black' is not a group; use White, BME or NotStated");
        result.Stderr.ShouldContain("history.csv line 4, field Entering: -1 is negative; a count of staff is 0 or more");
        var report = await _cli.RunOkAsync("report", "indicator3", "--year", "2019-20");
        report.ShouldNotContain("imported");
    }

    [Fact]
    public async Task RefusesGivenMissingFile()
    {
        var result = await _cli.RunAsync("history", "import", _cli.PathFor("nope.csv"));

        result.ExitCode.ShouldBe(ExitCodes.Invalid, result.ToString());
        result.Stderr.ShouldContain("nope.csv: file not found");
    }
}
