using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using JustCulture.Web.Tests.Hosting;
using Xunit.Abstractions;

namespace JustCulture.Web.Tests.Authorization;

/// <summary>
/// The full authorization matrix: every endpoint and page the app maps (read from the app itself) against every
/// role and an anonymous caller, pages with the sign-in cookie, API endpoints with both a bearer token and the
/// cookie. The expected answer comes from <see cref="AccessTable"/>.
/// </summary>
public class AuthorizationMatrixTests(SqliteWebAppFixture app, ITestOutputHelper output) : IClassFixture<SqliteWebAppFixture>
{
    public enum Credential
    {
        Cookie,
        Bearer,
    }

    [Fact]
    public void ClassifiesEveryEndpointGivenRunningApp()
    {
        var endpoints = EndpointCatalog.Read(app.Services);

        var unclassified = endpoints.Where(e => AccessTable.RuleFor(e.Key) is null).Select(e => e.Key).Distinct().ToList();

        unclassified.ShouldBeEmpty("add these endpoints to AccessTable (who may use them) before shipping them");
        endpoints.Select(e => e.Key).ShouldContain("POST /api/concerns");
        endpoints.Select(e => e.Key).ShouldContain("page /Account/SignIn");
        endpoints.Select(e => e.Key).ShouldContain("page /Index");
    }

    [Theory]
    [InlineData("page /Reports/Secret")]
    [InlineData("page /Accounts/Everything")]
    [InlineData("DELETE /api/concerns/{id:guid}")]
    [InlineData("GET /api/staff")]
    [InlineData("GET /metrics")]
    public void LeavesEndpointUnclassifiedGivenNoMatchingRule(string key) =>
        AccessTable.RuleFor(key).ShouldBeNull();

    [Theory]
    [InlineData("page /Concerns/New", Caller.LineManager, Outcome.Allowed)]
    [InlineData("page /Concerns/Index", Caller.CommissioningManager, Outcome.Forbidden)]
    [InlineData("page /Review/Case", Caller.Anonymous, Outcome.Challenged)]
    [InlineData("page /Audit/Log", Caller.Administrator, Outcome.Allowed)]
    [InlineData("page /Admin/Users", Caller.Auditor, Outcome.Forbidden)]
    [InlineData("GET /api/reports/indicator3", Caller.LineManager, Outcome.Forbidden)]
    [InlineData("POST /api/auth/register", Caller.Anonymous, Outcome.NotFound)]
    [InlineData("POST /api/auth/manage/2fa", Caller.Anonymous, Outcome.Challenged)]
    public void ExpectsDeclaredOutcomeGivenRuleForFolder(string key, Caller caller, Outcome expected) =>
        AccessTable.RuleFor(key).ShouldNotBeNull().ExpectedFor(caller).ShouldBe(expected);

    [Fact]
    public async Task AnswersAsDeclaredGivenEveryEndpointAndEveryCaller()
    {
        var endpoints = EndpointCatalog.Read(app.Services).Where(e => AccessTable.RuleFor(e.Key) is not null).ToList();
        var clients = new Dictionary<(Caller, Credential), HttpClient>();
        foreach (var caller in Callers.All)
        {
            clients[(caller, Credential.Cookie)] = await app.CookieClientAsync(caller);
            clients[(caller, Credential.Bearer)] = await app.BearerClientAsync(caller);
        }

        var matrix = new StringBuilder();
        var mismatches = new List<string>();
        var cells = 0;
        foreach (var endpoint in endpoints)
        {
            var rule = AccessTable.RuleFor(endpoint.Key)!;
            // Pages are used from a browser (cookie); the API is used with either.
            var credentials = endpoint.Kind == EndpointKind.Page ? [Credential.Cookie] : (Credential[])[Credential.Bearer, Credential.Cookie];
            foreach (var caller in Callers.All)
            {
                foreach (var credential in credentials)
                {
                    var expected = rule.ExpectedFor(caller);
                    using var response = await SendAsync(clients[(caller, credential)], endpoint);
                    cells++;
                    var fits = ResponseOutcome.Fits(expected, response);
                    var line = string.Create(CultureInfo.InvariantCulture,
                        $"{endpoint.Method,-6} {endpoint.Url,-52} {caller,-20} {credential,-6} expected {expected,-10} got {(int)response.StatusCode} {response.Headers.Location}");
                    matrix.AppendLine(line);
                    if (!fits)
                    {
                        mismatches.Add(line);
                    }
                }
            }
        }

        Directory.CreateDirectory(TestArtifacts.Directory);
        await File.WriteAllTextAsync(Path.Combine(TestArtifacts.Directory, "authorization-matrix.txt"), matrix.ToString());
        output.WriteLine($"Authorization matrix: {cells} cells ({endpoints.Count} endpoint/method pairs × {Callers.All.Count} callers, API with cookie and bearer)");
        output.WriteLine(matrix.ToString());

        mismatches.ShouldBeEmpty($"{mismatches.Count} of {cells} cells answered other than declared");
        // Every role and anonymous took part, on pages and on the API.
        endpoints.Count(e => e.Kind == EndpointKind.Page).ShouldBeGreaterThanOrEqualTo(8);
        endpoints.Count(e => e.Kind == EndpointKind.Api).ShouldBeGreaterThanOrEqualTo(7);
        cells.ShouldBeGreaterThan(endpoints.Count * Callers.All.Count);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, AppEndpoint endpoint)
    {
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), new Uri(endpoint.Url, UriKind.Relative));
        if (endpoint.Method is "POST" or "PUT" or "PATCH")
        {
            // An empty JSON object (or empty body of the type the endpoint accepts): enough to reach authorization,
            // never enough to change anything.
            request.Content = endpoint.ContentType is null or "application/json"
                ? new StringContent("{}", Encoding.UTF8, new MediaTypeHeaderValue("application/json"))
                : new StringContent(string.Empty, Encoding.UTF8, new MediaTypeHeaderValue(endpoint.ContentType));
        }

        return client.SendAsync(request);
    }
}
