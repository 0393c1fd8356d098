using System.CommandLine;
using JustCulture.Workflows;

namespace JustCulture.Cli.Commands;

// `justculture workflow check <file.json>… [--run]`: for administrators, before a definition is deployed. Needs no
// database: it only reads the files.
internal static class WorkflowCommands
{
    public static Command Build() => new("workflow", "Work with workflow definitions (Elsa 3 flowchart JSON)")
    {
        BuildCheck(),
    };

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
