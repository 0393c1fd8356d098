using System.CommandLine;
using JustCulture.Application.History;

namespace JustCulture.Cli.Commands;

internal static class HistoryCommands
{
    public static Command Build()
    {
        var file = new Argument<FileInfo>("file")
        {
            Description = $"CSV with header {HistoryCsvParser.Header} (this trust), or {OrganisationHistoryCsvParser.Header} (several organisations, for the funnel plot); Group is White, BME or NotStated",
        };
        var import = new Command("import", "Import published indicator-3 totals: this trust's years before adoption (shown as \"imported\"), or several organisations' figures (an Organisation column); all or nothing") { file };
        import.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var path = cli.Value(file);
            if (!path.Exists)
            {
                throw new FileNotFoundException($"{path.FullName}: file not found");
            }

            string? firstLine;
            using (var peek = path.OpenText())
            {
                firstLine = await peek.ReadLineAsync(ct);
            }

            using var reader = path.OpenText();
            if (OrganisationHistoryCsvParser.IsOrganisationFile(firstLine))
            {
                var organisations = await cli.Get<ImportOrganisationHistoryHandler>().HandleAsync(new ImportOrganisationHistoryCommand(reader, path.Name, CliActor.Operator), ct);
                await cli.Out.WriteLineAsync($"Imported {organisations.Rows} rows for {organisations.Organisations.Count} organisation(s) in {string.Join(", ", organisations.Years)}; auditors see them in the funnel plot.");
                return ExitCodes.Ok;
            }

            var result = await cli.Get<ImportHistoryHandler>().HandleAsync(new ImportHistoryCommand(reader, path.Name, CliActor.Operator), ct);
            await cli.Out.WriteLineAsync($"Imported {result.Rows} history rows for {string.Join(", ", result.Years)}; they are labelled \"imported\" wherever shown.");
            return ExitCodes.Ok;
        }));
        return new Command("history", "Indicator-3 history from before adoption") { import };
    }
}
