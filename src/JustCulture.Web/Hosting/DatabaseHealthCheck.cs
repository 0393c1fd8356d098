using JustCulture.Persistence;
using JustCulture.Web.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JustCulture.Web.Hosting;

/// <summary>Healthy when the database answers, neither schema has a migration waiting and the decision log's tree is readable.</summary>
public sealed class DatabaseHealthCheck(JustCultureDbContext db, IdentityStoreContext identity) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count()
                + (await identity.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            if (pending > 0)
            {
                return HealthCheckResult.Unhealthy($"database not migrated: {pending} migrations waiting");
            }

            var size = await db.DecisionLogTreeHeads.AsNoTracking().MaxAsync(h => (long?)h.TreeSize, cancellationToken) ?? 0;
            var waiting = await db.DecisionLogQueue.AsNoTracking().CountAsync(cancellationToken);
            return HealthCheckResult.Healthy($"database reachable; decision log at entry {size}, {waiting} waiting to be integrated");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("database unreachable", ex);
        }
    }
}
