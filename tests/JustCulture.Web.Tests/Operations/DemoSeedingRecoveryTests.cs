using System.Net;
using JustCulture.Persistence;
using JustCulture.TestSupport;
using JustCulture.Web.Identity;
using JustCulture.Web.Tests.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Web.Tests.Operations;

/// <summary>
/// Seeding the demo on first start is all or nothing: a failure part-way (here, the database refusing the first
/// concern, after the staff and users are written) leaves the database empty, and the next start seeds the full
/// demo with its sign-ins.
/// </summary>
public sealed class DemoSeedingRecoveryTests
{
    [Fact]
    public async Task SeedsFullDemoWithSignInsGivenRestartAfterSeedingFailedPartWay()
    {
        using var database = new SqliteTestDatabase("web-seed-recovery");
        var fault = new FaultInjector("concerns") { Armed = true };
        await using (var failing = new JustCultureWebFactory(DemoDatabase.SqliteSetting(database)))
        {
            await using var faulty = failing.WithWebHostBuilder(web => web.ConfigureTestServices(services => services.AddSingleton<IInterceptor>(fault)));

            Should.Throw<Exception>(() => faulty.Services);
        }

        fault.Fired.ShouldBe(1, "seeding got as far as the first concern");
        await using (var db = DatabaseLocation.Parse(DemoDatabase.SqliteSetting(database)).CreateContext())
        {
            (await db.Staff.CountAsync()).ShouldBe(0, "the staff written before the failure were rolled back");
            (await db.Users.CountAsync()).ShouldBe(0);
            (await db.DecisionLog.CountAsync()).ShouldBe(0);
        }

        await using var restarted = new JustCultureWebFactory(DemoDatabase.SqliteSetting(database));
        using var client = restarted.CreateClient(new() { AllowAutoRedirect = false });

        await using var scope = restarted.Services.CreateAsyncScope();
        var app = scope.ServiceProvider.GetRequiredService<JustCultureDbContext>();
        (await app.Staff.CountAsync()).ShouldBeGreaterThan(1600);
        (await app.Concerns.CountAsync()).ShouldBeGreaterThan(50);
        var identity = scope.ServiceProvider.GetRequiredService<IdentityStoreContext>();
        (await identity.Users.Select(u => u.UserName).ToListAsync()).ShouldBe(JustCulture.Web.Api.DemoAccountGuard.DemoAccounts, ignoreOrder: true);
        foreach (var caller in Callers.Roles)
        {
            (await WebAppFixture.LoginAsync(client, caller.DemoAccount(), WebAppFixture.DemoPassword)).ShouldNotBeNullOrEmpty();
        }

        (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
