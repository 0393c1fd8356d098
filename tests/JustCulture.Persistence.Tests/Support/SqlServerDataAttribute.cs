using System.Reflection;
using JustCulture.TestSupport;
using Xunit.Sdk;

namespace JustCulture.Persistence.Tests.Support;

/// <summary>
/// The SQL Server row of a provider theory: <c>[Theory, InlineData(TestProvider.Sqlite), PostgresData, SqlServerData]</c>.
/// There is no SQL Server on the build machines: the row runs only when <c>JUSTCULTURE_SQLSERVER</c> names one, and is
/// otherwise reported skipped with the reason — never passed.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SqlServerDataAttribute : DataAttribute
{
    public SqlServerDataAttribute()
    {
        if (!SqlServerServer.IsAvailable)
        {
            Skip = "SQL Server not available: " + SqlServerServer.UnavailableMessage;
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[TestProvider.SqlServer]];
}
