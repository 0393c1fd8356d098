using Microsoft.Data.SqlClient;

namespace JustCulture.TestSupport;

/// <summary>
/// A SQL Server the tests may use: there is none on the build machines, so only when <c>JUSTCULTURE_SQLSERVER</c>
/// holds a connection string (a login that may create databases, e.g. <c>Server=…;Database=master;User Id=…;
/// Password=…;TrustServerCertificate=True</c>). Each test gets a fresh database of its own, dropped afterwards.
/// Without the variable the SQL Server rows of the provider tests report themselves skipped, with this reason.
/// </summary>
public static class SqlServerServer
{
    public const string Variable = "JUSTCULTURE_SQLSERVER";

    public const string UnavailableMessage =
        $"{Variable} is not set: set it to a SQL Server connection string (a login that may create databases) to run the SQL Server provider tests";

    /// <summary>The server's connection string, or null when none is given.</summary>
    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static bool IsAvailable => ConnectionString is not null;

    /// <summary>
    /// Creates an empty database and returns its connection string. READ_COMMITTED_SNAPSHOT is on, as on Azure SQL:
    /// readers then see rows committed later than rows still uncommitted, the case the sequencer must get right.
    /// </summary>
    public static async Task<string> CreateDatabaseAsync(string namePrefix)
    {
        var server = ConnectionString ?? throw new InvalidOperationException(UnavailableMessage);
        var name = $"jc_{Sanitise(namePrefix)}_{Guid.NewGuid():N}";
        await using (var connection = new SqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE [{name}]; ALTER DATABASE [{name}] SET READ_COMMITTED_SNAPSHOT ON;";
            await command.ExecuteNonQueryAsync();
        }

        return new SqlConnectionStringBuilder(server) { InitialCatalog = name }.ConnectionString;
    }

    /// <summary>Drops a database <see cref="CreateDatabaseAsync"/> made (closing what is still connected to it).</summary>
    public static void DropDatabase(string connectionString)
    {
        var name = new SqlConnectionStringBuilder(connectionString).InitialCatalog;
        using (var pooled = new SqlConnection(connectionString))
        {
            SqlConnection.ClearPool(pooled);
        }

        using var connection = new SqlConnection(ConnectionString ?? throw new InvalidOperationException(UnavailableMessage));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"IF DB_ID(N'{name}') IS NOT NULL BEGIN ALTER DATABASE [{name}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{name}]; END";
        command.ExecuteNonQuery();
    }

    private static string Sanitise(string prefix) => new([.. prefix.Where(char.IsAsciiLetterOrDigit).Take(20)]);
}
