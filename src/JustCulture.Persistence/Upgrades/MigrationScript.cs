using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace JustCulture.Persistence.Upgrades;

/// <summary>
/// The SQL of a provider's migrations, for a DBA to review or run by hand, made from the model alone: no database is
/// opened. A new provider is one more line in <see cref="Providers"/>.
/// </summary>
public static class MigrationScript
{
    /// <summary>Provider name (as <c>db script --provider</c> takes it) → a location of that provider that is never connected to.</summary>
    public static IReadOnlyDictionary<string, string> Providers { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["postgres"] = "postgres:Host=localhost;Database=script_only",
        ["sqlite"] = "sqlite:script-only.db",
        ["sqlserver"] = "sqlserver:Server=script-only;Database=script_only;Integrated Security=True",
    };

    /// <summary>Every migration from an empty database (or after <paramref name="fromMigration"/>) to the newest.</summary>
    /// <param name="idempotent">Each migration runs only if its id is not yet in the history, so the script may be run on a database at any version.</param>
    public static string Generate(string provider, bool idempotent = false, string? fromMigration = null)
    {
        if (!Providers.TryGetValue(provider ?? string.Empty, out var location))
        {
            throw new FormatException($"'{provider}' is not a provider: use {string.Join(", ", Providers.Keys.SkipLast(1))} or {Providers.Keys.Last()}.");
        }

        using var db = DatabaseLocation.Parse(location).CreateContext();
        if (fromMigration is not null && !db.Database.GetMigrations().Contains(fromMigration, StringComparer.Ordinal))
        {
            throw new FormatException($"'{fromMigration}' is not one of the {provider} migrations: {string.Join(", ", db.Database.GetMigrations())}.");
        }

        return db.GetService<IMigrator>().GenerateScript(fromMigration, toMigration: null,
            idempotent ? MigrationsSqlGenerationOptions.Idempotent : MigrationsSqlGenerationOptions.Default);
    }
}
