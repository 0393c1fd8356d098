using System.CommandLine;
using JustCulture.Application.Common;
using JustCulture.Persistence.Upgrades;

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

        return new Command("db", "Database maintenance") { migrate, grant, BuildScript() };
    }

    /// <summary>The migration SQL, made from the model alone (no connection), for a DBA to review or run.</summary>
    private static Command BuildScript()
    {
        var provider = new Option<string>("--provider") { Description = $"Whose SQL: {string.Join(", ", MigrationScript.Providers.Keys)}", Required = true };
        provider.AcceptOnlyFromAmong([.. MigrationScript.Providers.Keys]);
        var idempotent = new Option<bool>("--idempotent") { Description = "Each migration checks the history first, so the script can run on a database at any version" };
        var from = new Option<string?>("--from") { Description = "Only the migrations after this one (its id, as db migrate lists them)" };
        var output = new Option<FileInfo?>("--out") { Description = "File to write (default: standard output)" };
        var script = new Command("script", "Print the product schema's full migration SQL for a provider; connects to no database (the web app's sign-in tables: see src/JustCulture.Persistence/README.md)")
        {
            provider, idempotent, from, output,
        };
        script.SetAction(CliRunner.Run(async (cli, ct) =>
        {
            var sql = MigrationScript.Generate(cli.Value(provider), cli.Value(idempotent), cli.Value(from));
            if (cli.Value(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, sql, ct);
                await cli.Out.WriteLineAsync($"Wrote the {cli.Value(provider)} migration script to {file.FullName}.");
            }
            else
            {
                await cli.Out.WriteAsync(sql);
            }

            return ExitCodes.Ok;
        }));
        return script;
    }
}
