using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace JustCulture.Web.Tests.Hosting;

/// <summary>
/// The real web app (its Program, configuration, middleware and migrations) on a database chosen by the test.
/// Settings go in through <see cref="IWebHostBuilder.UseSetting"/> so they are visible while Program builds
/// its services, which read the database location eagerly.
/// </summary>
public sealed class JustCultureWebFactory(string database, string environment = "Development", IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public string Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(environment);
        builder.UseSetting("JustCulture:Database", Database);
        // Request logs at Information would flood the test output; warnings still show.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Test classes sign the demo accounts in many times from one address; the sign-in limit tests set their own.
        builder.UseSetting("JustCulture:SignInLimits:PerAddress", "100000");
        builder.UseSetting("JustCulture:SignInLimits:PerAccount", "100000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }
}
