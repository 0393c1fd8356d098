using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JustCulture.Application.Demo;
using JustCulture.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Web.Tests.Api;

/// <summary>The wellbeing and survey endpoints: the case's parties only, field-keyed problems, nothing written when refused.</summary>
public sealed class CaseCareApiTests(SqliteWebAppFixture app) : IClassFixture<SqliteWebAppFixture>
{
    private static DateOnly TodayUk => JustCulture.Domain.UkDates.UkDateOf(DateTime.UtcNow);

    [Fact]
    public async Task RecordsWellbeingForTheCasesPartiesAndRefusesEveryoneElse()
    {
        var lineManager = await app.BearerClientAsync(Caller.LineManager);
        var concernId = await ApiDriver.RaiseToReviewAsync(lineManager, await ApiDriver.TeamMemberOfAsync(app, DemoSeeder.LineManagerAccount, skip: 6));
        var reviewer = await app.BearerClientAsync(Caller.CommissioningManager);
        var path = new Uri($"/api/concerns/{concernId}/wellbeing", UriKind.Relative);

        using (var bad = await reviewer.PutAsJsonAsync(path, new { contactName = "", nextCheckInDue = TodayUk }))
        {
            var errors = (await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
            errors.TryGetProperty("ContactName", out _).ShouldBeTrue();
            errors.TryGetProperty("Support", out _).ShouldBeTrue();
            errors.TryGetProperty("NextCheckInDue", out _).ShouldBeTrue();
        }

        (await app.QueryAsync(db => db.WellbeingRecords.CountAsync(w => w.ConcernId == concernId))).ShouldBe(0);
        using (var ok = await reviewer.PutAsJsonAsync(path, new { contactName = "Jo Bloggs", occupationalHealth = true, nextCheckInDue = TodayUk.AddDays(7) }))
        {
            ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
        }

        using (var raiser = await lineManager.GetAsync(path))
        {
            raiser.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await raiser.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("contactName").GetString().ShouldBe("Jo Bloggs");
        }

        foreach (var outsider in new[] { Caller.Auditor, Caller.Administrator })
        {
            using var refused = await (await app.BearerClientAsync(outsider)).GetAsync(path);
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using (var lmWrites = await lineManager.PutAsJsonAsync(path, new { contactName = "Someone", occupationalHealth = true, nextCheckInDue = TodayUk.AddDays(7) }))
        {
            lmWrites.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task RefusesAnUnknownSurveyTokenWithoutSignIn()
    {
        using var anonymous = app.CreateClient();

        using var refused = await anonymous.PostAsJsonAsync(new Uri("/api/survey/responses", UriKind.Relative),
            new { token = "not-a-real-token", treatedFairly = "Agree", listenedTo = "Agree", sameAsWhiteColleague = "Disagree" });

        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.GetProperty("errors").TryGetProperty("Token", out _).ShouldBeTrue();
        (await app.QueryAsync(db => db.FairnessSurveyResponses.CountAsync())).ShouldBe(0);
    }
}
