using System.CommandLine;
using JustCulture.Application.Staff;

namespace JustCulture.Cli.Commands;

internal static class StaffCommands
{
    public static Command Build()
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV with header StaffRef,Name,EthnicCode,Band,StaffGroup,Directorate,StartDate,LineManagerRef" };
        var year = new Option<string>("--year") { Description = "Reporting year of the headcount snapshot, YYYY-YY (as at 31 March)", Required = true };
        var import = new Command("import", "Import staff and record the headcount snapshot for a reporting year (all or nothing)") { file, year };
        import.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var path = cli.Value(file);
            if (!path.Exists)
            {
                throw new FileNotFoundException($"{path.FullName}: file not found");
            }

            using var reader = path.OpenText();
            var result = await cli.Get<ImportStaffHandler>().HandleAsync(new ImportStaffCommand(reader, path.Name, cli.Value(year), CliActor.Operator), ct);
            await cli.Out.WriteLineAsync($"Imported {result.Imported} staff for {result.Year} ({result.Added} new, {result.Updated} updated): {result.White} White, {result.Bme} BME, {result.NotStated} not stated.");
            return 0;
        }));
        return new Command("staff", "Staff records and headcount snapshots") { import };
    }
}
