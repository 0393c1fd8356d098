using System.CommandLine;
using JustCulture.Application.Common;
using JustCulture.Application.Staff;

namespace JustCulture.Cli.Commands;

internal static class StaffCommands
{
    public static Command Build()
    {
        var file = new Argument<FileInfo>("file")
        {
            Description = "CSV with our header StaffRef,Name,EthnicCode,Band,StaffGroup,Directorate,StartDate,LineManagerRef or ESR's own headings (docs/staff-file.md)",
        };
        var year = new Option<string>("--year") { Description = "Reporting year of the headcount snapshot, YYYY-YY (as at 31 March)", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what the import would change (new, changed, leavers, WRES groups before and after) and write nothing" };
        var confirmDrop = new Option<bool>("--confirm-drop")
        {
            Description = $"The file is the whole workforce: needed when it has more than {StaffImportPreview.MaxDropPercentWithoutConfirmation}% fewer people than the year's current snapshot",
        };
        var import = new Command("import", "Import staff and make the file the reporting year's headcount snapshot, keeping the one it replaces (all or nothing)")
        {
            file, year, dryRun, confirmDrop,
        };
        import.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var path = cli.Value(file);
            if (!path.Exists)
            {
                throw new FileNotFoundException($"{path.FullName}: file not found");
            }

            if (cli.Value(dryRun))
            {
                var csv = await File.ReadAllTextAsync(path.FullName, ct);
                var preview = await cli.Get<PreviewStaffImportHandler>().HandleAsync(new PreviewStaffImportQuery(csv, path.Name, cli.Value(year)), ct);
                foreach (var line in StaffImportPreviewText.Lines(preview))
                {
                    await cli.Out.WriteLineAsync(line);
                }

                return ExitCodes.Ok;
            }

            try
            {
                // Read as it is parsed: a national file is not held in memory twice.
                using var reader = new StreamReader(path.FullName, detectEncodingFromByteOrderMarks: true);
                var result = await cli.Get<ImportStaffHandler>().HandleAsync(
                    new ImportStaffCommand(reader, path.Name, cli.Value(year), CliActor.Operator, WholeWorkforceConfirmed: cli.Value(confirmDrop)), ct);
                await cli.Out.WriteLineAsync($"Imported {result.Imported} staff for {result.Year} ({result.Added} new, {result.Updated} updated): {result.White} White, {result.Bme} BME, {result.NotStated} not stated.");
                if (result.ReplacedSnapshotId is not null)
                {
                    await cli.Out.WriteLineAsync($"The {result.Year} snapshot it replaces is kept in the snapshot history.");
                }

                return ExitCodes.Ok;
            }
            catch (UseCaseException refusal) when (refusal.FieldProblems.Any(p => p.Field == nameof(ImportStaffCommand.WholeWorkforceConfirmed)))
            {
                await cli.Error.WriteLineAsync($"error: {refusal.Message}");
                await cli.Error.WriteLineAsync("  Nothing was imported. If the file is the whole workforce, run again with --confirm-drop; --dry-run shows what it changes.");
                return ExitCodes.For(refusal.Error);
            }
        }));
        return new Command("staff", "Staff records and headcount snapshots") { import };
    }
}
