using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using JustCulture.Web.Hosting;
using JustCulture.Web.Identity;

namespace JustCulture.Web.Api;

/// <summary>
/// Sign-in for API clients: a password for a bearer token, and a refresh token for a new one. Only these two of
/// Identity's API are mapped — accounts are made and reset by administrators — so the OpenAPI document lists
/// only routes that answer.
/// </summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Signing in cannot require being signed in.
        var auth = app.MapGroup("/api/auth").WithTags("Authentication").AllowAnonymous();

        auth.MapPost("/login", async Task<Results<Ok<AccessTokenResponse>, EmptyHttpResult, ProblemHttpResult>> ([FromBody] LoginRequest login, PasswordSignIn signIn, HttpContext context) =>
        {
            // The bearer handler writes the token response itself when the sign-in succeeds.
            var result = await signIn.SignInAsync(login.Email ?? string.Empty, login.Password ?? string.Empty, IdentityConstants.BearerScheme);
            switch (result.Outcome)
            {
                case PasswordSignInOutcome.SignedIn:
                    return TypedResults.Empty;
                case PasswordSignInOutcome.TooManyAttempts:
                    SignInRateLimits.SetRetryAfter(context.Response, result.RetryAfter);
                    return TypedResults.Problem(SignInRateLimits.TooManyMessage(result.RetryAfter), statusCode: StatusCodes.Status429TooManyRequests, title: "Too many sign-in attempts");
                default:
                    // Unknown user, wrong password, locked or deactivated: one answer (see PasswordSignIn).
                    return TypedResults.Problem(PasswordSignIn.RefusedMessage, statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in refused");
            }
        }).AddEndpointFilter(DemoAccountGuard.CheckAsync).RequireSignInRateLimit()
            .WithSummary("Sign in with a user ID (as email) and password; answers a bearer token and a refresh token. Refused: 401, the same answer whatever was wrong; 429 with Retry-After after too many attempts");

        auth.MapPost("/refresh", async Task<Results<Ok<AccessTokenResponse>, SignInHttpResult, ChallengeHttpResult>> (
            [FromBody] RefreshRequest refresh, SignInManager<IdentityUser> signIn, IOptionsMonitor<BearerTokenOptions> bearerOptions, TimeProvider clock) =>
        {
            var ticket = bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(refresh.RefreshToken);
            // A new security stamp (password reset, deactivation) ends every refresh token issued before it.
            if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
                || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } account
                || !await signIn.CanSignInAsync(account))
            {
                return TypedResults.Challenge();
            }

            return TypedResults.SignIn(await signIn.CreateUserPrincipalAsync(account), authenticationScheme: IdentityConstants.BearerScheme);
        }).WithSummary("Swap a refresh token for a new bearer token");

        return app;
    }
}
