using JustCulture.Domain.Reporting;
using JustCulture.TestSupport;

namespace JustCulture.Cli.Tests;

/// <summary>
/// <c>report indicator3 --from-export</c>: an auditor with a log export and the staff files, and no database,
/// gets exactly the live figures; a tampered export is refused.
/// </summary>
public sealed class OfflineReportTests : IAsyncLifetime, IDisposable
{
    private readonly CliSession _cli = new();
    private static readonly string Year = ReportCommandTests.CurrentYear;
    private static readonly string PreviousYear = ReportingYear.Parse(Year).Previous.ToString();
    private string _staff = string.Empty;
    private string _export = string.Empty;

    public async Task InitializeAsync()
    {
        await _cli.SeedSmallTrustAsync();
        _staff = _cli.PathFor("small-trust.csv");
        await _cli.RunOkAsync("staff", "import", _staff, "--year", PreviousYear);
        await _cli.RunOkAsync("staff", "import", _staff, "--year", Year);
        await ReportCommandTests.FormalAsync(_cli, "S001");
        await ReportCommandTests.FormalAsync(_cli, "S002");
        await ReportCommandTests.FormalAsync(_cli, "S002");
        await ReportCommandTests.FormalAsync(_cli, "S004");
        _export = _cli.PathFor("log.jsonl");
        await _cli.RunOkAsync("log", "export", "--out", _export);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _cli.Dispose();

    /// <summary>
    /// Offline runs get a database that does not exist (proof that no database is used) and the log's public key,
    /// as an auditor would be given it.
    /// </summary>
    private Task<CliResult> OfflineAsync(params string[] args) =>
        CliSession.RunRawAsync(["--database", "sqlite:/nonexistent/never-created.db", "report", "indicator3", "--public-key", _cli.PublicKeyPath, .. args]);

    [Theory]
    [InlineData("single", "json")]
    [InlineData("single", "csv")]
    [InlineData("single", "text")]
    [InlineData("rolling", "json")]
    public async Task GivesExactlyTheLiveFiguresGivenExportAndStaffFiles(string basis, string format)
    {
        var live = await _cli.RunOkAsync("report", "indicator3", "--year", Year, "--basis", basis, "--format", format);
        string[] staff = basis == "rolling" ? ["--staff", _staff, "--staff", _staff] : ["--staff", _staff];

        var offline = await OfflineAsync(["--from-export", _export, .. staff, "--year", Year, "--basis", basis, "--format", format]);

        offline.ExitCode.ShouldBe(ExitCodes.Ok, offline.ToString());
        offline.Stderr.ShouldContain("log.jsonl: verified against its signed checkpoint of ");
        // Identical except where the figures came from: the same signed checkpoint, read from the store or carried by the export.
        var storeFile = Path.GetFileName(_cli.CheckpointFiles()[^1]);
        offline.Stdout.Replace("export (recomputed offline from a decision-log export)", "live (recomputed from the decision log)", StringComparison.Ordinal)
            .ShouldBe(live.Replace(storeFile, "log.jsonl", StringComparison.Ordinal));
        if (format == "json")
        {
            // S001 White; S002 (twice) BME, once; S004 not stated.
            live.ShouldContain("\"entering\": 1");
        }
    }

    [Fact]
    public async Task RefusesNamingFirstBadEntryGivenOneEditedLine()
    {
        var lines = await File.ReadAllLinesAsync(_export);
        var index = Array.FindIndex(lines, l => l.Contains("\"FormalInvestigationStarted\"", StringComparison.Ordinal) && l.Contains("\"S002\"", StringComparison.Ordinal));
        // Move the BME investigation out of the year: the time is hashed, so the checkpoint's root no longer matches.
        var entry = System.Text.Json.Nodes.JsonNode.Parse(lines[index])!.AsObject();
        entry["occurredAtUtc"] = "2023-06-01T09:00:00.000000Z";
        lines[index] = entry.ToJsonString();
        var tampered = _cli.PathFor("tampered.jsonl");
        await File.WriteAllLinesAsync(tampered, lines);

        var result = await OfflineAsync("--from-export", tampered, "--staff", _staff, "--year", Year, "--format", "json");

        result.ExitCode.ShouldBe(ExitCodes.Failed, result.ToString());
        result.Stdout.ShouldBeEmpty();
        // The signed root shows that an entry changed, not which: a kept checkpoint narrows it (LogCommandTests).
        result.Stderr.ShouldContain("EXPORT TAMPERED: tampered.jsonl: its entries do not give the root its checkpoint signed: the export was rewritten");
    }

    [Fact]
    public async Task RefusesGivenExportThatIsNotJsonLines()
    {
        var broken = _cli.WriteFile("broken.jsonl", "not json\n");

        var result = await OfflineAsync("--from-export", broken, "--staff", _staff, "--year", Year);

        result.ExitCode.ShouldBe(ExitCodes.Invalid, result.ToString());
        result.Stderr.ShouldContain("broken.jsonl line 1: not an export header (");
    }

    [Fact]
    public async Task RefusesGivenNoStaffFile()
    {
        var result = await OfflineAsync("--from-export", _export, "--year", Year);

        result.ExitCode.ShouldBe(ExitCodes.Invalid, result.ToString());
        result.Stderr.ShouldContain("--from-export needs the staff file");
    }

    [Fact]
    public async Task RefusesGivenRollingWithOneStaffFile()
    {
        var result = await OfflineAsync("--from-export", _export, "--staff", _staff, "--year", Year, "--basis", "rolling");

        result.ExitCode.ShouldBe(ExitCodes.Invalid, result.ToString());
        result.Stderr.ShouldContain("--basis rolling needs two --staff files");
    }

    [Fact]
    public async Task RefusesNamingLineAndFieldGivenBadStaffFile()
    {
        var bad = _cli.WriteFile("bad-staff.csv", SmallTrust.Csv.Replace("S002,Staff Two,\"N Black or Black British - African\"", "S002,Staff Two,Q9", StringComparison.Ordinal));

        var result = await OfflineAsync("--from-export", _export, "--staff", bad, "--year", Year);

        result.ExitCode.ShouldBe(ExitCodes.Invalid, result.ToString());
        result.Stderr.ShouldContain("bad-staff.csv line 6, field EthnicCode");
    }
}
