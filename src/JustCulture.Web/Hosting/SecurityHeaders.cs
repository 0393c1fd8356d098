namespace JustCulture.Web.Hosting;

/// <summary>
/// Headers on every response — pages, the API, static files, error pages: no sniffing, no framing, no referrer to
/// other sites, a Content-Security-Policy that allows scripts, styles and fonts from this site only (nothing
/// inline: every script and style lives in a static file) and a Permissions-Policy that turns off the device APIs
/// the service never uses. Set when the response starts, so an error handler that clears headers cannot drop them.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>Charts' print copies are <c>data:</c> images; everything else comes from this site.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Swagger UI's own page (only when <c>JustCulture:SwaggerUi</c> turns it on) writes inline styles and its
    /// setup script inline; this policy is sent on <c>/swagger</c> alone.
    /// </summary>
    public const string SwaggerUiPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    public const string SwaggerPath = "/swagger";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(async (context, next) =>
        {
            var response = context.Response;
            var swagger = context.Request.Path.StartsWithSegments(SwaggerPath);
            response.OnStarting(() =>
            {
                var headers = response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers.ContentSecurityPolicy = swagger ? SwaggerUiPolicy : ContentSecurityPolicy;
                headers["Permissions-Policy"] = PermissionsPolicy;
                return Task.CompletedTask;
            });
            await next();
        });
    }
}
