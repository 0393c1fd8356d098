using JustCulture.Application;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Web.Api;
using JustCulture.Web.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;

namespace JustCulture.Web.Hosting;

public static class WebHostingExtensions
{
    private const string SelectorScheme = "JustCulture";
    private const string ExternalScheme = "External";
    private const long MaxRequestBytes = 5 * 1024 * 1024;

    /// <summary>Everything the web app needs: application, Identity, authorization, pages, API, OpenAPI, health.</summary>
    public static WebApplicationBuilder AddJustCultureWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var section = builder.Configuration.GetSection(JustCultureWebOptions.Section);
        services.Configure<JustCultureWebOptions>(section);
        var options = section.Get<JustCultureWebOptions>() ?? new JustCultureWebOptions();
        var database = DatabaseLocation.Parse(options.Database);

        // Registered before the application, whose own fallback only applies when no host chose a key.
        services.AddSingleton(PseudonymKeySetting.Resolve(options.AuditPseudonymKey, builder.Environment));
        // Resolved now, so a server database without a key or checkpoint store stops the app at start with the reason.
        var log = DecisionLogSettings.Resolve(database, options.SigningKey, options.Checkpoints, options.LogOrigin, options.Witnesses,
            options.CheckpointEveryEntries, TimeSpan.FromSeconds(options.CheckpointEverySeconds)) with
        {
            FullVerifyEvery = DecisionLogSettings.ParseFullVerifyEvery(
                builder.Configuration[$"{JustCultureWebOptions.Section}:Log:FullVerifyEvery"], $"{JustCultureWebOptions.Section}:Log:FullVerifyEvery"),
        };
        // Before the application, whose defaults apply only when the host chose no targets.
        services.AddSingleton(ClockConfiguration.Read(builder.Configuration));
        services.AddJustCultureApplication(database, log: log);
        // Read now, so a mistyped retention period stops the app at start naming the setting instead of erasing early.
        services.AddSingleton(JustCulture.Application.Retention.RetentionPeriod.Parse(
            builder.Configuration[$"{JustCultureWebOptions.Section}:Retention:Years"], $"{JustCultureWebOptions.Section}:Retention:Years"));
        services.AddSingleton(SuspensionSettings.Read(builder.Configuration));
        services.AddSingleton(CulturalAmbassadorSettings.Read(builder.Configuration));
        services.AddHostedService<SequencerService>();
        services.AddHostedService<WorkflowTimerService>();
        if (DigestConfiguration.Read(builder.Configuration) is { } digest)
        {
            services.AddSingleton(digest);
            services.AddHostedService<ClockDigestService>();
        }

        services.AddScoped(_ => IdentityStoreContext.Create(database));
        services.AddSingleton<JustCulture.Web.Pages.Admin.PendingStaffUploads>();
        services.AddSharedKeyRing(options.DataProtectionKeys);
        services.AddScoped<JustCulture.Application.Users.ISignInAccounts, IdentitySignInAccounts>();
        services.AddIdentityApiEndpoints<IdentityUser>(identity =>
            {
                identity.Stores.SchemaVersion = IdentitySchemaVersions.Version1;
                identity.Password.RequiredLength = 12;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<IdentityStoreContext>()
            .AddSignInManager<ActiveUserSignInManager>();
        // Cookies are re-checked against the sign-in's security stamp every minute: a password reset ends sessions
        // soon after (a deactivation at once, through DomainRoleClaims).
        services.Configure<SecurityStampValidatorOptions>(stamp => stamp.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddScoped<PasswordChange>();
        services.AddTransient<IClaimsTransformation, DomainRoleClaims>();
        AddAuthenticationSchemes(services, builder.Configuration);
        services.AddOpenIdConnectSignIn(services.AddAuthentication(), builder.Configuration, builder.Environment);
        AddAuthorizationPolicies(services);

        services.AddRazorPages(pages =>
        {
            // Signing in and the error pages answer anyone; the rest of /Account (your own password) needs a sign-in.
            pages.Conventions.AllowAnonymousToPage("/Account/SignIn");
            pages.Conventions.AllowAnonymousToPage("/Account/SignOut");
            pages.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
            pages.Conventions.AllowAnonymousToPage("/Error");
            // The fairness survey: the one-time link is the person's only key (docs/domain/process-safeguards.md).
            pages.Conventions.AllowAnonymousToPage("/Survey/Index");
            pages.Conventions.AuthorizeFolder("/Concerns", Policies.LineManager);
            pages.Conventions.AuthorizeFolder("/Review", Policies.CommissioningManager);
            // Clocks are case work for both roles; each page's handler applies the per-case rule.
            pages.Conventions.AuthorizeFolder("/Clocks", Policies.CaseWorker);
            pages.Conventions.AuthorizeFolder("/Audit", Policies.AuditorOrAdministrator);
            pages.Conventions.AuthorizeFolder("/Admin", Policies.Administrator);
            pages.Conventions.ConfigureFilter(new MustChangePasswordFilter());
        });
        services.AddProblemDetails();
        // A malformed body or missing parameter is the caller's error: 400 problem details in every environment,
        // not an exception (the Development default) that the exception handler would turn into a 500.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = false);
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "JustCulture API";
            document.Info.Description = "Raise concerns, complete checklist and review tasks, import staff and verify the decision log. Errors are RFC 9457 problem details.";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag]);
        services.AddAntiforgery(antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddTransportSecurity(builder.Configuration, builder.Environment);
        services.AddSignInRateLimits(builder.Configuration);
        services.AddScoped<PasswordSignIn>();
        services.AddSingleton(SwaggerUiSetting.Resolve(builder.Configuration, builder.Environment));
        services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = MaxRequestBytes);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBytes);
        return builder;
    }

    /// <summary>
    /// Cookies for pages, Identity bearer tokens for API clients (from POST /api/auth/login), and
    /// optionally JWTs from an external OpenID Connect issuer (Authentication:Jwt:Authority), chosen per
    /// request by a selector scheme.
    /// </summary>
    private static void AddAuthenticationSchemes(IServiceCollection services, IConfiguration configuration)
    {
        var authority = configuration["Authentication:Jwt:Authority"];
        var authentication = services.AddAuthentication(auth =>
        {
            auth.DefaultScheme = SelectorScheme;
            auth.DefaultChallengeScheme = SelectorScheme;
            auth.DefaultForbidScheme = SelectorScheme;
        });
        authentication.AddPolicyScheme(SelectorScheme, "Cookie, Identity bearer or external JWT", policy =>
            policy.ForwardDefaultSelector = context =>
            {
                var header = context.Request.Headers.Authorization.ToString();
                if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                {
                    return IdentityConstants.ApplicationScheme;
                }

                // Identity's own tokens are opaque; a three-part token is a JWT from the external issuer.
                var token = header["Bearer ".Length..].Trim();
                return authority is not null && token.Count(c => c == '.') == 2 ? ExternalScheme : IdentityConstants.BearerScheme;
            });
        if (authority is not null)
        {
            authentication.AddJwtBearer(ExternalScheme, jwt =>
            {
                jwt.Authority = authority;
                jwt.Audience = configuration["Authentication:Jwt:Audience"];
                jwt.MapInboundClaims = false;
            });
        }

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/Account/SignIn";
            cookie.LogoutPath = "/Account/SignOut";
            cookie.AccessDeniedPath = "/Account/AccessDenied";
            cookie.Cookie.Name = "JustCulture.Auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            // API callers get status codes, not a redirect to the sign-in page.
            cookie.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static void AddAuthorizationPolicies(IServiceCollection services) =>
        services.AddAuthorizationBuilder()
            // Everything needs a signed-in user unless it says otherwise.
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.LineManager, p => p.RequireRole(Policies.LineManager))
            .AddPolicy(Policies.CommissioningManager, p => p.RequireRole(Policies.CommissioningManager))
            .AddPolicy(Policies.Auditor, p => p.RequireRole(Policies.Auditor))
            .AddPolicy(Policies.Administrator, p => p.RequireRole(Policies.Administrator))
            .AddPolicy(Policies.AuditorOrAdministrator, p => p.RequireRole(Policies.Auditor, Policies.Administrator))
            .AddPolicy(Policies.CaseWorker, p => p.RequireRole(Policies.LineManager, Policies.CommissioningManager));

    public static WebApplication UseJustCultureWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSecurityHeaders();
        app.UseErrorPages();
        app.UseTransportSecurity();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseRejectedSignIns();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthEndpoints();
        app.MapOpenApi().AllowAnonymous();
        app.UseSwaggerUiIfOn();
        app.MapJustCultureApi();
        app.MapRazorPages();
        return app;
    }
}
