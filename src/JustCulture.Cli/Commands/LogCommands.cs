using System.CommandLine;
using JustCulture.Application.Log;

namespace JustCulture.Cli.Commands;

internal static class LogCommands
{
    public static Command Build() => new("log", "The append-only decision log") { BuildVerify(), BuildExport() };

    private static Command BuildVerify()
    {
        var verify = new Command("verify", "Check the hash chain; exit code 0 only when the log is intact");
        verify.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var result = await cli.Get<VerifyLogHandler>().HandleAsync(ct);
            if (result.IsIntact)
            {
                await cli.Out.WriteLineAsync($"Log intact: {result.EntriesChecked} entries, last entry {result.LastSequence}, head hash {result.HeadHash}.");
                return ExitCodes.Ok;
            }

            await cli.Error.WriteLineAsync($"LOG TAMPERED: first bad entry {result.FirstBadSequence}: {result.Problem}");
            return ExitCodes.Failed;
        }));
        return verify;
    }

    private static Command BuildExport()
    {
        var output = new Option<FileInfo?>("--out") { Description = "File to write (default: standard output)" };
        var export = new Command("export", "Write every entry as JSON lines, one object per entry") { output };
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
            await cli.Out.WriteLineAsync($"Exported {count} entries to {file.FullName}.");
            return ExitCodes.Ok;
        }));
        return export;
    }
}
