using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JustCulture.Application.Demo;
using JustCulture.Domain.Concerns;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using static JustCulture.Web.Tests.Api.ApiDriver;

namespace JustCulture.Web.Tests.Api;

/// <summary>The formal process through the API: conclusion, hearing and appeal in order, each refusal keyed by field with nothing written, for independent reviewers only.</summary>
public sealed class FormalApiTests(SqliteWebAppFixture app) : IClassFixture<SqliteWebAppFixture>
{
    private static string Today => JustCulture.Domain.UkDates.UkDateOf(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private Task<Guid> FormalCaseAsync(int skip) => FormalInvestigationAsync(app, skip);

    private Task<int> FormalEntriesAsync(Guid concernId) => app.QueryAsync(db => db.DecisionLog.CountAsync(e => e.ConcernId == concernId
        && (e.EventType == LogEventTypes.InvestigationConcluded || e.EventType == LogEventTypes.HearingHeld
            || e.EventType == LogEventTypes.AppealLodged || e.EventType == LogEventTypes.AppealDecided)));

    private static Uri Step(Guid id, string step) => new($"/api/concerns/{id}/actions/1/formal/{step}", UriKind.Relative);

    [Fact]
    public async Task RecordsConclusionHearingAndAppealInOrderGivenEachRefusalFirst()
    {
        var id = await FormalCaseAsync(skip: 3);
        var reviewer = await app.BearerClientAsync(Caller.CommissioningManager);

        using (var early = await reviewer.PostAsJsonAsync(Step(id, "hearing"), new { hearingDate = Today, panel = "HR chair and two managers", outcome = "FinalWrittenWarning" }))
        {
            (await early.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("errors").TryGetProperty("Outcome", out _).ShouldBeTrue();
        }

        using (var bad = await reviewer.PostAsJsonAsync(Step(id, "conclusion"), new { finding = "Maybe", concludedOn = Today }))
        {
            (await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Finding", out _).ShouldBeTrue();
        }

        (await FormalEntriesAsync(id)).ShouldBe(0, "nothing is written for a refused step");

        using (var concluded = await reviewer.PostAsJsonAsync(Step(id, "conclusion"), new { finding = "CaseToAnswer", concludedOn = Today }))
        {
            concluded.StatusCode.ShouldBe(HttpStatusCode.OK, await concluded.Content.ReadAsStringAsync());
            (await concluded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("finding").GetString().ShouldBe("CaseToAnswer");
        }

        using (var noSanction = await reviewer.PostAsJsonAsync(Step(id, "appeal"), new { lodgedOn = Today }))
        {
            (await noSanction.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("errors").TryGetProperty("LodgedOn", out _).ShouldBeTrue();
        }

        using (var hearing = await reviewer.PostAsJsonAsync(Step(id, "hearing"), new { hearingDate = Today, panel = "HR chair and two managers", outcome = "FinalWrittenWarning" }))
        {
            hearing.StatusCode.ShouldBe(HttpStatusCode.OK, await hearing.Content.ReadAsStringAsync());
        }

        (await reviewer.PostAsJsonAsync(Step(id, "appeal"), new { lodgedOn = Today })).StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var decided = await reviewer.PostAsJsonAsync(Step(id, "appeal-outcome"), new { outcome = "NotUpheld", decidedOn = Today }))
        {
            decided.StatusCode.ShouldBe(HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
        }

        var formal = (await reviewer.GetFromJsonAsync<JsonElement>(new Uri($"/api/concerns/{id}/formal", UriKind.Relative))).EnumerateArray().Single();
        var record = formal.GetProperty("record");
        record.GetProperty("hearingOutcome").GetString().ShouldBe("FinalWrittenWarning");
        record.GetProperty("appealOutcome").GetString().ShouldBe("NotUpheld");
        formal.GetProperty("next").ValueKind.ShouldBe(JsonValueKind.Null, "nothing is left to record");
        formal.GetProperty("canClose").GetBoolean().ShouldBeTrue();
        (await FormalEntriesAsync(id)).ShouldBe(4);

        // Closing ends the process and the case; a close from a stale read is refused first.
        using (var stale = await reviewer.PostAsJsonAsync(Step(id, "close"), new { expectedVersion = record.GetProperty("version").GetInt32() - 1 }))
        {
            await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        }

        using (var closed = await reviewer.PostAsJsonAsync(Step(id, "close"), new { expectedVersion = record.GetProperty("version").GetInt32() }))
        {
            closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        }

        (await app.QueryAsync(db => db.Concerns.Where(c => c.Id == id).Select(c => c.Status).SingleAsync())).ShouldBe(ConcernStatus.Closed);
        using (var again = await reviewer.PostAsJsonAsync(Step(id, "close"), new { }))
        {
            await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        }

        var workList = (await reviewer.GetFromJsonAsync<JsonElement>(new Uri("/api/formal", UriKind.Relative))).EnumerateArray().ToList();
        var listed = workList.Single(w => w.GetProperty("concernId").GetGuid() == id);
        listed.GetProperty("hearingPanel").ValueKind.ShouldBe(JsonValueKind.Null, "the work list carries no free text");
    }

    [Fact]
    public async Task RefusesTheRaiserAndTheAuditorGivenAFormalCase()
    {
        var id = await FormalCaseAsync(skip: 4);

        foreach (var outsider in new[] { Caller.LineManager, Caller.Auditor })
        {
            var client = await app.BearerClientAsync(outsider);
            using var read = await client.GetAsync(new Uri($"/api/concerns/{id}/formal", UriKind.Relative));
            read.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            using var write = await client.PostAsJsonAsync(Step(id, "conclusion"), new { finding = "NoCaseToAnswer", concludedOn = Today });
            write.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await FormalEntriesAsync(id)).ShouldBe(0);
    }
}
