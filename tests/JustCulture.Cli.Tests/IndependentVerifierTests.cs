using System.Diagnostics;
using System.Globalization;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog.Checkpoints;
using JustCulture.Persistence.DecisionLog.PersonalData;
using JustCulture.TestSupport;

namespace JustCulture.Cli.Tests;

/// <summary>
/// <c>tools/verify_log.py</c>, the verifier an auditor runs without trusting the product, on what the product
/// really writes: exports, inclusion proofs, checkpoint files and consistency proofs — and refusing them with one
/// byte changed. Also runs the verifier's own unit tests, so CI runs them.
/// </summary>
public sealed class IndependentVerifierTests : IAsyncLifetime, IDisposable
{
    private readonly LogSession _log = new();
    private CliSession Cli => _log.Cli;

    public Task InitializeAsync() => _log.SeedAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _log.Dispose();

    private static async Task<CliResult> PythonAsync(params string[] args)
    {
        var start = new ProcessStartInfo("python3") { WorkingDirectory = RepositoryPaths.RepoRoot, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    private static Task<CliResult> VerifyAsync(params string[] args) => PythonAsync(["tools/verify_log.py", .. args]);

    /// <summary>A copy of <paramref name="file"/> with the first <paramref name="find"/> replaced by a text of the same length but one byte different.</summary>
    private string OneByteChanged(string file, string find, string replace)
    {
        find.Length.ShouldBe(replace.Length);
        var text = File.ReadAllText(file);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        at.ShouldBeGreaterThan(0, $"'{find}' not in {file}");
        return Cli.WriteFile("changed-" + Path.GetFileName(file), string.Concat(text.AsSpan(0, at), replace, text.AsSpan(at + find.Length)));
    }

    [ToolFact("python3")]
    public async Task VerifiesARealExportAndRefusesItWithOneByteChanged()
    {
        var export = Cli.PathFor("log.jsonl");
        await Cli.RunOkAsync("log", "export", "--out", export);

        var intact = await VerifyAsync("export", export, "--public-key", Cli.PublicKeyPath, "--checkpoint", Cli.CheckpointFiles()[0]);
        var changed = await VerifyAsync("export", OneByteChanged(export, "\"answer\":\"No\"", "\"answer\":\"Mo\""), "--public-key", Cli.PublicKeyPath);

        intact.ExitCode.ShouldBe(0, intact.ToString());
        intact.Stdout.ShouldStartWith("verified: ");
        var count = await _log.EntryCountAsync();
        intact.Stdout.ShouldContain(string.Create(CultureInfo.InvariantCulture, $"{count} entries"));
        changed.ExitCode.ShouldBe(1, changed.ToString());
        changed.Stderr.ShouldStartWith("NOT VERIFIED: ");
    }

    [ToolFact("python3")]
    public async Task VerifiesSealedExportAndProofWithTheSameRootGivenTheCaseKeyErased()
    {
        var (_, sequence) = await _log.FirstAnswerAsync("No");
        var before = Cli.PathFor("before.jsonl");
        var proof = Cli.PathFor("before.proof.json");
        await Cli.RunOkAsync("log", "export", "--out", before);
        await Cli.RunOkAsync("log", "prove", sequence.ToString(CultureInfo.InvariantCulture), "--out", proof);
        var sealedText = await File.ReadAllTextAsync(before);
        sealedText.ShouldStartWith("{\"format\":\"justculture-log-export/3\"");
        sealedText.ShouldContain("\"leafVersion\":2");
        sealedText.ShouldContain("\"subjectStaffRef\":\"pd1:");
        sealedText.ShouldContain("\"opened\":{\"subjectStaffRef\":\"S001\"");
        var verifiedBefore = await VerifyAsync("export", before, "--public-key", Cli.PublicKeyPath);
        verifiedBefore.ExitCode.ShouldBe(0, verifiedBefore.ToString());

        await using (var db = DatabaseLocation.Parse(Cli.Database).CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            (await CaseDataKeys.EraseAsync(db, [_log.ConcernId], DateTime.UtcNow)).ShouldBe(1);
            await transaction.CommitAsync();
        }

        var after = Cli.PathFor("after.jsonl");
        await Cli.RunOkAsync("log", "export", "--out", after);
        var erasedText = await File.ReadAllTextAsync(after);
        var verifiedAfter = await VerifyAsync("export", after, "--public-key", Cli.PublicKeyPath, "--checkpoint", Cli.CheckpointFiles()[^1]);
        var oldProof = await VerifyAsync("proof", proof, "--public-key", Cli.PublicKeyPath);

        verifiedAfter.ExitCode.ShouldBe(0, verifiedAfter.ToString());
        // Nothing hashed changed: the same entries give the same root, and the proof cut before erasure still holds.
        RootOf(verifiedAfter.Stdout).ShouldBe(RootOf(verifiedBefore.Stdout));
        oldProof.ExitCode.ShouldBe(0, oldProof.ToString());
        erasedText.ShouldContain("\"opened\":null");
        erasedText.ShouldNotContain("S001");
    }

    private static string RootOf(string verified) => verified[(verified.IndexOf(", root ", StringComparison.Ordinal) + 7)..].Split(',')[0];

    [ToolFact("python3")]
    public async Task VerifiesARealExportCosignedByAWitness()
    {
        using (WitnessKey.CreateFile(Cli.PathFor("w.pem"), "internal-audit"))
        {
        }

        await Cli.RunOkAsync("log", "witness", "--key", Cli.PathFor("w.pem"), "--name", "internal-audit");
        var export = Cli.PathFor("log.jsonl");
        await Cli.RunOkAsync("log", "export", "--out", export);

        var result = await VerifyAsync("export", export, "--public-key", Cli.PublicKeyPath, "--witness", $"internal-audit={Cli.PathFor("w.pub.pem")}");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldStartWith("verified: ");
    }

    [ToolFact("python3")]
    public async Task VerifiesARealInclusionProofAndRefusesItWithOneByteChanged()
    {
        var (_, sequence) = await _log.FirstAnswerAsync("No");
        var proof = Cli.PathFor("entry.proof.json");
        await Cli.RunOkAsync("log", "prove", sequence.ToString(CultureInfo.InvariantCulture), "--out", proof);

        var intact = await VerifyAsync("proof", proof, "--public-key", Cli.PublicKeyPath);
        var changed = await VerifyAsync("proof", OneByteChanged(proof, "\"answer\": \"No\"", "\"answer\": \"Mo\""), "--public-key", Cli.PublicKeyPath);

        intact.ExitCode.ShouldBe(0, intact.ToString());
        intact.Stdout.ShouldStartWith(string.Create(CultureInfo.InvariantCulture, $"verified: entry {sequence} "));
        changed.ExitCode.ShouldBe(1, changed.ToString());
        changed.Stderr.ShouldStartWith("NOT VERIFIED: ");
    }

    [ToolFact("python3")]
    public async Task VerifiesARealConsistencyProofBetweenTwoStoredCheckpoints()
    {
        var files = Cli.CheckpointFiles();
        var sizes = files.Select(f => _log.Verifier().Verify(File.ReadAllText(f), f).Checkpoint.Size.ToString(CultureInfo.InvariantCulture)).ToList();
        var proof = Cli.PathFor("consistency.json");
        await Cli.RunOkAsync("log", "consistency", sizes[0], sizes[^1], "--out", proof);

        var result = await VerifyAsync("consistency", proof, "--public-key", Cli.PublicKeyPath, "--old", files[0], "--new", files[^1]);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldStartWith("verified: ");
        result.Stdout.ShouldContain($"from {sizes[0]} to {sizes[^1]} entries");
    }

    [ToolFact("python3")]
    public async Task RefusesAsBadInputNamingTheFileGivenMalformedProof()
    {
        var proof = Cli.WriteFile("broken.proof.json", "{\"format\": \"justculture-inclusion-proof/1\", \"sequence\": ");

        var result = await VerifyAsync("proof", proof, "--public-key", Cli.PublicKeyPath);

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldStartWith("bad input: ");
        result.Stderr.ShouldContain("broken.proof.json");
        result.Stderr.ShouldNotContain("Traceback");
    }

    [ToolFact("python3", "openssl")]
    public async Task PassesItsOwnUnitTests()
    {
        var result = await PythonAsync("-m", "unittest", "discover", "-s", "tools");

        result.ExitCode.ShouldBe(0, result.ToString());
        // unittest reports on standard error: "Ran N tests" and "OK".
        result.Stderr.ShouldContain("OK");
        result.Stderr.ShouldNotContain("Ran 0 tests");
    }
}
