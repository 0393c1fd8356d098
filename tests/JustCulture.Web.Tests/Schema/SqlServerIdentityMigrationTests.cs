using JustCulture.Persistence;
using JustCulture.Persistence.Tests.SqlServer;
using JustCulture.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace JustCulture.Web.Tests.Schema;

/// <summary>
/// docs/decisions/0011-sql-server.md: the SQL Server Identity migrations, with no server here — scripted without a
/// connection and read with SQL Server 2022's grammar, and matching the model.
/// </summary>
public class SqlServerIdentityMigrationTests
{
    private static readonly DatabaseLocation NoServer = DatabaseLocation.Parse("sqlserver:Server=nowhere;Database=justculture;Integrated Security=True");

    [Fact]
    public void ParsesWithoutErrorsGivenEveryIdentityMigrationScripted()
    {
        using var db = IdentityStoreContext.Create(NoServer);
        db.ShouldBeOfType<SqlServerIdentityStoreContext>();

        var script = TransactSqlScript.Generate(db, null, null);
        var (errors, statements) = TransactSqlScript.Parse(script);

        errors.ShouldBeEmpty(TransactSqlScript.Describe(errors, script));
        statements.OfType<CreateTableStatement>().Select(t => t.SchemaObjectName.BaseIdentifier.Value).Order(StringComparer.Ordinal)
            .ShouldBe(["identity_user_claims", "identity_user_logins", "identity_user_tokens", "identity_users"]);
        // Its own history table, so the two contexts migrate one database independently.
        script.ShouldContain($"[{IdentityStoreContext.MigrationsHistoryTable}]");
    }

    [Fact]
    public void HasNoPendingModelChangesGivenTheSqlServerIdentityMigrations()
    {
        using var db = IdentityStoreContext.Create(NoServer);

        db.Database.HasPendingModelChanges().ShouldBeFalse();
        db.Database.GetMigrations().ShouldNotBeEmpty();
    }
}
