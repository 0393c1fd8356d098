using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace JustCulture.Web.Identity.DesignTime;

/// <summary>What <c>dotnet ef</c> builds the SQLite Identity context with; the file is never opened.</summary>
public sealed class SqliteIdentityDesignTimeFactory : IDesignTimeDbContextFactory<SqliteIdentityStoreContext>
{
    public SqliteIdentityStoreContext CreateDbContext(string[] args) =>
        (SqliteIdentityStoreContext)IdentityStoreContext.Create(DatabaseLocation.Parse("sqlite:design-time.db"));
}
