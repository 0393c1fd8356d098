using Microsoft.Data.Sqlite;
using Npgsql;

namespace JustCulture.Persistence.Tests;

public class DatabaseLocationTests
{
    [Fact]
    public void BuildsSqliteConnectionStringGivenPath()
    {
        var location = DatabaseLocation.Parse("sqlite:data/justculture.db");

        location.Provider.ShouldBe(DatabaseProvider.Sqlite);
        var builder = new SqliteConnectionStringBuilder(location.ConnectionString);
        builder.DataSource.ShouldBe("data/justculture.db");
        builder.DefaultTimeout.ShouldBe(30);
        location.ToString().ShouldBe("sqlite:data/justculture.db");
    }

    [Fact]
    public void KeepsConnectionStringGivenFullSqliteConnectionString()
    {
        var location = DatabaseLocation.Parse("sqlite:Data Source=/tmp/jc.db;Pooling=False;Mode=ReadWriteCreate");

        location.Provider.ShouldBe(DatabaseProvider.Sqlite);
        location.ConnectionString.ShouldBe("Data Source=/tmp/jc.db;Pooling=False;Mode=ReadWriteCreate");
        location.ToString().ShouldBe("sqlite:/tmp/jc.db");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void UsesDefaultSqliteFileGivenNoValue(string? value)
    {
        var location = DatabaseLocation.Parse(value);

        location.ShouldBe(DatabaseLocation.Parse(DatabaseLocation.Default));
        location.Provider.ShouldBe(DatabaseProvider.Sqlite);
        location.ToString().ShouldBe("sqlite:justculture.db");
    }

    [Theory]
    [InlineData("  SQLite: my file.db  ")]
    [InlineData("sqlite:my file.db")]
    public void IgnoresCaseAndSurroundingSpaceGivenScheme(string value)
    {
        var location = DatabaseLocation.Parse(value);

        location.Provider.ShouldBe(DatabaseProvider.Sqlite);
        new SqliteConnectionStringBuilder(location.ConnectionString).DataSource.ShouldBe("my file.db");
    }

    [Theory]
    [InlineData("postgres:Host=db.internal;Database=jc;Username=app")]
    [InlineData("postgresql:Host=db.internal;Database=jc;Username=app")]
    [InlineData("Postgres: Host=db.internal;Database=jc;Username=app ")]
    public void KeepsConnectionStringGivenPostgres(string value)
    {
        var location = DatabaseLocation.Parse(value);

        location.Provider.ShouldBe(DatabaseProvider.Postgres);
        location.ConnectionString.ShouldBe("Host=db.internal;Database=jc;Username=app");
        location.ToString().ShouldBe("postgres:Host=db.internal;Database=jc;Username=app");
    }

    [Theory]
    [InlineData("mysql:Server=db;Database=jc", "mysql")]
    [InlineData("oracle:Data Source=db", "oracle")]
    [InlineData("C:\\data\\justculture.db", "c")]
    public void ThrowsNamingProviderGivenUnknownScheme(string value, string scheme)
    {
        var error = Should.Throw<FormatException>(() => DatabaseLocation.Parse(value));

        error.Message.ShouldContain($"unknown provider '{scheme}'");
        error.Message.ShouldContain("sqlite:<path>");
    }

    [Theory]
    [InlineData("sqlite:")]
    [InlineData("postgres:   ")]
    [InlineData("justculture.db")]
    [InlineData(":")]
    public void ThrowsGivenNothingAfterScheme(string value)
    {
        var error = Should.Throw<FormatException>(() => DatabaseLocation.Parse(value));

        error.Message.ShouldContain("is not valid");
        error.Message.ShouldContain("postgres:<connection string>");
    }

    [Theory]
    [InlineData("Host=db;Username=app;Password=s3cr3t-value;Database=jc")]
    [InlineData("Password=s3cr3t-value;Host=db;Username=app;Database=jc")]
    [InlineData("Host=db;Username=app;Database=jc; password = s3cr3t-value ")]
    [InlineData("Host=db;Username=app;Database=jc;PASSWORD=s3cr3t-value")]
    [InlineData("Host=db;Username=app;Database=jc;Pwd=s3cr3t-value")]
    [InlineData("Host=db;Username=app;Database=jc;Psw=s3cr3t-value")]
    [InlineData("Host=db;Username=app;Database=jc;Password='s3cr3t;-value'")]
    [InlineData("Host=db;Username=app;Database=jc;Password=\"s3cr3t;-value\"")]
    public void NeverShowsPasswordGivenPostgresConnectionString(string connectionString)
    {
        // The connection string really carries the password (so Npgsql would use it).
        new NpgsqlConnectionStringBuilder(connectionString).Password.ShouldNotBeNull().ShouldStartWith("s3cr3t");
        var location = DatabaseLocation.Parse("postgres:" + connectionString);

        var text = location.ToString();

        text.ShouldNotContain("s3cr3t");
        text.ShouldNotContain("-value");
        text.ShouldStartWith("postgres:");
        text.ShouldContain("db");
        text.ShouldContain("jc");
        location.ConnectionString.ShouldBe(connectionString.Trim());
    }

    [Fact]
    public void NeverShowsSslKeyPasswordGivenPostgresConnectionString()
    {
        var location = DatabaseLocation.Parse("postgres:Host=db;Database=jc;SSL Key=/keys/client.key;SSL Password=s3cr3t-value");

        location.ToString().ShouldNotContain("s3cr3t");
        location.ToString().ShouldContain("client.key");
    }

    [Fact]
    public void ShowsNoConnectionStringGivenOneNpgsqlCannotRead()
    {
        var location = DatabaseLocation.Parse("postgres:Host=db;Passwort=s3cr3t-value");

        location.ToString().ShouldNotContain("s3cr3t");
        location.ToString().ShouldBe("postgres:(connection string not shown: it could not be read)");
    }

    [Fact]
    public void NeverShowsPasswordGivenEncryptedSqliteConnectionString()
    {
        var location = DatabaseLocation.Parse("sqlite:Data Source=/srv/jc.db;Password=s3cr3t-value");

        location.ToString().ShouldBe("sqlite:/srv/jc.db");
    }

    [Fact]
    public void CreatesProviderContextGivenEachProvider()
    {
        var configured = 0;

        using var sqlite = DatabaseLocation.Parse("sqlite:unused.db").CreateContext(_ => configured++);
        using var postgres = DatabaseLocation.Parse("postgres:Host=127.0.0.1;Database=unused").CreateContext(_ => configured++);

        sqlite.ShouldBeOfType<SqliteJustCultureDbContext>();
        postgres.ShouldBeOfType<PostgresJustCultureDbContext>();
        configured.ShouldBe(2);
    }

    [Theory]
    [InlineData("sqlserver:Server=sql.internal;Database=jc;User Id=app;Password=s3cret;TrustServerCertificate=True")]
    [InlineData("SqlServer: Server=sql.internal;Database=jc;User Id=app;Password=s3cret;TrustServerCertificate=True ")]
    [InlineData("mssql:Server=sql.internal;Database=jc;User Id=app;Password=s3cret;TrustServerCertificate=True")]
    public void KeepsConnectionStringGivenSqlServer(string value)
    {
        var location = DatabaseLocation.Parse(value);

        location.Provider.ShouldBe(DatabaseProvider.SqlServer);
        location.ConnectionString.ShouldBe("Server=sql.internal;Database=jc;User Id=app;Password=s3cret;TrustServerCertificate=True");
        using var db = location.CreateContext();
        db.ShouldBeOfType<SqlServerJustCultureDbContext>();
    }

    [Theory]
    [InlineData("Server=sql.internal;Database=jc;User Id=app;Password=s3cret")]
    [InlineData("Server=sql.internal;Database=jc;UID=app;PWD=s3cret")]
    [InlineData("Server=sql.internal;Database=jc;User Id=app;Password=\"s3cret;x\"")]
    public void RedactsPasswordGivenSqlServerConnectionString(string connectionString)
    {
        var text = DatabaseLocation.Parse("sqlserver:" + connectionString).ToString();

        text.ShouldStartWith("sqlserver:");
        text.ShouldNotContain("s3cret");
        text.ShouldContain("sql.internal");
        text.ShouldContain("app");
    }

    [Fact]
    public void NamesSqlServerGivenUnknownScheme()
    {
        var error = Should.Throw<FormatException>(() => DatabaseLocation.Parse("oracle:whatever"));

        error.Message.ShouldContain("sqlserver:<connection string>");
    }
}
