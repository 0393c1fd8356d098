using Microsoft.EntityFrameworkCore.Design;

namespace JustCulture.Persistence.DesignTime;

/// <summary>
/// What <c>dotnet ef</c> builds the SQLite context with (README.md, "Adding a migration"). The file is never
/// opened: adding or scripting a migration needs only the model.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteJustCultureDbContext>
{
    public SqliteJustCultureDbContext CreateDbContext(string[] args) =>
        (SqliteJustCultureDbContext)DatabaseLocation.Parse("sqlite:design-time.db").CreateContext();
}
