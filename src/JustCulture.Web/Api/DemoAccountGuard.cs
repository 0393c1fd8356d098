using JustCulture.Application.Demo;
using Microsoft.AspNetCore.Identity.Data;

namespace JustCulture.Web.Api;

/// <summary>The demo accounts have published passwords: in Production they may never sign in.</summary>
public static class DemoAccountGuard
{
    public static readonly IReadOnlySet<string> DemoAccounts = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        DemoSeeder.LineManagerAccount, DemoSeeder.CommissioningAccount, DemoSeeder.AuditorAccount, DemoSeeder.AdministratorAccount,
    };

    public static bool IsRefused(IHostEnvironment environment, string? userName)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.IsProduction() && userName is not null && DemoAccounts.Contains(userName);
    }

    public static async ValueTask<object?> CheckAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var environment = context.HttpContext.RequestServices.GetRequiredService<IHostEnvironment>();
        var login = context.Arguments.OfType<LoginRequest>().FirstOrDefault();
        return IsRefused(environment, login?.Email)
            ? Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in refused", detail: "Demo accounts cannot sign in in Production.")
            : await next(context);
    }
}
