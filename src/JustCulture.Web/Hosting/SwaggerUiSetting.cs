namespace JustCulture.Web.Hosting;

/// <summary>
/// Whether Swagger UI is served at /swagger: <c>JustCulture:SwaggerUi</c> (true or false); unset, only in
/// Development. The OpenAPI document itself (/openapi/v1.json) is always served, for API clients.
/// </summary>
public sealed record SwaggerUiSetting(bool On)
{
    public const string Name = "JustCulture:SwaggerUi";

    public static SwaggerUiSetting Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var text = configuration[Name];
        if (string.IsNullOrWhiteSpace(text))
        {
            return new(environment.IsDevelopment());
        }

        return bool.TryParse(text, out var on)
            ? new(on)
            : throw new FormatException($"{Name} must be true or false, not '{text}'.");
    }
}

public static class SwaggerUiExtensions
{
    public static WebApplication UseSwaggerUiIfOn(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<SwaggerUiSetting>().On)
        {
            app.UseSwaggerUI(ui =>
            {
                ui.RoutePrefix = "swagger";
                ui.SwaggerEndpoint("/openapi/v1.json", "JustCulture API v1");
            });
        }

        return app;
    }
}
