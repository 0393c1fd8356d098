using System.Net;
using System.Net.Http.Json;
using JustCulture.Application.Demo;
using JustCulture.Persistence;
using JustCulture.Web.Hosting;
using JustCulture.Web.Identity;
using JustCulture.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Web.Tests.Api;

/// <summary>The demo accounts have a published password: Production never creates them and never lets them in.</summary>
public class ProductionTests
{
    private static readonly Dictionary<string, string?> KeySetting = new()
    {
        [PseudonymKeySetting.Name] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
    };

    [Fact]
    public void RefusesToStartGivenProductionWithoutPseudonymKey()
    {
        using var database = new JustCulture.TestSupport.SqliteTestDatabase("web-production-nokey");
        using var factory = new JustCultureWebFactory(DemoDatabase.SqliteSetting(database), environment: "Production");

        var failure = Should.Throw<InvalidOperationException>(() => factory.Services);

        failure.Message.ShouldContain("JustCulture:AuditPseudonymKey must be set in Production");
    }

    [Fact]
    public async Task LeavesDatabaseEmptyGivenProductionStartOnEmptyDatabase()
    {
        using var database = new JustCulture.TestSupport.SqliteTestDatabase("web-production");
        await using var factory = new JustCultureWebFactory(DemoDatabase.SqliteSetting(database), environment: "Production", settings: KeySetting);

        using var client = factory.CreateClient();
        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));

        health.StatusCode.ShouldBe(HttpStatusCode.OK, "the app started and migrated");
        await using var scope = factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<JustCultureDbContext>().Staff.CountAsync()).ShouldBe(0);
        (await scope.ServiceProvider.GetRequiredService<JustCultureDbContext>().Users.CountAsync()).ShouldBe(0);
        (await scope.ServiceProvider.GetRequiredService<IdentityStoreContext>().Users.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task RefusesDemoSignInGivenProductionOnDemoDatabase()
    {
        using var database = await DemoDatabase.CopyAsync("web-production-demo");
        await using var factory = new JustCultureWebFactory(DemoDatabase.SqliteSetting(database), environment: "Production", settings: KeySetting);
        // Production redirects plain HTTP: speak HTTPS, as a browser there would.
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

        using var login = await client.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { email = DemoSeeder.AuditorAccount, password = WebAppFixture.DemoPassword });
        var token = await WebAppFixture.AntiforgeryTokenAsync(client, "/Account/SignIn");
        using var signIn = await client.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserId"] = DemoSeeder.LineManagerAccount, ["Password"] = WebAppFixture.DemoPassword, ["__RequestVerificationToken"] = token,
        }));

        var problem = await login.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("Production");
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK, "the sign-in page is shown again, not a redirect into the app");
        (await signIn.Content.ReadAsStringAsync()).ShouldContain("Demo accounts cannot sign in to a live service");
    }
}
