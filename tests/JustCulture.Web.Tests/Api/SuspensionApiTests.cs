using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JustCulture.Application.Demo;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Web.Tests.Api;

/// <summary>The suspension endpoints: the same problem shape as every case step, field-keyed, and nothing written when refused.</summary>
public sealed class SuspensionApiTests(SqliteWebAppFixture app) : IClassFixture<SqliteWebAppFixture>
{
    private static DateOnly TodayUk => JustCulture.Domain.UkDates.UkDateOf(DateTime.UtcNow);

    private static object Proposal(DateOnly reviewDate) => new
    {
        kind = "Suspension",
        reason = "Alleged diversion of controlled drugs.",
        alternatives = new[]
        {
            new { alternative = "Redeployment", whyNot = "No post away from the drugs cupboard is free." },
            new { alternative = "Supervision", whyNot = "Night shifts cannot be supervised." },
            new { alternative = "RestrictedDuties", whyNot = "Every duty of the role involves the medicines." },
        },
        reviewDate,
    };

    private Task<int> SuspensionEntriesAsync(Guid concernId) =>
        app.QueryAsync(db => db.DecisionLog.CountAsync(e => e.ConcernId == concernId && e.EventType.StartsWith("Suspension")));

    [Fact]
    public async Task ProposesApprovesAndEndsGivenTwoPeopleAndRefusesEachBadRequestWithFieldKeys()
    {
        var lineManager = await app.BearerClientAsync(Caller.LineManager);
        var concernId = await ApiDriver.RaiseToReviewAsync(lineManager, await ApiDriver.TeamMemberOfAsync(app, DemoSeeder.LineManagerAccount, skip: 5));
        var proposer = await app.BearerClientAsync(Caller.CommissioningManager);
        using var approver = app.CreateClient();
        approver.DefaultRequestHeaders.Authorization = new("Bearer", await WebAppFixture.LoginAsync(app.CreateClient(), DemoSeeder.SeniorApproverAccount, WebAppFixture.DemoPassword));
        var path = new Uri($"/api/concerns/{concernId}/suspensions", UriKind.Relative);

        // A review date beyond the limit, and no alternatives: 400, keyed by field, nothing written.
        using (var tooLate = await proposer.PostAsJsonAsync(path, new { kind = "Suspension", reason = "Risk.", reviewDate = TodayUk.AddDays(15) }))
        {
            var problem = await tooLate.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
            problem.GetProperty("type").GetString().ShouldBe("urn:justculture:problem:invalid");
            var errors = problem.GetProperty("errors");
            errors.GetProperty("ReviewDate")[0].GetString()!.ShouldContain("no more than 14 days ahead");
            errors.TryGetProperty("Alternatives.Redeployment", out _).ShouldBeTrue();
        }

        (await app.QueryAsync(db => db.Suspensions.CountAsync(s => s.ConcernId == concernId))).ShouldBe(0);
        using (var forbidden = await lineManager.PostAsJsonAsync(path, Proposal(TodayUk.AddDays(7))))
        {
            forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using var created = await proposer.PostAsJsonAsync(path, Proposal(TodayUk.AddDays(7)));
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var suspension = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("suspensionId").GetGuid();
        created.Headers.Location!.OriginalString.ShouldBe($"/api/suspensions/{suspension}");

        // The proposer may review the case but is not a named senior approver, so may not approve it.
        using (var own = await proposer.PostAsJsonAsync(new Uri($"/api/suspensions/{suspension}/approve", UriKind.Relative), new { }))
        {
            var problem = await own.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
            problem.GetProperty("errors").GetProperty("Approver")[0].GetString()!.ShouldContain("Only a named senior approver");
        }

        using (var approved = await approver.PostAsJsonAsync(new Uri($"/api/suspensions/{suspension}/approve", UriKind.Relative), new { }))
        {
            approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
            (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("InForce");
        }

        using (var twice = await approver.PostAsJsonAsync(new Uri($"/api/suspensions/{suspension}/approve", UriKind.Relative), new { }))
        {
            (await twice.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("type").GetString().ShouldBe("urn:justculture:problem:conflict");
        }

        // The work list flags it; the line manager may not read it.
        var list = await proposer.GetFromJsonAsync<JsonElement>(new Uri("/api/suspensions", UriKind.Relative));
        list.EnumerateArray().ShouldContain(i => i.GetProperty("suspensionId").GetGuid() == suspension && i.GetProperty("status").GetString() == "InForce");
        using (var notTheirs = await lineManager.GetAsync(new Uri("/api/suspensions", UriKind.Relative)))
        {
            notTheirs.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using (var noReason = await proposer.PostAsJsonAsync(new Uri($"/api/suspensions/{suspension}/end", UriKind.Relative), new { reason = " " }))
        {
            (await noReason.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("Reason").GetArrayLength().ShouldBe(1);
        }

        using (var ended = await proposer.PostAsJsonAsync(new Uri($"/api/suspensions/{suspension}/end", UriKind.Relative), new { reason = "No case to answer." }))
        {
            ended.StatusCode.ShouldBe(HttpStatusCode.OK, await ended.Content.ReadAsStringAsync());
        }

        var entries = await SuspensionEntriesAsync(concernId);
        using (var afterEnd = await proposer.PostAsJsonAsync(new Uri($"/api/suspensions/{suspension}/review", UriKind.Relative), new { rationale = "Still needed.", reviewDate = TodayUk.AddDays(7) }))
        {
            await afterEnd.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        }

        (await SuspensionEntriesAsync(concernId)).ShouldBe(entries);
        entries.ShouldBe(3);
        (await app.QueryAsync(db => db.DecisionLog.Where(e => e.ConcernId == concernId && e.EventType == LogEventTypes.SuspensionApproved).Select(e => e.ActorId).ToListAsync()))
            .ShouldBe([DemoSeeder.SeniorApproverAccount]);
    }
}
