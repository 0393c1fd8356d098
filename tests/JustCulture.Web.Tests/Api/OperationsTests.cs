using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using JustCulture.Persistence;
using JustCulture.TestSupport;
using JustCulture.Web.Tests.Authorization;
using JustCulture.Web.Tests.Hosting;
using JustCulture.Web.Tests.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Web.Tests.Api;

/// <summary>What operations rely on: the OpenAPI document, health, security headers, CSRF, limits, schema.</summary>
public partial class OperationsTests(SqliteWebAppFixture app) : IClassFixture<SqliteWebAppFixture>
{
    [Fact]
    public async Task ListsEveryApiEndpointGivenOpenApiDocument()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");
        var documented = paths.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet(StringComparer.Ordinal);
        var mapped = EndpointCatalog.Read(app.Services).Where(e => e.Kind == EndpointKind.Api)
            .Select(e => $"{e.Method} {RouteConstraint().Replace(e.Route, "{$1}")}").Distinct().ToList();
        mapped.ShouldContain("POST /api/tasks/{id}/complete");
        mapped.Count.ShouldBeGreaterThanOrEqualTo(7);
        mapped.Where(m => !documented.Contains(m)).ShouldBeEmpty("API endpoints missing from /openapi/v1.json");
    }

    [Fact]
    public async Task ReportsHealthyGivenDatabaseUp()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }

    [Fact]
    public async Task ReportsUnhealthyGivenDatabaseGone()
    {
        using var database = new SqliteTestDatabase("web-health");
        await using var ok = new JustCultureWebFactory(DemoDatabase.SqliteSetting(database), settings: new Dictionary<string, string?> { ["JustCulture:SeedDemo"] = "false" });
        using var client = ok.CreateClient();
        (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await using (var db = DatabaseLocation.Parse(DemoDatabase.SqliteSetting(database)).CreateContext())
        {
            await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, "DROP TABLE decision_log_tree_heads");
        }

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Unhealthy");
    }

    [Theory]
    [InlineData("/Account/SignIn")]
    [InlineData("/api/tasks")]
    [InlineData("/health")]
    public async Task SendsSecurityHeadersGivenAnyResponse(string path)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["same-origin"]);
    }

    [Fact]
    public async Task Returns400AndStaysSignedInGivenFormPostWithoutAntiforgeryToken()
    {
        using var client = await app.CookieClientAsync(Caller.LineManager);

        using var response = await client.PostAsync(new Uri("/Account/SignOut", UriKind.Relative), new FormUrlEncodedContent([]));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Returns400AndSetsNoCookieGivenSignInPostWithoutAntiforgeryToken()
    {
        using var client = app.CreateClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserId"] = "auditor", ["Password"] = WebAppFixture.DemoPassword });

        using var response = await client.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), form);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        cookies.ShouldNotContain(c => c.StartsWith("JustCulture.Auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignsInAndOutGivenFormPostsWithAntiforgeryToken()
    {
        using var client = await app.CookieClientAsync(Caller.Auditor);
        (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var token = await WebAppFixture.AntiforgeryTokenAsync(client, "/");

        using var signOut = await client.PostAsync(new Uri("/Account/SignOut", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        signOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        ResponseOutcome.Of(home).ShouldBe(Outcome.Challenged);
    }

    [Fact]
    public async Task ShowsErrorSummaryGivenWrongPassword()
    {
        using var client = app.CreateClient();
        var token = await WebAppFixture.AntiforgeryTokenAsync(client, "/Account/SignIn");

        using var response = await client.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserId"] = "auditor", ["Password"] = "wrong-password-123", ["__RequestVerificationToken"] = token,
        }));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("nhsuk-error-summary");
        html.ShouldContain("Enter a correct user ID and password");
        html.ShouldContain("<title>Error: ");
    }

    [Fact]
    public async Task MatchesModelGivenIdentitySchemaMigratedOnSqlite()
    {
        using var empty = new SqliteTestDatabase("identity-model");

        var result = await IdentitySchemaCheck.CompareAsync(app.Services.GetRequiredService<DatabaseLocation>(), DatabaseLocation.Parse(DemoDatabase.SqliteSetting(empty)));

        IdentitySchemaCheck.ShouldMatch(result);
    }

    [GeneratedRegex(@"\{([^}:?=]+)[^}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex RouteConstraint();
}
