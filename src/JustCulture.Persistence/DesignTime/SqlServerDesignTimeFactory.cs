using Microsoft.EntityFrameworkCore.Design;

namespace JustCulture.Persistence.DesignTime;

/// <summary>
/// Lets <c>dotnet ef</c> build the SQL Server context to add or script a migration. The connection string is a
/// placeholder: nothing connects (<c>migrations add</c> and <c>migrations script</c> need none).
/// </summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerJustCultureDbContext>
{
    public SqlServerJustCultureDbContext CreateDbContext(string[] args) =>
        (SqlServerJustCultureDbContext)DatabaseLocation.Parse("sqlserver:Server=design-time;Database=justculture;Integrated Security=True").CreateContext();
}
