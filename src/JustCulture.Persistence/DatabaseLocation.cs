using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace JustCulture.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Where the data lives: <c>sqlite:&lt;path&gt;</c> (the embedded default) or
/// <c>postgres:&lt;connection string&gt;</c>. Parsing it in one place keeps the CLI, the web app and
/// the tests choosing providers the same way.
/// </summary>
public sealed record DatabaseLocation(DatabaseProvider Provider, string ConnectionString)
{
    public const string Default = "sqlite:justculture.db";

    public static DatabaseLocation Parse(string? value)
    {
        var text = string.IsNullOrWhiteSpace(value) ? Default : value.Trim();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var scheme = colon < 0 ? string.Empty : text[..colon].ToLowerInvariant();
        var rest = colon < 0 ? string.Empty : text[(colon + 1)..].Trim();
        if (rest.Length == 0)
        {
            throw new FormatException($"Database '{text}' is not valid: use sqlite:<path> or \"postgres:<connection string>\".");
        }

        return scheme switch
        {
            "sqlite" => new DatabaseLocation(DatabaseProvider.Sqlite, SqliteConnectionString(rest)),
            "postgres" or "postgresql" => new DatabaseLocation(DatabaseProvider.Postgres, rest),
            _ => throw new FormatException($"Database '{text}' names an unknown provider '{scheme}': use sqlite:<path> or \"postgres:<connection string>\"."),
        };
    }

    /// <summary>A bare path becomes a connection string; a full one ("Data Source=…") is kept.</summary>
    private static string SqliteConnectionString(string pathOrConnectionString) =>
        pathOrConnectionString.Contains('=', StringComparison.Ordinal)
            ? pathOrConnectionString
            : new SqliteConnectionStringBuilder { DataSource = pathOrConnectionString, DefaultTimeout = 30 }.ToString();

    public JustCultureDbContext CreateContext(Action<DbContextOptionsBuilder>? configure = null) => Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteJustCultureDbContext(Configure(new DbContextOptionsBuilder<SqliteJustCultureDbContext>(), configure).Options),
        _ => new PostgresJustCultureDbContext(Configure(new DbContextOptionsBuilder<PostgresJustCultureDbContext>(), configure).Options),
    };

    public TBuilder Configure<TBuilder>(TBuilder builder, Action<DbContextOptionsBuilder>? configure = null)
        where TBuilder : DbContextOptionsBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (Provider == DatabaseProvider.Sqlite)
        {
            builder.UseSqlite(ConnectionString);
        }
        else
        {
            builder.UseNpgsql(ConnectionString);
        }

        configure?.Invoke(builder);
        return builder;
    }

    /// <summary>Text safe to print: the provider and the file, never a password.</summary>
    public override string ToString() => Provider == DatabaseProvider.Sqlite
        ? $"sqlite:{new SqliteConnectionStringBuilder(ConnectionString).DataSource}"
        : "postgres:" + RedactPassword(ConnectionString);

    /// <summary>Read with Npgsql's own parser, so every spelling of the password (Password, PWD, PSW, a quoted
    /// value containing ';') and the SSL key password are removed.</summary>
    private static string RedactPassword(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            return "(connection string not shown: it could not be read)";
        }

        builder.Remove("Password");
        builder.Remove("SSL Password");
        return builder.ConnectionString;
    }
}
