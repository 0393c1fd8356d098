using System.CommandLine;
using JustCulture.Cli.Commands;

namespace JustCulture.Cli;

/// <summary>The <c>justculture</c> command tree. Tests call <see cref="InvokeAsync"/> with their own writers.</summary>
public static class JustCultureCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("JustCulture: triage concerns about staff conduct the restorative just culture way, with a tamper-evident decision log.");
        root.Options.Add(CliOptions.Database);
        root.Options.Add(CliOptions.Workflows);
        root.Options.Add(CliOptions.SigningKey);
        root.Options.Add(CliOptions.Checkpoints);
        root.Options.Add(CliOptions.Witnesses);
        root.Options.Add(CliOptions.RetentionYears);
        root.Subcommands.Add(DbCommands.Build());
        root.Subcommands.Add(UserCommands.Build());
        root.Subcommands.Add(StaffCommands.Build());
        root.Subcommands.Add(ConcernCommands.Build());
        root.Subcommands.Add(TaskCommands.Build());
        root.Subcommands.Add(ClockCommands.Build());
        root.Subcommands.Add(LogCommands.Build());
        root.Subcommands.Add(HistoryCommands.Build());
        root.Subcommands.Add(ReportCommands.Build());
        root.Subcommands.Add(RetentionCommands.Build());
        root.Subcommands.Add(SubjectAccessCommands.Build());
        root.Subcommands.Add(DemoCommands.BuildSeed());
        root.Subcommands.Add(DemoCommands.BuildDemo());
        root.Subcommands.Add(WorkflowCommands.Build());
        root.Subcommands.Add(TimerCommands.Build());
        return root;
    }

    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var parseResult = Build().Parse(args);
        var exitCode = await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
        // System.CommandLine reports arguments it cannot parse with exit code 1, which this CLI reserves for a
        // broken log or an unexpected failure: a typo or a missing option is invalid input.
        return parseResult.Errors.Count > 0 ? ExitCodes.Invalid : exitCode;
    }
}
