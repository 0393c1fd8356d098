using Microsoft.EntityFrameworkCore.Design;

namespace JustCulture.Persistence.DesignTime;

/// <summary>
/// What <c>dotnet ef</c> builds the PostgreSQL context with (README.md, "Adding a migration"). No server is
/// contacted: adding or scripting a migration needs only the model.
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresJustCultureDbContext>
{
    public PostgresJustCultureDbContext CreateDbContext(string[] args) =>
        (PostgresJustCultureDbContext)DatabaseLocation.Parse("postgres:Host=localhost;Database=justculture_design_time").CreateContext();
}
