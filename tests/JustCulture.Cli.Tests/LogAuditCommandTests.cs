using System.Text.Json;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.DecisionLog.Checkpoints;
using JustCulture.Persistence.DecisionLog.Merkle;

namespace JustCulture.Cli.Tests;

/// <summary>
/// What an auditor takes away and checks without the database: an export recomputed offline against the public
/// key and the checkpoints they kept, inclusion and consistency proofs, and a witness's cosignature.
/// </summary>
public sealed class LogAuditCommandTests : IAsyncLifetime, IDisposable
{
    private readonly LogSession _log = new();
    private CliSession Cli => _log.Cli;

    public Task InitializeAsync() => _log.SeedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _log.Dispose();

    /// <summary>The auditor's machine: no database (it does not exist), the export, the staff file and the public key.</summary>
    private Task<CliResult> OfflineIndicator3Async(string export, string publicKey, params string[] extra) =>
        CliSession.RunRawAsync(["--database", "sqlite:/nonexistent/never-created.db", "report", "indicator3", "--from-export", export,
            "--public-key", publicKey, "--staff", _log.StaffFile, "--year", LogSession.StaffYear, .. extra]);

    private async Task<string> ExportAsync(string name)
    {
        var file = Cli.PathFor(name);
        await Cli.RunOkAsync("log", "export", "--out", file);
        return file;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    [Fact]
    public async Task RecomputesOfflineGivenExportPublicKeyAndKeptCheckpoints()
    {
        var export = await ExportAsync("log.jsonl");
        var kept = Cli.PathFor("kept");
        CopyFolder(Cli.CheckpointDirectory, kept);

        var result = await OfflineIndicator3Async(export, Cli.PublicKeyPath, "--kept-checkpoints", kept);

        result.ExitCode.ShouldBe(ExitCodes.Ok, result.ToString());
        result.Stderr.ShouldContain($"log.jsonl: verified against its signed checkpoint of {await _log.EntryCountAsync()} entries");
        result.Stderr.ShouldContain($"consistent with the {Directory.GetFiles(kept).Length} checkpoint(s) you kept");
        result.Stdout.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task RefusesOfflineGivenExportCutShort()
    {
        var export = await ExportAsync("log.jsonl");
        var lines = await File.ReadAllLinesAsync(export);
        var cut = Cli.WriteFile("cut.jsonl", string.Join('\n', lines[..^1]) + "\n");

        var result = await OfflineIndicator3Async(cut, Cli.PublicKeyPath);

        result.ExitCode.ShouldBe(ExitCodes.Failed, result.ToString());
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldContain($"EXPORT TAMPERED: cut.jsonl holds {lines.Length - 2} entries but its signed checkpoint covers {lines.Length - 1}: the export was cut");
    }

    [Fact]
    public async Task RefusesOfflineGivenExportCheckedAgainstAnotherKey()
    {
        var export = await ExportAsync("log.jsonl");
        using (LogSigningKey.CreateFile(Cli.PathFor("other.pem")))
        {
        }

        var result = await OfflineIndicator3Async(export, Cli.PathFor("other.pub.pem"));

        result.ExitCode.ShouldBe(ExitCodes.Failed, result.ToString());
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldContain("EXPORT TAMPERED: log.jsonl: its checkpoint ");
    }

    [Fact]
    public async Task RefusesOfflineGivenOlderExportThanACheckpointKept()
    {
        var older = await ExportAsync("older.jsonl");
        await Cli.OpenConcernAsync("S002");
        var kept = Cli.PathFor("kept");
        CopyFolder(Cli.CheckpointDirectory, kept);

        var result = await OfflineIndicator3Async(older, Cli.PublicKeyPath, "--kept-checkpoints", kept);

        result.ExitCode.ShouldBe(ExitCodes.Failed, result.ToString());
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldContain("EXPORT TAMPERED: older.jsonl holds ");
        result.Stderr.ShouldContain("the export is from a rolled-back or cut log");
    }

    [Fact]
    public async Task RefusesOfflineGivenKeptCheckpointNotSignedByTheKey()
    {
        var export = await ExportAsync("log.jsonl");
        var kept = Cli.PathFor("kept");
        CopyFolder(Cli.CheckpointDirectory, kept);
        // The same checkpoint, signed by someone else's key instead of the log's.
        var oldest = _log.Verifier().Verify(await File.ReadAllTextAsync(Cli.CheckpointFiles()[0]), "kept").Checkpoint;
        using (var other = LogSigningKey.CreateFile(Cli.PathFor("other.pem")))
        {
            await File.WriteAllTextAsync(Path.Combine(kept, CheckpointStore.FileNameFor(oldest.Size)), other.SignCheckpoint(oldest));
        }

        var result = await OfflineIndicator3Async(export, Cli.PublicKeyPath, "--kept-checkpoints", kept);

        result.ExitCode.ShouldBe(ExitCodes.Failed, result.ToString());
        result.Stdout.ShouldBeEmpty();
        result.Stderr.ShouldContain($"KEPT CHECKPOINT NOT VERIFIED: {Path.Combine(kept, CheckpointStore.FileNameFor(oldest.Size))}");
    }

    [Fact]
    public async Task WritesAnInclusionProofThatVerifiesGivenEntryNumber()
    {
        var (_, sequence) = await _log.FirstAnswerAsync("No");
        var file = Cli.PathFor("entry.proof.json");

        var stdout = await Cli.RunOkAsync("log", "prove", sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", file);

        stdout.ShouldContain($"Wrote {file}.");
        var proof = JsonSerializer.Deserialize<InclusionProof>(await File.ReadAllTextAsync(file), DecisionLogStore.ExportJson)!;
        proof.Sequence.ShouldBe(sequence);
        proof.Entry.ShouldNotBeNull().Answer.ShouldBe("No");
        DecisionLogProofs.Check(proof, _log.Verifier(), file).ShouldBeNull();
        DecisionLogProofs.Check(proof with { Entry = proof.Entry! with { Answer = "Yes" } }, _log.Verifier(), file).ShouldNotBeNull();
    }

    [Fact]
    public async Task WritesOneVerifyingProofPerEntryOfTheConcernGivenConcern()
    {
        var folder = Cli.PathFor("proofs");
        var export = await File.ReadAllLinesAsync(await ExportAsync("log.jsonl"));
        var concernEntries = export.Skip(1).Count(l => l.Contains($"\"concernId\":\"{_log.ConcernId}\"", StringComparison.Ordinal));

        var stdout = await Cli.RunOkAsync("log", "prove", "--concern", _log.ConcernId.ToString(), "--out", folder);

        stdout.ShouldContain($"Wrote {concernEntries} proof(s) for concern {_log.ConcernId} to {folder}");
        var files = Directory.GetFiles(folder, "entry-*.proof.json");
        files.Length.ShouldBe(concernEntries);
        foreach (var file in files)
        {
            var proof = JsonSerializer.Deserialize<InclusionProof>(await File.ReadAllTextAsync(file), DecisionLogStore.ExportJson)!;
            proof.Entry.ShouldNotBeNull().ConcernId.ShouldBe(_log.ConcernId);
            DecisionLogProofs.Check(proof, _log.Verifier(), file).ShouldBeNull(file);
        }
    }

    [Fact]
    public async Task WritesAConsistencyProofBetweenTwoStoredCheckpointsGivenTheirSizes()
    {
        var files = Cli.CheckpointFiles();
        var older = _log.Verifier().Verify(await File.ReadAllTextAsync(files[0]), files[0]).Checkpoint;
        var newer = _log.Verifier().Verify(await File.ReadAllTextAsync(files[^1]), files[^1]).Checkpoint;
        older.Size.ShouldBeLessThan(newer.Size);
        var file = Cli.PathFor("consistency.json");

        await Cli.RunOkAsync("log", "consistency", older.Size.ToString(System.Globalization.CultureInfo.InvariantCulture),
            newer.Size.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", file);

        var proof = JsonSerializer.Deserialize<ConsistencyProof>(await File.ReadAllTextAsync(file), DecisionLogStore.ExportJson)!;
        proof.OldRoot.ShouldBe(Convert.ToBase64String(older.Root));
        proof.NewRoot.ShouldBe(Convert.ToBase64String(newer.Root));
        MerkleProofs.VerifyConsistency(older.Size, newer.Size, older.Root, newer.Root, proof.Path.Select(Convert.FromBase64String).ToList()).ShouldBeTrue();
    }

    [Fact]
    public async Task RequiresTheWitnessUntilItCosignsThenCosignsLaterCheckpointsAfterCheckingConsistency()
    {
        var witnessKey = Cli.PathFor("w.pem");
        using (WitnessKey.CreateFile(witnessKey, "internal-audit"))
        {
        }

        string[] requireWitness = ["--witness", $"internal-audit={Cli.PathFor("w.pub.pem")}"];
        var before = await Cli.RunAsync(["log", "verify", .. requireWitness]);
        var first = await Cli.RunOkAsync("log", "witness", "--key", witnessKey, "--name", "internal-audit");
        var after = await Cli.RunAsync(["log", "verify", .. requireWitness]);
        var again = await Cli.RunOkAsync("log", "witness", "--key", witnessKey, "--name", "internal-audit");
        var cosignedSize = await _log.EntryCountAsync();
        await Cli.OpenConcernAsync("S002");
        var later = await Cli.RunOkAsync("log", "witness", "--key", witnessKey, "--name", "internal-audit");

        before.ExitCode.ShouldBe(ExitCodes.Failed, before.ToString());
        before.Stderr.ShouldContain("is cosigned by internal-audit");
        first.ShouldContain("as internal-audit; the first it has cosigned.");
        after.ExitCode.ShouldBe(ExitCodes.Ok, after.ToString());
        again.ShouldContain("is already cosigned by internal-audit.");
        later.ShouldContain($"after checking it extends the checkpoint of {cosignedSize} entries it last cosigned.");
        var witnesses = new Dictionary<string, LogPublicKey> { ["internal-audit"] = LogPublicKey.Load(Cli.PathFor("w.pub.pem")) };
        _log.Verifier(witnesses).Verify(await File.ReadAllTextAsync(Cli.CheckpointFiles()[^1]), "newest").Witnesses.ShouldBe(["internal-audit"]);
    }

    [Fact]
    public async Task FailsWithExitTwoNamingTheFileGivenWitnessKeyThatIsNotAKey()
    {
        var garbage = Cli.WriteFile("w.pem", "garbage\n");

        var result = await Cli.RunAsync("log", "witness", "--key", garbage, "--name", "internal-audit");

        LogSession.ShouldBeBadInput(result, garbage);
    }
}
