using Xunit;

namespace JustCulture.TestSupport;

/// <summary>
/// A fact that needs the throwaway PostgreSQL server. It is skipped, with the reason, when the server cannot
/// be started here, unless PostgreSQL is required (<c>CI=true</c> or <c>JUSTCULTURE_REQUIRE_POSTGRES=1</c>):
/// then it runs and fails with the reason instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!PostgresServer.IsAvailable && !PostgresServer.IsRequired)
        {
            Skip = "PostgreSQL not available: " + PostgresServer.UnavailableMessage;
        }
    }
}

/// <summary>The theory counterpart of <see cref="PostgresFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (!PostgresServer.IsAvailable && !PostgresServer.IsRequired)
        {
            Skip = "PostgreSQL not available: " + PostgresServer.UnavailableMessage;
        }
    }
}
