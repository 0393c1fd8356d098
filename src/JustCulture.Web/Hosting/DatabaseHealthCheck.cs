using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JustCulture.Web.Hosting;

/// <summary>Healthy when the database answers and its decision-log head row is readable.</summary>
public sealed class DatabaseHealthCheck(JustCultureDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var head = await db.DecisionLogHead.AsNoTracking().SingleAsync(cancellationToken);
            return HealthCheckResult.Healthy($"database reachable; decision log at entry {head.LastSequence}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("database unreachable", ex);
        }
    }
}
