using System.Globalization;
using System.Text.Json;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.DecisionLog.Checkpoints;
using JustCulture.TestSupport;
using Microsoft.Data.Sqlite;

namespace JustCulture.Cli.Tests;

/// <summary>
/// The log verbs as an auditor uses them, on a fresh SQLite file whose key and checkpoints sit beside it:
/// verify, checkpoint and export, and what each says when the database was edited with the owner's rights.
/// </summary>
public sealed class LogCommandTests : IAsyncLifetime, IDisposable
{
    private readonly LogSession _log = new();
    private CliSession Cli => _log.Cli;

    public Task InitializeAsync() => _log.SeedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _log.Dispose();

    [Fact]
    public async Task ReportsIntactNamingTheCheckpointGivenUntouchedLog()
    {
        var count = await _log.EntryCountAsync();

        var result = await Cli.RunAsync("log", "verify");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Stdout.ShouldContain(string.Create(CultureInfo.InvariantCulture, $"Log intact: {count} entries, root "));
        result.Stdout.ShouldContain(string.Create(CultureInfo.InvariantCulture, $"newest: signed checkpoint of {count} entries"));
        result.Stdout.ShouldContain(CheckpointStore.FileNameFor(count));
        result.Stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task WritesCheckpointBesideTheDatabaseAndPrintsThePublicKeyGivenCheckpoint()
    {
        var count = await _log.EntryCountAsync();

        var result = await Cli.RunAsync("log", "checkpoint");

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.ToString());
        var file = Path.Combine(Cli.DatabaseFile + ".checkpoints", CheckpointStore.FileNameFor(count));
        File.Exists(file).ShouldBeTrue(result.ToString());
        result.Stdout.ShouldContain($"Checkpoint {file}: signed checkpoint of {count:N0} entries");
        var publicKey = LogPublicKey.Load(Cli.DatabaseFile + ".log-key.pub.pem");
        result.Stdout.ShouldContain($"Public key: {Cli.PublicKeyPath} (fingerprint {publicKey.Fingerprint})");
        new CheckpointVerifier(publicKey, DecisionLogSettings.DefaultOrigin, new Dictionary<string, LogPublicKey>())
            .Verify(await File.ReadAllTextAsync(file), file).IsAccepted.ShouldBeTrue();
    }

    [Fact]
    public async Task SaysNothingToSignGivenEmptyLog()
    {
        using var empty = new CliSession();
        await empty.RunOkAsync("db", "migrate");

        var stdout = await empty.RunOkAsync("log", "checkpoint");

        stdout.ShouldContain("The log is empty: nothing to sign yet.");
        empty.CheckpointFiles().ShouldBeEmpty();
    }

    [Fact]
    public async Task FailsNamingTheEntryGivenAnswerChangedInTheFile()
    {
        var (entryId, sequence) = await _log.FirstAnswerAsync("No");
        await _log.ExecuteAsync($"DROP TRIGGER decision_log_no_update; UPDATE decision_log SET answer = 'Yes' WHERE entry_id = {entryId};");

        var result = await Cli.RunAsync("log", "verify");

        result.ExitCode.ShouldBe(ExitCodes.Failed, result.ToString());
        result.Stderr.ShouldContain($"LOG TAMPERED: entry {sequence} was changed after it was written");
        result.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task FailsBehindTheCheckpointGivenTailDeletedWithOwnerRights()
    {
        var count = await _log.EntryCountAsync();
        await _log.DeleteTailAsync(2);

        var result = await Cli.RunAsync("log", "verify");

        result.ExitCode.ShouldBe(ExitCodes.Failed, result.ToString());
        result.Stderr.ShouldContain($"LOG TAMPERED: the log is behind the signed checkpoint {Path.Combine(Cli.CheckpointDirectory, CheckpointStore.FileNameFor(count))}: it has {count - 2} entries");
    }

    [Fact]
    public async Task RefusesUpdateGivenTriggerInPlace()
    {
        var (entryId, _) = await _log.FirstAnswerAsync("No");

        var attempt = await Should.ThrowAsync<SqliteException>(() => _log.ExecuteAsync($"UPDATE decision_log SET answer = 'Yes' WHERE entry_id = {entryId}"));

        attempt.Message.ShouldContain("append-only", Case.Insensitive);
        (await Cli.RunAsync("log", "verify")).ExitCode.ShouldBe(ExitCodes.Ok);
    }

    [Fact]
    public async Task WritesSignedHeaderThenOneObjectPerEntryGivenOutFile()
    {
        var file = Cli.PathFor("log.jsonl");
        var count = await _log.EntryCountAsync();

        var result = await Cli.RunAsync("log", "export", "--out", file);

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Stdout.ShouldContain($"Exported {count:N0} entries with their signed checkpoint to {file}.");
        File.Exists(file + ".partial").ShouldBeFalse();
        var lines = await File.ReadAllLinesAsync(file);
        lines.Length.ShouldBe(count + 1);
        using (var header = JsonDocument.Parse(lines[0]))
        {
            header.RootElement.GetProperty("format").GetString().ShouldBe("justculture-log-export/3");
            header.RootElement.GetProperty("treeSize").GetInt64().ShouldBe(count);
            _log.Verifier().Verify(header.RootElement.GetProperty("checkpoint").GetString()!, "header").IsAccepted.ShouldBeTrue();
        }

        string[] keys = ["sequence", "entryId", "eventType", "concernId", "workflowInstanceId", "subjectStaffRef", "definitionId", "definitionVersion",
            "activityId", "question", "answer", "rationale", "informalNotAppropriate", "actorId", "actorRole", "occurredAtUtc"];
        var sequences = new List<long>();
        foreach (var line in lines.Skip(1))
        {
            using var entry = JsonDocument.Parse(line);
            entry.RootElement.EnumerateObject().Select(p => p.Name).ShouldBe(keys);
            sequences.Add(entry.RootElement.GetProperty("sequence").GetInt64());
        }

        sequences.ShouldBe(Enumerable.Range(1, (int)count).Select(i => (long)i));
    }

    [Fact]
    public async Task WritesExportToStdoutGivenNoOutFile()
    {
        var count = await _log.EntryCountAsync();

        var stdout = await Cli.RunOkAsync("log", "export");

        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Length.ShouldBe(count + 1);
        lines[0].ShouldContain("\"format\":\"justculture-log-export/3\"");
        lines.ShouldAllBe(l => l.StartsWith('{') && l.EndsWith('}'));
        lines.ShouldContain(l => l.Contains(_log.ConcernId.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task FailsWithExitTwoNamingTheKeyGivenSigningKeyMissingWhileCheckpointsExist()
    {
        File.Delete(Cli.SigningKeyPath);

        var result = await Cli.RunAsync("log", "verify");

        LogSession.ShouldBeBadInput(result, Cli.SigningKeyPath);
        result.Stderr.ShouldContain("the log's signing key is missing");
        File.Exists(Cli.SigningKeyPath).ShouldBeFalse("a new key must not be made to continue a signed log");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("rsa")]
    public async Task FailsWithExitTwoNamingTheKeyGivenSigningKeyThatIsNotP256(string content)
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        await File.WriteAllTextAsync(Cli.SigningKeyPath, content == "rsa" ? rsa.ExportPkcs8PrivateKeyPem() : "not a key at all\n");

        var result = await Cli.RunAsync("log", "verify");

        LogSession.ShouldBeBadInput(result, Cli.SigningKeyPath);
    }

    /// <summary>
    /// A store file that is not a checkpoint at all carries no signature, so it is no evidence about the log either
    /// way: the check cannot be made, which is bad input to fix (2), not a verdict (1) — and not 0 either.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task FailsWithExitTwoNamingTheFileGivenMalformedCheckpointInTheStore(bool newest)
    {
        var files = Cli.CheckpointFiles();
        files.Count.ShouldBeGreaterThan(1);
        var file = newest ? files[^1] : files[0];
        await File.WriteAllTextAsync(file, "this is not a signed note\n");

        var verify = await Cli.RunAsync("log", "verify");
        var export = await Cli.RunAsync("log", "export", "--out", Cli.PathFor("log.jsonl"));

        LogSession.ShouldBeBadInput(verify, file);
        LogSession.ShouldBeBadInput(export, file);
    }

    [Fact]
    public async Task FailsWithExitTwoGivenWitnessWithoutEquals()
    {
        var result = await Cli.RunAsync("log", "verify", "--witness", "internal-audit");

        LogSession.ShouldBeBadInput(result, "--witness 'internal-audit' is not NAME=public-key.pem");
    }
}
