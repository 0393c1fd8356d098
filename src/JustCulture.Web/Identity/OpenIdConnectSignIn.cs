using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace JustCulture.Web.Identity;

/// <summary>
/// Staff sign in with the trust's identity provider: OpenID Connect authorization code flow with PKCE. The
/// provider's answer lands in Identity's short-lived external cookie; <c>/Account/ExternalSignIn</c> then links it
/// to the product user the administrator set up and issues the ordinary application cookie, so every
/// authorization rule applies unchanged. Local password accounts keep working beside it.
/// </summary>
public static class OpenIdConnectSignIn
{
    /// <summary>Where the browser comes back to after the provider (register it with the provider as the redirect URI).</summary>
    public const string CallbackPath = "/signin-oidc";

    public const string ProblemPage = "/Account/ExternalSignIn";

    public static void AddOpenIdConnectSignIn(this IServiceCollection services, AuthenticationBuilder authentication, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(authentication);
        var settings = OpenIdConnectSettings.Read(configuration);
        services.AddSingleton(settings);
        services.AddScoped<ExternalAccountLinks>();
        if (!settings.Enabled)
        {
            return;
        }

        // The provider sends the browser back with a top-level cross-site GET: the cookies that must come with it
        // (correlation, nonce, and Identity's external cookie after it) are Lax, never Strict; the application
        // cookie stays Strict. Secure follows the request, so HTTPS deployments get Secure cookies.
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, cookie =>
        {
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(5);
        });
        authentication.AddOpenIdConnect(OpenIdConnectSettings.Scheme, settings.DisplayName, oidc =>
        {
            oidc.SignInScheme = IdentityConstants.ExternalScheme;
            oidc.Authority = settings.Authority!.ToString();
            oidc.ClientId = settings.ClientId;
            oidc.ClientSecret = settings.ClientSecret;
            oidc.ResponseType = OpenIdConnectResponseType.Code;
            oidc.ResponseMode = OpenIdConnectResponseMode.Query;
            oidc.UsePkce = true;
            oidc.CallbackPath = CallbackPath;
            oidc.Scope.Clear();
            oidc.Scope.Add("openid");
            oidc.Scope.Add("profile");
            oidc.Scope.Add("email");
            // Claims as the provider names them (oid, groups, roles), from the ID token, as Entra ID sends them.
            oidc.MapInboundClaims = false;
            oidc.GetClaimsFromUserInfoEndpoint = false;
            oidc.SaveTokens = false;
            oidc.RequireHttpsMetadata = !AllowsPlainHttp(settings.Authority, environment);
            oidc.BackchannelTimeout = TimeSpan.FromSeconds(10);
            oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
            oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            oidc.NonceCookie.SameSite = SameSiteMode.Lax;
            oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            oidc.Events.OnRemoteFailure = RemoteFailureAsync;
            oidc.Events.OnAccessDenied = context =>
            {
                context.HandleResponse();
                context.Response.Redirect($"{ProblemPage}?problem={ExternalSignInProblem.Cancelled}");
                return Task.CompletedTask;
            };
        });
        services.AddHostedService<OpenIdConnectDiscoveryProbe>();
    }

    /// <summary>Plain HTTP metadata only for a provider on this machine, outside Production (tests and development).</summary>
    public static bool AllowsPlainHttp(Uri authority, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(authority);
        ArgumentNullException.ThrowIfNull(environment);
        return authority.IsLoopback && !environment.IsProduction();
    }

    /// <summary>
    /// Anything that goes wrong on the way back (the provider cannot be reached to check the token, a bad or
    /// replayed answer, an expired correlation cookie) ends on a page that says so — never an exception page.
    /// </summary>
    private static Task RemoteFailureAsync(RemoteFailureContext context)
    {
        var unreachable = context.Failure is HttpRequestException or TaskCanceledException
            || context.Failure?.InnerException is HttpRequestException or TaskCanceledException
            || (context.Failure is InvalidOperationException && context.Failure.Message.Contains("IDX20803", StringComparison.Ordinal));
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OpenIdConnectSignIn));
        logger.LogWarning("Organisation sign-in failed on the way back from the identity provider ({Failure})", context.Failure?.GetType().Name);
        context.HandleResponse();
        context.Response.Redirect($"{ProblemPage}?problem={(unreachable ? ExternalSignInProblem.Unavailable : ExternalSignInProblem.Failed)}");
        return Task.CompletedTask;
    }
}

/// <summary>Why an organisation sign-in ended on the problem page (the query value, and the message shown).</summary>
public enum ExternalSignInProblem
{
    Unavailable,
    Failed,
    Cancelled,
    NotSetUp,
    NoSubject,
    NoRoleClaim,
    RoleDisagrees,
    Deactivated,
    DemoAccount,
}
