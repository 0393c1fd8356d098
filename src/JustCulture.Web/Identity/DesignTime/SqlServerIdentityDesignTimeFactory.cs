using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace JustCulture.Web.Identity.DesignTime;

/// <summary>Lets <c>dotnet ef</c> build the SQL Server Identity context; the connection string is a placeholder nothing connects to.</summary>
public sealed class SqlServerIdentityDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerIdentityStoreContext>
{
    public SqlServerIdentityStoreContext CreateDbContext(string[] args) =>
        (SqlServerIdentityStoreContext)IdentityStoreContext.Create(DatabaseLocation.Parse("sqlserver:Server=design-time;Database=justculture;Integrated Security=True"));
}
