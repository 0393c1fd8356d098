using JustCulture.TestSupport;
using Npgsql;

namespace JustCulture.Persistence.Tests.Postgres;

[Collection(PostgresFixture.Collection)]
public class PostgresServerTests(PostgresFixture fixture)
{
    [PostgresFact]
    public async Task ReportsPostgres15GivenFreshDatabase()
    {
        var connectionString = await fixture.CreateDatabaseAsync("server_check");

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select version(), current_database()", connection);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();

        reader.GetString(0).ShouldContain("PostgreSQL 15");
        reader.GetString(1).ShouldStartWith("server_check_");
        new NpgsqlConnectionStringBuilder(connectionString).Database.ShouldBe(reader.GetString(1));
    }

    [PostgresFact]
    public async Task CreatesDistinctEmptyDatabasesGivenSamePrefix()
    {
        var first = await fixture.CreateDatabaseAsync("Same Prefix!");
        var second = await fixture.CreateDatabaseAsync("Same Prefix!");

        var firstName = new NpgsqlConnectionStringBuilder(first).Database.ShouldNotBeNull();
        firstName.ShouldNotBe(new NpgsqlConnectionStringBuilder(second).Database);
        firstName.ShouldMatch("^same_prefix__[0-9a-f]{12}$");

        await using var connection = new NpgsqlConnection(first);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from information_schema.tables where table_schema = 'public'", connection);
        ((long)(await command.ExecuteScalarAsync())!).ShouldBe(0);
    }

    [PostgresFact]
    public void ListensOnLoopbackOnlyGivenSharedServer()
    {
        var builder = new NpgsqlConnectionStringBuilder(fixture.Server.ConnectionString);

        builder.Host.ShouldBe("127.0.0.1");
        builder.Port.ShouldBe(fixture.Server.Port);
        builder.Username.ShouldBe("postgres");
        builder.Pooling.ShouldBeFalse();
        PostgresServer.Shared.ShouldBeSameAs(fixture.Server);
    }

    [PostgresFact]
    public async Task StopsAndDeletesDirectoryGivenPrivateServerDisposed()
    {
        var server = PostgresServer.Start();
        var connectionString = server.ConnectionString;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
        }

        await server.DisposeAsync();

        await using var after = new NpgsqlConnection(connectionString);
        await Should.ThrowAsync<NpgsqlException>(() => after.OpenAsync());
    }
}
