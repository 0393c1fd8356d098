using System.CommandLine;
using JustCulture.Application.Common;

namespace JustCulture.Cli.Commands;

internal static class DbCommands
{
    public static Command Build()
    {
        var migrate = new Command("migrate", "Create or upgrade the database schema");
        migrate.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var applied = await cli.Get<DatabaseMigrator>().MigrateAsync(ct);
            await cli.Out.WriteLineAsync(applied.Count == 0 ? "Database is up to date." : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
            return ExitCodes.Ok;
        }));

        return new Command("db", "Database maintenance") { migrate };
    }
}
