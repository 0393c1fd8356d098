using Microsoft.AspNetCore.Antiforgery;

namespace JustCulture.Web.Api;

/// <summary>
/// A browser sends the sign-in cookie with any request, including one a foreign site makes it send. So a change
/// (POST, PUT, PATCH, DELETE) under /api made with the cookie must also carry the antiforgery token in the
/// <c>RequestVerificationToken</c> header, which a foreign site cannot read; bearer-token callers (what API
/// clients use) are not affected. Runs after authorization, so who may call an endpoint is answered first.
/// </summary>
public static class CookieApiAntiforgery
{
    public static async ValueTask<object?> CheckAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (NeedsToken(http) && !await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http))
        {
            return TypedResults.Problem(
                "A change made with the sign-in cookie needs the page's antiforgery token in the RequestVerificationToken header. API clients sign in with POST /api/auth/login and send the bearer token.",
                statusCode: StatusCodes.Status400BadRequest, title: "Antiforgery token missing or invalid", type: "urn:justculture:problem:antiforgery");
        }

        return await next(context);
    }

    private static bool NeedsToken(HttpContext http)
    {
        var method = http.Request.Method;
        var change = !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));
        var bearer = http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        return change && !bearer && http.User.Identity?.IsAuthenticated == true;
    }
}
