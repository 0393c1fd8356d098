using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace JustCulture.Web.Hosting;

/// <summary>
/// Live: the process answers (no database touched — a restart will not fix a database that is down). Ready: the
/// database answers, both schemas are migrated and the decision log can be read, so requests can be served.
/// <c>/health</c> stays as the ready check under its old name.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        var ready = new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) };
        app.MapHealthChecks("/health/ready", ready).AllowAnonymous();
        app.MapHealthChecks("/health", ready).AllowAnonymous();
        return app;
    }
}
