using System.Reflection;
using JustCulture.TestSupport;
using Xunit.Sdk;

namespace JustCulture.Persistence.Tests.Support;

/// <summary>
/// The PostgreSQL row of a provider theory: <c>[Theory, InlineData(TestProvider.Sqlite), PostgresData]</c>.
/// Skipped, with the reason, exactly when <see cref="PostgresFactAttribute"/> would be (server unavailable and
/// not required), so the SQLite row still runs everywhere.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresDataAttribute : DataAttribute
{
    public PostgresDataAttribute()
    {
        if (!PostgresServer.IsAvailable && !PostgresServer.IsRequired)
        {
            Skip = "PostgreSQL not available: " + PostgresServer.UnavailableMessage;
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[TestProvider.Postgres]];
}
