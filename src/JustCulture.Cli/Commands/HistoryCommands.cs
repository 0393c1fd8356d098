using System.CommandLine;
using JustCulture.Application.History;

namespace JustCulture.Cli.Commands;

internal static class HistoryCommands
{
    public static Command Build()
    {
        var file = new Argument<FileInfo>("file") { Description = $"CSV with header {HistoryCsvParser.Header}; Group is White, BME or NotStated" };
        var import = new Command("import", "Import published indicator-3 totals for years before adoption (shown as \"imported\"; all or nothing)") { file };
        import.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var path = cli.Value(file);
            if (!path.Exists)
            {
                throw new FileNotFoundException($"{path.FullName}: file not found");
            }

            using var reader = path.OpenText();
            var result = await cli.Get<ImportHistoryHandler>().HandleAsync(new ImportHistoryCommand(reader, path.Name, CliActor.Operator), ct);
            await cli.Out.WriteLineAsync($"Imported {result.Rows} history rows for {string.Join(", ", result.Years)}; they are labelled \"imported\" wherever shown.");
            return ExitCodes.Ok;
        }));
        return new Command("history", "Indicator-3 history from before adoption") { import };
    }
}
