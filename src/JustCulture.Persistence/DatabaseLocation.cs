using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace JustCulture.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}

/// <summary>
/// Where the data lives: <c>sqlite:&lt;path&gt;</c> (the embedded default) or
/// <c>postgres:&lt;connection string&gt;</c> or <c>sqlserver:&lt;connection string&gt;</c>. Parsing it in one place keeps the CLI, the web app and
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
            throw new FormatException($"Database '{text}' is not valid: use sqlite:<path>, \"postgres:<connection string>\" or \"sqlserver:<connection string>\".");
        }

        return scheme switch
        {
            "sqlite" => new DatabaseLocation(DatabaseProvider.Sqlite, SqliteConnectionString(rest)),
            "postgres" or "postgresql" => new DatabaseLocation(DatabaseProvider.Postgres, rest),
            "sqlserver" or "mssql" => new DatabaseLocation(DatabaseProvider.SqlServer, rest),
            _ => throw new FormatException($"Database '{text}' names an unknown provider '{scheme}': use sqlite:<path>, \"postgres:<connection string>\" or \"sqlserver:<connection string>\"."),
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
        DatabaseProvider.SqlServer => new SqlServerJustCultureDbContext(Configure(new DbContextOptionsBuilder<SqlServerJustCultureDbContext>(), configure).Options),
        _ => new PostgresJustCultureDbContext(Configure(new DbContextOptionsBuilder<PostgresJustCultureDbContext>(), configure).Options),
    };

    public TBuilder Configure<TBuilder>(TBuilder builder, Action<DbContextOptionsBuilder>? configure = null)
        where TBuilder : DbContextOptionsBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        switch (Provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(ConnectionString);
                break;
            case DatabaseProvider.SqlServer:
                builder.UseSqlServer(ConnectionString);
                break;
            default:
                builder.UseNpgsql(ConnectionString);
                break;
        }

        configure?.Invoke(builder);
        return builder;
    }

    /// <summary>Text safe to print: the provider and the file, never a password.</summary>
    public override string ToString() => Provider switch
    {
        DatabaseProvider.Sqlite => $"sqlite:{new SqliteConnectionStringBuilder(ConnectionString).DataSource}",
        DatabaseProvider.SqlServer => "sqlserver:" + RedactSqlServerPassword(ConnectionString),
        _ => "postgres:" + RedactPassword(ConnectionString),
    };

    /// <summary>Read with SqlClient's own parser, so every spelling of the password (Password, PWD) is removed.</summary>
    private static string RedactSqlServerPassword(string connectionString)
    {
        SqlConnectionStringBuilder builder;
        try
        {
            builder = new SqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            return "(connection string not shown: it could not be read)";
        }

        builder.Remove("Password");
        return builder.ConnectionString;
    }

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
