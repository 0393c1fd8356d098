using System.Globalization;
using JustCulture.TestSupport;

namespace JustCulture.Cli.Tests;

/// <summary>The log verbs on PostgreSQL, where the key and checkpoint store must be given: there is no file to put them beside.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class PostgresLogCommandTests(PostgresFixture postgres)
{
    [PostgresFact]
    public async Task CheckpointsVerifiesExportsAndProvesGivenKeyAndStoreOutsideTheDatabase()
    {
        using var log = new LogSession(new CliSession("postgres:" + await postgres.CreateDatabaseAsync("cli")));
        await log.SeedAsync();
        var cli = log.Cli;
        var export = cli.PathFor("log.jsonl");

        var checkpoint = await cli.RunOkAsync("log", "checkpoint");
        var verify = await cli.RunOkAsync("log", "verify");
        await cli.RunOkAsync("log", "export", "--out", export);
        var offline = await CliSession.RunRawAsync("report", "indicator3", "--from-export", export, "--public-key", cli.PublicKeyPath,
            "--kept-checkpoints", cli.CheckpointDirectory, "--staff", log.StaffFile, "--year", LogSession.StaffYear);
        var proof = await cli.RunOkAsync("log", "prove", "1");

        checkpoint.ShouldContain($"Checkpoint {cli.CheckpointFiles()[^1]}: ");
        checkpoint.ShouldContain($"Public key: {cli.PublicKeyPath}");
        var entries = (await File.ReadAllLinesAsync(export)).Length - 1;
        verify.ShouldContain(string.Create(CultureInfo.InvariantCulture, $"Log intact: {entries} entries"));
        offline.ExitCode.ShouldBe(ExitCodes.Ok, offline.ToString());
        var parsed = System.Text.Json.JsonSerializer.Deserialize<Persistence.DecisionLog.InclusionProof>(proof, Persistence.DecisionLog.DecisionLogStore.ExportJson)!;
        Persistence.DecisionLog.DecisionLogProofs.Check(parsed, log.Verifier(), "proof").ShouldBeNull();
    }

    [PostgresFact]
    public async Task RefusesAsBadInputGivenNoSigningKeyOrStoreOnPostgres()
    {
        using var cli = new CliSession("postgres:" + await postgres.CreateDatabaseAsync("cli"));
        await cli.RunOkAsync("db", "migrate");

        var result = await CliSession.RunRawAsync("--database", cli.Database, "log", "verify");

        LogSession.ShouldBeBadInput(result, "--signing-key and --checkpoints");
    }
}
