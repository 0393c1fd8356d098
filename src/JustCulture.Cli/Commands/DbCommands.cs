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

        var role = new Argument<string>("role") { Description = "The role (PostgreSQL) or login or database user (SQL Server) the application connects as (it must exist and own nothing)" };
        var grant = new Command("grant-app-role", "PostgreSQL or SQL Server, run as the owner after every migrate: let the application's role read and write cases but only read and add to the decision log") { role };
        grant.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var db = cli.Get<Persistence.JustCultureDbContext>();
            if (db is Persistence.SqlServerJustCultureDbContext)
            {
                await Persistence.SqlServerAppLogin.GrantAsync(db, cli.Value(role), ct);
                await cli.Out.WriteLineAsync($"Granted {cli.Value(role)}: cases read and write; decision log entries, leaves and tree heads read and insert only (no UPDATE, DELETE, ALTER or TRUNCATE).");
                return ExitCodes.Ok;
            }

            await Persistence.PostgresAppRole.GrantAsync(db, cli.Value(role), ct);
            await cli.Out.WriteLineAsync($"Granted {cli.Value(role)}: cases read and write; decision log entries, leaves and tree heads read and insert only (no UPDATE, DELETE or TRUNCATE).");
            return ExitCodes.Ok;
        }));

        return new Command("db", "Database maintenance") { migrate, grant };
    }
}
