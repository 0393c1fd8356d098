using JustCulture.TestSupport;

namespace JustCulture.Cli.Tests;

[Collection(PostgresFixture.Collection)]
public sealed class PostgresReportTests(PostgresFixture postgres)
{
    [PostgresFact]
    public async Task GivesLiveFiguresOfflineGivenExportFromPostgres()
    {
        using var cli = new CliSession("postgres:" + await postgres.CreateDatabaseAsync("cli"));
        await cli.SeedSmallTrustAsync();
        var staff = cli.PathFor("small-trust.csv");
        var year = ReportCommandTests.CurrentYear;
        await cli.RunOkAsync("staff", "import", staff, "--year", year);
        await ReportCommandTests.FormalAsync(cli, "S001");
        await ReportCommandTests.FormalAsync(cli, "S003");
        await cli.RunOkAsync("log", "export", "--out", cli.PathFor("log.jsonl"));

        var live = await cli.RunOkAsync("report", "indicator3", "--year", year, "--format", "json");
        var offline = await CliSession.RunRawAsync("report", "indicator3", "--from-export", cli.PathFor("log.jsonl"), "--public-key", cli.PublicKeyPath, "--staff", staff, "--year", year, "--format", "json");

        offline.ExitCode.ShouldBe(ExitCodes.Ok, offline.ToString());
        // The same signed checkpoint, read from the store live and carried by the export offline.
        offline.Stdout.ShouldBe(live.Replace(Path.GetFileName(cli.CheckpointFiles()[^1]), "log.jsonl", StringComparison.Ordinal));
        // (1/4) ÷ (1/5) = 1.25
        live.ShouldContain("\"relativeLikelihood\": 1.25");
    }
}
