namespace JustCulture.Web.ReadModels;

public static class ReadModelRegistration
{
    /// <summary>
    /// AutoMapper is used only here, for read-side projections. Its licence key is a setting
    /// (AutoMapper:LicenseKey); without one it still runs and logs a licence notice.
    /// </summary>
    public static IServiceCollection AddJustCultureReadModels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAutoMapper(mapper =>
        {
            mapper.LicenseKey = configuration["AutoMapper:LicenseKey"];
        }, typeof(ReadModelRegistration).Assembly);
        services.AddScoped<AuditLogQueries>();
        return services;
    }
}
