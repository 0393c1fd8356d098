using System.Globalization;
using JustCulture.TestSupport;

namespace JustCulture.Cli.Tests;

[Collection(PostgresFixture.Collection)]
public sealed class PostgresCliTests(PostgresFixture postgres)
{
    [PostgresFact]
    public async Task StartsFormalInvestigationWithIntactLogGivenWalkOnPostgres()
    {
        using var cli = new CliSession("postgres:" + await postgres.CreateDatabaseAsync("cli"));
        await cli.SeedSmallTrustAsync();
        var concernId = await cli.OpenConcernAsync();
        await cli.AnswerChecklistAsync(concernId, SmallTrust.PathTo('G'));
        await cli.AnswerNextAsync(concernId, SmallTrust.Reviewer, "InformalResolution", "--rationale", "Informal first.");
        await cli.AnswerNextAsync(concernId, SmallTrust.Reviewer, "NotResolved", "--rationale", "Behaviour repeated.");
        await cli.AnswerNextAsync(concernId, SmallTrust.OtherReviewer, "FormalInvestigation",
            "--rationale", "Repeated after informal resolution.", "--informal-not-appropriate", "Informal resolution was tried and failed.");

        var concern = await cli.ShowConcernAsync(concernId);
        var verify = await cli.RunAsync("log", "verify");
        var exported = await cli.RunAsync("log", "export", "--out", cli.PathFor("log.jsonl"));

        concern.GetProperty("status").GetString().ShouldBe("FormalInvestigation");
        concern.GetProperty("actions")[0].GetProperty("route").GetString().ShouldBe("FormalInvestigation");
        verify.ExitCode.ShouldBe(ExitCodes.Ok, verify.ToString());
        exported.ExitCode.ShouldBe(ExitCodes.Ok, exported.ToString());
        var entries = long.Parse(verify.Stdout.Split("Log intact: ")[1].Split(' ')[0], CultureInfo.InvariantCulture);
        // A header line carrying the signed checkpoint, then one line per entry.
        (await File.ReadAllLinesAsync(cli.PathFor("log.jsonl"))).Length.ShouldBe((int)entries + 1);
        cli.CheckpointFiles().ShouldNotBeEmpty();
        var duplicate = await cli.RunAsync("user", "add", SmallTrust.Reviewer, "--name", "Again", "--role", "CommissioningManager");
        duplicate.ExitCode.ShouldBe(ExitCodes.Conflict, duplicate.ToString());
    }
}
