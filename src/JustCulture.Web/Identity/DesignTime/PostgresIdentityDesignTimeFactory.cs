using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore.Design;

namespace JustCulture.Web.Identity.DesignTime;

/// <summary>What <c>dotnet ef</c> builds the PostgreSQL Identity context with; no server is contacted.</summary>
public sealed class PostgresIdentityDesignTimeFactory : IDesignTimeDbContextFactory<PostgresIdentityStoreContext>
{
    public PostgresIdentityStoreContext CreateDbContext(string[] args) =>
        (PostgresIdentityStoreContext)IdentityStoreContext.Create(DatabaseLocation.Parse("postgres:Host=localhost;Database=justculture_design_time"));
}
