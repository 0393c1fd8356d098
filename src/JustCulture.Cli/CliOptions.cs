using System.CommandLine;
using JustCulture.Persistence;

namespace JustCulture.Cli;

/// <summary>Options every verb understands.</summary>
internal static class CliOptions
{
    public static readonly Option<string> Database = new("--database")
    {
        Description = "sqlite:<path> (default sqlite:justculture.db), \"postgres:<connection string>\" or \"sqlserver:<connection string>\"",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("JUSTCULTURE_DATABASE") ?? DatabaseLocation.Default,
    };

    public static readonly Option<string?> SigningKey = new("--signing-key")
    {
        Description = "The decision log's signing key, a PEM file outside the database (default beside a SQLite file; env JUSTCULTURE_SIGNING_KEY)",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("JUSTCULTURE_SIGNING_KEY"),
    };

    public static readonly Option<string?> Checkpoints = new("--checkpoints")
    {
        Description = "The folder of signed checkpoints, outside the database (default beside a SQLite file; env JUSTCULTURE_CHECKPOINTS)",
        Recursive = true,
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("JUSTCULTURE_CHECKPOINTS"),
    };

    public static readonly Option<string[]> Witnesses = new("--witness")
    {
        Description = "NAME=public-key.pem of a witness whose cosignature verification requires (repeatable; env JUSTCULTURE_WITNESSES, ';'-separated)",
        Recursive = true,
        DefaultValueFactory = _ => (Environment.GetEnvironmentVariable("JUSTCULTURE_WITNESSES") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
    };

    /// <summary>No default here: the retention commands tell whether the option, the environment or the default gave the period.</summary>
    public static readonly Option<string?> RetentionYears = new("--retention-years")
    {
        Description = "How many whole years (1-100) a person's closed cases are kept after the last decision on any of them (default 6; env JUSTCULTURE_RETENTION_YEARS)",
        Recursive = true,
    };

    public static readonly Option<string?> Workflows = new("--workflows")
    {
        Description = "Folder of workflow definitions (default: the definitions shipped with the program)",
        Recursive = true,
    };

    /// <summary>Only text or json: anything else is refused rather than silently printed as text.</summary>
    public static Option<string> Format()
    {
        var format = new Option<string>("--format")
        {
            Description = "text or json",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        return format;
    }
}
