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
    [InlineData("POST /api/auth/register")]
    public void LeavesEndpointUnclassifiedGivenNoMatchingRule(string key) =>
        AccessTable.RuleFor(key).ShouldBeNull();

    [Theory]
    [InlineData("page /Concerns/New", Caller.LineManager, Outcome.Allowed)]
    [InlineData("page /Concerns/Index", Caller.CommissioningManager, Outcome.Forbidden)]
    [InlineData("page /Review/Case", Caller.Anonymous, Outcome.Challenged)]
    [InlineData("page /Audit/Log", Caller.Administrator, Outcome.Allowed)]
    [InlineData("page /Admin/Users", Caller.Auditor, Outcome.Forbidden)]
    [InlineData("GET /api/reports/indicator3", Caller.LineManager, Outcome.Forbidden)]
    [InlineData("POST /api/users/{userId}/deactivate", Caller.Auditor, Outcome.Forbidden)]
    [InlineData("POST /api/account/password", Caller.LineManager, Outcome.Allowed)]
    [InlineData("page /Account/Password", Caller.Anonymous, Outcome.Challenged)]
    public void ExpectsDeclaredOutcomeGivenRuleForFolder(string key, Caller caller, Outcome expected) =>
        AccessTable.RuleFor(key).ShouldNotBeNull().ExpectedFor(caller).ShouldBe(expected);

    [Fact]
    public Task AnswersAsDeclaredGivenEveryEndpointAndEveryCaller() =>
        AuthorizationMatrix.RunAsync(app, output, "authorization-matrix-sqlite.txt");
}
