using JustCulture.Application.Demo;
using Microsoft.AspNetCore.Identity.Data;

namespace JustCulture.Web.Api;

/// <summary>The demo accounts have published passwords: in Production they may never sign in.</summary>
public static class DemoAccountGuard
{
    public static readonly IReadOnlySet<string> DemoAccounts = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        DemoSeeder.LineManagerAccount, DemoSeeder.CommissioningAccount, DemoSeeder.AuditorAccount, DemoSeeder.AdministratorAccount,
        DemoSeeder.SeniorApproverAccount,
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
        if (login is not null && (string.IsNullOrEmpty(login.Email) || string.IsNullOrEmpty(login.Password)))
        {
            // A JSON null satisfies "required" but would reach Identity as a null and fail there.
            var missing = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (string.IsNullOrEmpty(login.Email))
            {
                missing["email"] = ["Enter your user ID."];
            }

            if (string.IsNullOrEmpty(login.Password))
            {
                missing["password"] = ["Enter your password."];
            }

            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid", type: UseCaseProblems.TypeOf(Application.Common.UseCaseError.Invalid),
                detail: "Send a user ID and a password.", extensions: new Dictionary<string, object?> { ["errors"] = missing });
        }

        return IsRefused(environment, login?.Email)
            ? Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in refused", detail: "Demo accounts cannot sign in in Production.")
            : await next(context);
    }
}
