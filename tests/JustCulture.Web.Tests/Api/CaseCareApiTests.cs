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
        var before = await app.QueryAsync(db => db.FairnessSurveyResponses.CountAsync());
        using var anonymous = app.CreateClient();

        using var refused = await anonymous.PostAsJsonAsync(new Uri("/api/survey/responses", UriKind.Relative),
            new { token = "not-a-real-token", treatedFairly = "Agree", listenedTo = "Agree", sameAsWhiteColleague = "Disagree" });

        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.GetProperty("errors").TryGetProperty("Token", out _).ShouldBeTrue();
        (await app.QueryAsync(db => db.FairnessSurveyResponses.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task AnswersThroughTheSurveyPageOnceWithoutSignIn()
    {
        var token = await app.QueryAsync(async db =>
        {
            var offered = await db.FairnessSurveyInvitations.Select(i => i.ConcernId).ToListAsync();
            var concernId = await db.Concerns.Where(c => !offered.Contains(c.Id)).Select(c => c.Id).FirstAsync();
            var (invitation, raw) = JustCulture.Domain.Survey.FairnessSurveyInvitation.Issue(concernId, JustCulture.Domain.Ethnicity.WresGroup.Bme, 2025, "test", DateTime.UtcNow);
            db.FairnessSurveyInvitations.Add(invitation);
            await db.SaveChangesAsync();
            return raw;
        });
        var before = await app.QueryAsync(db => db.FairnessSurveyResponses.CountAsync());
        using var anonymous = app.CreateClient();
        var page = new Uri($"/Survey/{token}", UriKind.Relative);
        var form = await anonymous.GetStringAsync(page);
        form.ShouldContain("How fairly were you treated?");
        var antiforgery = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        antiforgery.ShouldNotBeEmpty();

        // Without the antiforgery token the post is refused.
        using (var forged = await anonymous.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string> { ["TreatedFairly"] = "Agree", ["ListenedTo"] = "Agree", ["SameAsWhiteColleague"] = "Agree" })))
        {
            forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        var answers = new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery, ["TreatedFairly"] = "Agree", ["ListenedTo"] = "Disagree", ["SameAsWhiteColleague"] = "StronglyDisagree" };
        using (var sent = await anonymous.PostAsync(page, new FormUrlEncodedContent(answers)))
        {
            (await sent.Content.ReadAsStringAsync()).ShouldContain("id=\"survey-thanks\"");
        }

        using (var again = await anonymous.PostAsync(page, new FormUrlEncodedContent(answers)))
        {
            (await again.Content.ReadAsStringAsync()).ShouldContain("This survey link has already been used");
        }

        (await app.QueryAsync(db => db.FairnessSurveyResponses.CountAsync())).ShouldBe(before + 1);
    }
}
