using System.Net;
using JustCulture.Persistence;
using JustCulture.TestSupport;
using JustCulture.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Web.Tests.Operations;

/// <summary>Live says the process answers; ready says it can serve (database reachable, migrated, log readable).</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task AnswersLiveButNotReadyGivenDecisionLogUnreadable()
    {
        using var database = new SqliteTestDatabase("web-health-ready");
        await using var factory = new JustCultureWebFactory(DemoDatabase.SqliteSetting(database), settings: new Dictionary<string, string?> { ["JustCulture:SeedDemo"] = "false" });
        using var client = factory.CreateClient();
        (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using (var db = DatabaseLocation.Parse(DemoDatabase.SqliteSetting(database)).CreateContext())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TABLE decision_log_tree_heads");
        }

        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var alias = await client.GetAsync(new Uri("/health", UriKind.Relative));

        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await live.Content.ReadAsStringAsync()).ShouldBe("Healthy");
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        alias.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, "/health is the ready check under its old name");
    }

    [Fact]
    public async Task AnswersLiveWithoutTouchingDatabaseGivenDatabaseFileGone()
    {
        using var database = new SqliteTestDatabase("web-health-live");
        await using var factory = new JustCultureWebFactory(DemoDatabase.SqliteSetting(database), settings: new Dictionary<string, string?> { ["JustCulture:SeedDemo"] = "false" });
        using var client = factory.CreateClient();
        (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        // The file replaced by a directory: nothing can open it.
        database.Dispose();
        Directory.CreateDirectory(database.Path);
        try
        {
            using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
            using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

            live.StatusCode.ShouldBe(HttpStatusCode.OK);
            ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            Directory.Delete(database.Path);
        }
    }
}
