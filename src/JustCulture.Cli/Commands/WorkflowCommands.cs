using System.CommandLine;
using JustCulture.Workflows;

namespace JustCulture.Cli.Commands;

// `justculture workflow check <file.json>… [--run]` and `justculture workflow export <file.json> --out <file.json>
// [--version N]`: for administrators, before a definition is deployed. Need no database: they only read and write files.
internal static class WorkflowCommands
{
    public static Command Build() => new("workflow", "Work with workflow definitions (Elsa 3 flowchart JSON)")
    {
        BuildCheck(),
        BuildExport(),
    };

    // Writes a definition in the exact shape Elsa 3.6's exporter writes. Never over an existing file: a definition
    // that cases have started on is pinned to its file's bytes, so a new version goes to a new file.
    private static Command BuildExport()
    {
        var file = new Argument<string>("file") { Description = "The definition file to write in Elsa's shape" };
        var output = new Option<string>("--out") { Description = "The file to write; must not exist yet", Required = true };
        var version = new Option<int?>("--version") { Description = "Write as this version (a new version also gets a new id); default: the file's" };
        var export = new Command("export", "Write a definition as Elsa 3.6's exporter writes it: same graph and inputs, Elsa's property order, lists as Object expressions. The written file is loaded again before it is kept") { file, output, version };
        export.SetAction(async (parse, ct) =>
        {
            var (stdout, stderr) = (parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            var source = parse.GetValue(file)!;
            var target = parse.GetValue(output)!;
            if (!File.Exists(source))
            {
                await stderr.WriteLineAsync($"{source}: no such file");
                return ExitCodes.NotFound;
            }

            if (File.Exists(target))
            {
                await stderr.WriteLineAsync($"{target}: already exists; a definition file is never overwritten (cases are pinned to its bytes) — choose a new file");
                return ExitCodes.Conflict;
            }

            if (parse.GetValue(version) is < 1)
            {
                await stderr.WriteLineAsync($"--version {parse.GetValue(version)}: expected a positive whole number");
                return ExitCodes.Invalid;
            }

            byte[] written;
            try
            {
                written = ElsaDefinitionWriter.Write(await File.ReadAllBytesAsync(source, ct), source, new ElsaWriteOptions { Version = parse.GetValue(version) });
            }
            catch (WorkflowDefinitionException ex)
            {
                await stderr.WriteLineAsync($"{source}: refused: {string.Join(" | ", ex.Errors)}");
                return ExitCodes.Invalid;
            }

            await File.WriteAllBytesAsync(target, written, ct);
            var definition = WorkflowDefinitionLoader.Parse(written, target);
            await stdout.WriteLineAsync($"{target}: written '{definition.DefinitionId}' v{definition.Version}, {definition.Activities.Count} activities, in Elsa {ElsaDefinitionWriter.ToolVersion} shape (sha256 {definition.Sha256})");
            return ExitCodes.Ok;
        });
        return export;
    }

    private static Command BuildCheck()
    {
        var files = new Argument<string[]>("file") { Description = "Definition files to check", Arity = ArgumentArity.OneOrMore };
        var run = new Option<bool>("--run") { Description = "Also run each from its start, with no database; timers fire at once" };
        var check = new Command("check", "Load and validate each definition, one line per file: loaded, or refused with the reason. Exit 0 only when all load (and, with --run, none fails)") { files, run };
        check.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var allLoaded = true;
            foreach (var file in parse.GetValue(files) ?? [])
            {
                WorkflowCheckResult result;
                if (!File.Exists(file))
                {
                    result = new WorkflowCheckResult(file, false, [$"{file}: no such file"], []);
                }
                else
                {
                    result = WorkflowCheck.Check(await File.ReadAllBytesAsync(file, ct), file, parse.GetValue(run));
                }

                // A run that fails (a script stopped at its limits, an expression that throws) fails the check too.
                allLoaded &= result.Loaded && result.Run?.Error is null;
                await output.WriteLineAsync(result.Summary);
            }

            return allLoaded ? ExitCodes.Ok : ExitCodes.Invalid;
        });
        return check;
    }
}
