using System.Net;
using System.Text.RegularExpressions;
using JustCulture.Application.Clocks;
using JustCulture.Application.Demo;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Web.Tests.Api;

/// <summary>The stage clocks on the case pages, the "Due for me" list and the delay-reason form.</summary>
public sealed partial class ClockPagesTests(ShortStageTargetsWebAppFixture app) : IClassFixture<ShortStageTargetsWebAppFixture>
{
    /// <summary>The demo's overdue stages waiting on the commissioning manager with no reason recorded yet, oldest first.</summary>
    private Task<List<DueItem>> OverdueForReviewerAsync() =>
        app.InScopeAsync(async services =>
            (await services.GetRequiredService<DueForMeHandler>().HandleAsync(DemoSeeder.CommissioningAccount)).Items
            .Where(i => i.Kind != DueItemKind.SuspensionReview && i.DelayReasonNeeded && i.ActionOrdinal is not null).ToList());

    private Task<int> DelayEntriesAsync() => app.QueryAsync(db => db.DecisionLog.CountAsync(e => e.EventType == LogEventTypes.StageDelayRecorded));

    private static async Task<HttpResponseMessage> PostDelayAsync(HttpClient client, string path, string? reason, string details)
    {
        using var form = await client.GetAsync(new Uri(path, UriKind.Relative));
        form.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await form.Content.ReadAsStringAsync();
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Hidden("__RequestVerificationToken").Match(html).Groups["value"].Value),
            ["ExpectedVersion"] = Hidden("ExpectedVersion").Match(html).Groups["value"].Value,
            ["Details"] = details,
        };
        if (reason is not null)
        {
            fields["Reason"] = reason;
        }

        using var body = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(path, UriKind.Relative), body);
    }

    private static Regex Hidden(string name) => new($"name=\"{name}\"[^>]*value=\"(?<value>[^\"]*)\"|value=\"(?<value>[^\"]*)\"[^>]*name=\"{name}\"");

    [Fact]
    public async Task ListsOverdueStagesWithRecordWhyLinksGivenCommissioningManager()
    {
        var overdue = await OverdueForReviewerAsync();
        overdue.ShouldNotBeEmpty("with one-day targets the demo trust has stages past their target");
        var reviewer = await app.CookieClientAsync(Caller.CommissioningManager);

        var html = await (await reviewer.GetAsync(new Uri("/Clocks", UriKind.Relative))).Content.ReadAsStringAsync();

        html.ShouldContain("id=\"due-items\"");
        html.ShouldContain($"data-case=\"{overdue[0].CaseReference}\"");
        html.ShouldContain($"href=\"/Clocks/Delay/{overdue[0].ConcernId}/{overdue[0].ActionOrdinal}\"");
        html.ShouldContain("Overdue</strong>");
    }

    [Fact]
    public async Task ShowsTheClockOfEachActionOnTheCasePage()
    {
        var item = (await OverdueForReviewerAsync())[0];
        var reviewer = await app.CookieClientAsync(Caller.CommissioningManager);

        var html = await (await reviewer.GetAsync(new Uri($"/Review/Case/{item.ConcernId}", UriKind.Relative))).Content.ReadAsStringAsync();

        html.ShouldContain("Overdue: delay reason needed");
        html.ShouldContain($"id=\"record-delay-{item.ActionOrdinal}\"");
    }

    [Fact]
    public async Task RecordsTheReasonOnceAndShowsItGivenAValidPostAfterARefusedOne()
    {
        var item = (await OverdueForReviewerAsync())[^1];
        var path = $"/Clocks/Delay/{item.ConcernId}/{item.ActionOrdinal}";
        var reviewer = await app.CookieClientAsync(Caller.CommissioningManager);
        var before = await DelayEntriesAsync();

        using var empty = await PostDelayAsync(reviewer, path, reason: null, details: "  ");
        var refused = await empty.Content.ReadAsStringAsync();
        empty.StatusCode.ShouldBe(HttpStatusCode.OK, "a refused form is shown again");
        refused.ShouldContain("id=\"Reason-error\"");
        refused.ShouldContain("id=\"Details-error\"");
        refused.ShouldContain("<a href=\"#Reason\">");
        (await DelayEntriesAsync()).ShouldBe(before, "nothing is written for a refused form");

        using var valid = await PostDelayAsync(reviewer, path, "WitnessUnavailable", "Waiting for the ward sister to return from leave next week.");
        valid.StatusCode.ShouldBe(HttpStatusCode.Redirect, await valid.Content.ReadAsStringAsync());
        valid.Headers.Location!.OriginalString.ShouldBe($"/Review/Case/{item.ConcernId}?done=delay#action-{item.ActionOrdinal}");
        (await DelayEntriesAsync()).ShouldBe(before + 1);

        var casePage = await (await reviewer.GetAsync(new Uri($"/Review/Case/{item.ConcernId}?done=delay", UriKind.Relative))).Content.ReadAsStringAsync();
        casePage.ShouldContain("Delay recorded: A witness is unavailable");
        casePage.ShouldNotContain($"id=\"record-delay-{item.ActionOrdinal}\"");

        var again = await (await reviewer.GetAsync(new Uri(path, UriKind.Relative))).Content.ReadAsStringAsync();
        again.ShouldContain("id=\"no-delay-needed\"");
        again.ShouldNotContain("id=\"record-delay\"");
    }

    [Fact]
    public async Task ForbidsTheRaiserFromExplainingAReviewersStage()
    {
        var item = (await OverdueForReviewerAsync())[0];
        var lineManager = await app.CookieClientAsync(Caller.LineManager);

        using var response = await lineManager.GetAsync(new Uri($"/Clocks/Delay/{item.ConcernId}/{item.ActionOrdinal}", UriKind.Relative));

        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        (response.StatusCode is HttpStatusCode.NotFound || location.Contains("/Account/AccessDenied", StringComparison.Ordinal))
            .ShouldBeTrue($"got {(int)response.StatusCode} {location}");
    }

    [Fact]
    public async Task RefusesTheDueListGivenAnAuditor()
    {
        var auditor = await app.CookieClientAsync(Caller.Auditor);

        using var response = await auditor.GetAsync(new Uri("/Clocks", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("/Account/AccessDenied");
    }
}
