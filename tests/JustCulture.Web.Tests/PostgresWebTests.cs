using JustCulture.Domain.Concerns;
using System.Net;
using JustCulture.Application.Demo;
using JustCulture.Persistence;
using JustCulture.TestSupport;
using JustCulture.Web.Tests.Authorization;
using JustCulture.Web.Tests.Hosting;
using JustCulture.Web.Tests.Schema;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static JustCulture.Web.Tests.Api.ApiDriver;

namespace JustCulture.Web.Tests;

/// <summary>
/// The web app on the server database: a fresh PostgreSQL database that the app itself migrates and fills with the
/// demo trust on start, then the authorization matrix, a case walked through the API, health and Identity's schema.
/// </summary>
[Collection(PostgresFixture.Collection)]
public class PostgresWebTests(PostgresWebAppFixture app, PostgresFixture postgres, ITestOutputHelper output) : IClassFixture<PostgresWebAppFixture>
{
    [PostgresFact]
    public Task AnswersAsDeclaredGivenEveryEndpointAndEveryCallerOnPostgres() =>
        AuthorizationMatrix.RunAsync(app, output, "authorization-matrix-postgres.txt");

    [PostgresFact]
    public async Task RoutesCaseGivenApiOnPostgres()
    {
        var lineManager = await app.BearerClientAsync(Caller.LineManager);
        var reviewer = await app.BearerClientAsync(Caller.CommissioningManager);
        var id = await RaiseToReviewAsync(lineManager, await TeamMemberOfAsync(app, DemoSeeder.LineManagerAccount));

        var review = await NextTaskAsync(reviewer, id);
        await CompleteOkAsync(reviewer, review.TaskId, "Support", "Occupational health referral agreed.");

        var concern = await ConcernAsync(lineManager, id);
        concern.Actions.Single().Route.ShouldBe(CaseRoute.Support);
        using var other = await lineManager.GetAsync(new Uri($"/api/concerns/{await ConcernRaisedByAnotherManagerAsync(app)}", UriKind.Relative));
        other.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [PostgresFact]
    public async Task ReportsHealthyGivenPostgresUp()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        app.Services.GetRequiredService<DatabaseLocation>().Provider.ShouldBe(DatabaseProvider.Postgres);
    }

    [PostgresFact]
    public async Task MatchesModelGivenIdentitySchemaMigratedOnPostgres()
    {
        var empty = DatabaseLocation.Parse("postgres:" + await postgres.CreateDatabaseAsync("identity_model"));

        var result = await IdentitySchemaCheck.CompareAsync(app.Services.GetRequiredService<DatabaseLocation>(), empty);

        IdentitySchemaCheck.ShouldMatch(result);
    }
}
