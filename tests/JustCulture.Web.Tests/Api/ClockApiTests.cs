using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Web.Tests.Api;

/// <summary>The clock API: a case's clocks for its parties, the caller's due list, and the delay reason with the pages' rules.</summary>
public sealed class ClockApiTests(ShortStageTargetsWebAppFixture app) : IClassFixture<ShortStageTargetsWebAppFixture>
{
    private Task<int> DelayEntriesAsync() => app.QueryAsync(db => db.DecisionLog.CountAsync(e => e.EventType == LogEventTypes.StageDelayRecorded));

    private static async Task<List<JsonElement>> OverdueStagesAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/clocks/due", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var due = await response.Content.ReadFromJsonAsync<JsonElement>();
        var items = due.GetProperty("items").EnumerateArray().ToList();
        due.GetProperty("overdueCount").GetInt32().ShouldBe(items.Count(i => i.GetProperty("isOverdue").GetBoolean()));
        return items.Where(i => i.GetProperty("kind").GetString() == "Stage" && i.GetProperty("delayReasonNeeded").GetBoolean()).ToList();
    }

    [Fact]
    public async Task ListsTheCallersOverdueStagesAndTheCaseClocksAgreeGivenTheDemo()
    {
        var reviewer = await app.BearerClientAsync(Caller.CommissioningManager);
        var overdue = await OverdueStagesAsync(reviewer);
        overdue.ShouldNotBeEmpty("with one-day targets the demo trust has stages past their target");
        var item = overdue[0];
        var concernId = item.GetProperty("concernId").GetGuid();

        var clocks = (await reviewer.GetFromJsonAsync<JsonElement>(new Uri($"/api/concerns/{concernId}/clocks", UriKind.Relative))).EnumerateArray().ToList();

        var clock = clocks.Single(c => c.GetProperty("actionOrdinal").GetInt32() == item.GetProperty("actionOrdinal").GetInt32());
        clock.GetProperty("dueOn").GetString().ShouldBe(item.GetProperty("dueOn").GetString());
        clock.GetProperty("workingDaysLeft").GetInt32().ShouldBeLessThan(0);
        clock.GetProperty("delayReasonNeeded").GetBoolean().ShouldBeTrue();
        clock.GetProperty("stage").GetString().ShouldBe(item.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task RecordsTheReasonOnceGivenFieldProblemsFirstAndRefusesOutsiders()
    {
        var reviewer = await app.BearerClientAsync(Caller.CommissioningManager);
        var item = (await OverdueStagesAsync(reviewer))[^1];
        var concernId = item.GetProperty("concernId").GetGuid();
        var path = new Uri($"/api/concerns/{concernId}/actions/{item.GetProperty("actionOrdinal").GetInt32()}/delay", UriKind.Relative);
        var before = await DelayEntriesAsync();

        using (var bad = await reviewer.PostAsJsonAsync(path, new { reason = "Bored", details = " " }))
        {
            var errors = (await bad.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors");
            errors.TryGetProperty("Reason", out _).ShouldBeTrue();
            errors.TryGetProperty("Details", out _).ShouldBeTrue();
        }

        using (var numeric = await reviewer.PostAsJsonAsync(path, new { reason = "1", details = "Waiting for a statement." }))
        {
            (await numeric.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Reason", out _).ShouldBeTrue();
        }

        foreach (var outsider in new[] { Caller.LineManager, Caller.Auditor })
        {
            using var refused = await (await app.BearerClientAsync(outsider)).PostAsJsonAsync(path, new { reason = "Other", details = "Not mine to say." });
            refused.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        }

        (await DelayEntriesAsync()).ShouldBe(before, "nothing is written for a refused request");

        using (var ok = await reviewer.PostAsJsonAsync(path, new { reason = "ExternalProcess", details = "The regulator asked us to pause until it reports." }))
        {
            ok.StatusCode.ShouldBe(HttpStatusCode.OK, await ok.Content.ReadAsStringAsync());
            var recorded = await ok.Content.ReadFromJsonAsync<JsonElement>();
            recorded.GetProperty("reason").GetString().ShouldBe("ExternalProcess");
        }

        (await DelayEntriesAsync()).ShouldBe(before + 1);
        var clock = (await reviewer.GetFromJsonAsync<JsonElement>(new Uri($"/api/concerns/{concernId}/clocks", UriKind.Relative))).EnumerateArray()
            .Single(c => c.GetProperty("actionOrdinal").GetInt32() == item.GetProperty("actionOrdinal").GetInt32());
        clock.GetProperty("delay").GetString().ShouldBe("ExternalProcess");
        clock.GetProperty("delayReasonNeeded").GetBoolean().ShouldBeFalse();

        using (var again = await reviewer.PostAsJsonAsync(path, new { reason = "Other", details = "Once more." }))
        {
            await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        }

        (await DelayEntriesAsync()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task RefusesTheDueListGivenAnAuditor()
    {
        using var due = await (await app.BearerClientAsync(Caller.Auditor)).GetAsync(new Uri("/api/clocks/due", UriKind.Relative));

        due.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
