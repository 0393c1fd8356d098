using System.CommandLine;
using JustCulture.Application.SubjectAccess;

namespace JustCulture.Cli.Commands;

internal static class SubjectAccessCommands
{
    public static Command Build()
    {
        var staffRef = new Option<string>("--staff-ref") { Description = "Staff ref of the person asking for their data", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "The HTML file to write (it prints well); an existing file is replaced", Required = true };
        var command = new Command("subject-access", "Write everything held about one person as the subject of concerns, for a subject access request (the export is logged)")
        {
            staffRef, output,
        };
        command.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var file = cli.Value(output);
            if (string.IsNullOrWhiteSpace(cli.Value(staffRef)))
            {
                await cli.Error.WriteLineAsync("error: --staff-ref is empty; give the staff ref of the person asking.");
                return ExitCodes.Invalid;
            }

            // Checked before the document is produced, because producing it is logged: an export that could not be
            // written should not be on the record as given.
            if (file.Directory is { Exists: false } folder)
            {
                await cli.Error.WriteLineAsync($"error: --out {file.FullName}: the folder {folder.FullName} does not exist.");
                return ExitCodes.Invalid;
            }

            if (Directory.Exists(file.FullName))
            {
                await cli.Error.WriteLineAsync($"error: --out {file.FullName} is a folder; give a file name.");
                return ExitCodes.Invalid;
            }

            var document = await cli.Get<SubjectAccessHandler>().HandleAsync(new SubjectAccessQuery(cli.Value(staffRef), new(CliActor.Operator.UserId, "Administrator")), ct);
            await File.WriteAllTextAsync(file.FullName, SubjectAccessHtml.Render(document), ct);
            await cli.Out.WriteLineAsync($"Wrote the subject access document for {document.StaffRef} ({document.Cases.Count} case(s)) to {file.FullName}.");
            return ExitCodes.Ok;
        }));
        return command;
    }
}
