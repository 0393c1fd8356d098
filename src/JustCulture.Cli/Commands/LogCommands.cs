using System.CommandLine;
using JustCulture.Application.Log;
using JustCulture.Domain;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.DecisionLog.Checkpoints;

namespace JustCulture.Cli.Commands;

/// <summary>
/// The decision log: check it, checkpoint it, export it, prove entries and growth, and let a witness cosign
/// (docs/log-format.md). Exit 0 = verified, 1 = the log or an export fails verification, 2 = bad input.
/// </summary>
internal static class LogCommands
{
    public static Command Build() => new("log", "The append-only, signed decision log")
    {
        BuildVerify(), BuildCheckpoint(), BuildExport(), BuildProve(), BuildConsistency(), BuildWitness(),
    };

    private static Command BuildVerify()
    {
        var verify = new Command("verify", "Check every entry, its seal and the tree against every signed checkpoint; exit 0 only when the log is intact");
        verify.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var result = await cli.Get<VerifyLogHandler>().HandleAsync(ct);
            if (result.IsIntact)
            {
                var checkpoint = LogCheckpointSummary.Of(result.Checkpoint);
                await cli.Out.WriteLineAsync($"Log intact: {result.EntriesChecked:N0} entries, root {result.RootHex}"
                    + (result.Waiting > 0 ? $", {result.Waiting} waiting to be integrated" : string.Empty) + ".");
                await cli.Out.WriteLineAsync(checkpoint is null
                    ? "No checkpoint yet: the log is empty."
                    : $"Consistent with {result.CheckpointsChecked:N0} signed checkpoint(s); newest: {checkpoint.Describe()}.");
                return ExitCodes.Ok;
            }

            await cli.Error.WriteLineAsync($"LOG TAMPERED: {result.Problem}");
            return ExitCodes.Failed;
        }));
        return verify;
    }

    private static Command BuildCheckpoint()
    {
        var checkpoint = new Command("checkpoint", "Integrate what is waiting and sign a checkpoint of the whole log into the checkpoint store");
        checkpoint.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var stored = await cli.Get<CheckpointLogHandler>().HandleAsync(ct);
            if (stored is null)
            {
                await cli.Out.WriteLineAsync("The log is empty: nothing to sign yet.");
                return ExitCodes.Ok;
            }

            var trust = cli.Get<DecisionLogTrust>();
            await cli.Out.WriteLineAsync($"Checkpoint {stored.FilePath}: {LogCheckpointSummary.Of(stored)!.Describe()}.");
            await cli.Out.WriteLineAsync($"Public key: {trust.PublicKeyPath} (fingerprint {trust.PublicKey.Fingerprint}). Keep both; they are what an auditor checks with.");
            return ExitCodes.Ok;
        }));
        return checkpoint;
    }

    private static Command BuildExport()
    {
        var output = new Option<FileInfo?>("--out") { Description = "File to write (default: standard output)" };
        var export = new Command("export", "Write a header with a freshly signed checkpoint, then every entry it covers, as JSON lines") { output };
        export.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var handler = cli.Get<ExportLogHandler>();
            if (cli.Value(output) is not { } file)
            {
                await handler.HandleAsync(cli.Out, ct);
                return ExitCodes.Ok;
            }

            // Written beside the target and moved into place, so a failed export never leaves half a file.
            var partial = file.FullName + ".partial";
            long count;
            await using (var writer = new StreamWriter(partial))
            {
                count = await handler.HandleAsync(writer, ct);
            }

            File.Move(partial, file.FullName, overwrite: true);
            await cli.Out.WriteLineAsync($"Exported {count:N0} entries with their signed checkpoint to {file.FullName}.");
            return ExitCodes.Ok;
        }));
        return export;
    }

    private static Command BuildProve()
    {
        var sequence = new Argument<long?>("entry") { Description = "The entry's sequence number (as the log page shows it)", Arity = ArgumentArity.ZeroOrOne };
        var concern = new Option<Guid?>("--concern") { Description = "Instead: every entry of this concern (its id), one proof file each, into --out" };
        var output = new Option<FileInfo?>("--out") { Description = "File to write (a folder with --concern; default: standard output)" };
        var prove = new Command("prove", "An inclusion proof a person can check against a signed checkpoint with the public key alone (tools/verify_log.py proof)")
        {
            sequence, concern, output,
        };
        prove.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var handler = cli.Get<ProveEntryHandler>();
            if (cli.Value(concern) is { } concernId)
            {
                if (cli.Value(sequence) is not null || cli.Value(output) is not { } folder)
                {
                    throw new FormatException("--concern takes no entry number and needs --out <folder> for the proof files.");
                }

                var proofs = await handler.ForConcernAsync(concernId, ct);
                Directory.CreateDirectory(folder.FullName);
                foreach (var proof in proofs)
                {
                    await File.WriteAllTextAsync(Path.Combine(folder.FullName, $"entry-{proof.Sequence}.proof.json"), DecisionLogProofs.ToJson(proof), ct);
                }

                await cli.Out.WriteLineAsync($"Wrote {proofs.Count} proof(s) for concern {concernId} to {folder.FullName}, all against the checkpoint of {proofs[0].TreeSize:N0} entries.");
                return ExitCodes.Ok;
            }

            if (cli.Value(sequence) is not { } entry)
            {
                throw new FormatException("Give the entry's sequence number, or --concern <id> --out <folder>.");
            }

            var json = DecisionLogProofs.ToJson(await handler.HandleAsync(entry, ct));
            await WriteAsync(cli, cli.Value(output), json, ct);
            return ExitCodes.Ok;
        }));
        return prove;
    }

    private static Command BuildConsistency()
    {
        var oldSize = new Argument<long>("old") { Description = "The older size (e.g. the size of a checkpoint you kept)" };
        var newSize = new Argument<long>("new") { Description = "The newer size" };
        var output = new Option<FileInfo?>("--out") { Description = "File to write (default: standard output)" };
        var consistency = new Command("consistency", "A consistency proof that the log of size <new> only added entries to the log of size <old>")
        {
            oldSize, newSize, output,
        };
        consistency.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var proof = await cli.Get<ProveConsistencyHandler>().HandleAsync(cli.Value(oldSize), cli.Value(newSize), ct);
            await WriteAsync(cli, cli.Value(output), DecisionLogProofs.ToJson(proof), ct);
            return ExitCodes.Ok;
        }));
        return consistency;
    }

    private static Command BuildWitness()
    {
        var key = new Option<FileInfo>("--key") { Description = "The witness's own private key (PEM); never the log's", Required = true };
        var name = new Option<string>("--name") { Description = "The witness's name, as the verifying side configures it (e.g. internal-audit)", Required = true };
        var witness = new Command("witness", "Cosign the newest checkpoint as an independent witness, after checking it is signed by the log and extends the last one this witness cosigned")
        {
            key, name,
        };
        witness.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var result = await cli.Get<WitnessCheckpointHandler>().HandleAsync(cli.Value(key).FullName, cli.Value(name), ct);
            await cli.Out.WriteLineAsync(result.AlreadyCosigned
                ? $"{result.Checkpoint.FilePath} is already cosigned by {cli.Value(name)}."
                : $"Cosigned {result.Checkpoint.FilePath} ({result.Checkpoint.Checkpoint.Size:N0} entries) as {cli.Value(name)}"
                  + (result.PreviousSize is { } previous ? $", after checking it extends the checkpoint of {previous:N0} entries it last cosigned." : "; the first it has cosigned."));
            return ExitCodes.Ok;
        }));
        return witness;
    }

    private static async Task WriteAsync(CliContext cli, FileInfo? file, string text, CancellationToken ct)
    {
        if (file is null)
        {
            await cli.Out.WriteLineAsync(text);
            return;
        }

        await File.WriteAllTextAsync(file.FullName, text + Environment.NewLine, ct);
        await cli.Out.WriteLineAsync($"Wrote {file.FullName}.");
    }
}
