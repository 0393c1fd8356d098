using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpsPolicy;

namespace JustCulture.Web.Hosting;

/// <summary>
/// Production speaks HTTPS only: plain HTTP is redirected, browsers are told to remember that (HSTS), and the
/// sign-in and antiforgery cookies are marked Secure so they never travel unencrypted. Behind a proxy that ends
/// TLS, set ASPNETCORE_FORWARDEDHEADERS_ENABLED=true so the app sees the original scheme.
/// </summary>
public static class TransportSecurity
{
    public static IServiceCollection AddTransportSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        if (!environment.IsProduction())
        {
            return services;
        }

        services.PostConfigureAll<CookieAuthenticationOptions>(cookie => cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        services.PostConfigure<AntiforgeryOptions>(antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        // With no HTTPS port configured or listened on (the usual case behind a load balancer), redirect to 443
        // rather than not at all.
        var portGiven = !string.IsNullOrEmpty(configuration["https_port"] ?? configuration["HTTPS_PORT"])
            || (configuration["urls"] ?? string.Empty).Contains("https://", StringComparison.OrdinalIgnoreCase);
        services.Configure<HttpsRedirectionOptions>(https =>
        {
            if (!portGiven)
            {
                https.HttpsPort = 443;
            }
        });
        return services;
    }

    public static IApplicationBuilder UseTransportSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        if (app.Environment.IsProduction())
        {
            app.UseHttpsRedirection();
        }

        return app;
    }
}
