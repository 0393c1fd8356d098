using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using JustCulture.Application.Demo;
using JustCulture.Domain.Concerns;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using static JustCulture.Web.Tests.Api.ApiDriver;

namespace JustCulture.Web.Tests.Api;

/// <summary>The formal-process page: the form the record allows next, refusals beside their fields with nothing written, and the case page showing what was recorded.</summary>
public sealed class FormalPagesTests(SqliteWebAppFixture app) : IClassFixture<SqliteWebAppFixture>
{
    private static readonly DateOnly Today = JustCulture.Domain.UkDates.UkDateOf(DateTime.UtcNow);

    private Task<Guid> FormalCaseAsync(int skip) => FormalInvestigationAsync(app, skip);

    private Task<int> FormalEntriesAsync(Guid concernId) => app.QueryAsync(db => db.DecisionLog.CountAsync(e => e.ConcernId == concernId
        && (e.EventType == LogEventTypes.InvestigationConcluded || e.EventType == LogEventTypes.HearingHeld)));

    private static Regex Hidden(string name) => new($"name=\"{name}\"[^>]*value=\"(?<value>[^\"]*)\"|value=\"(?<value>[^\"]*)\"[^>]*name=\"{name}\"");

    private static async Task<HttpResponseMessage> PostAsync(HttpClient reviewer, string path, Dictionary<string, string> fields, DateOnly? date)
    {
        using var form = await reviewer.GetAsync(new Uri(path, UriKind.Relative));
        form.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await form.Content.ReadAsStringAsync();
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(Hidden("__RequestVerificationToken").Match(html).Groups["value"].Value);
        fields["ExpectedVersion"] = Hidden("ExpectedVersion").Match(html).Groups["value"].Value;
        fields["Step"] = Hidden("Step").Match(html).Groups["value"].Value;
        if (date is { } d)
        {
            fields["StepDateDay"] = d.Day.ToString(CultureInfo.InvariantCulture);
            fields["StepDateMonth"] = d.Month.ToString(CultureInfo.InvariantCulture);
            fields["StepDateYear"] = d.Year.ToString(CultureInfo.InvariantCulture);
        }

        using var body = new FormUrlEncodedContent(fields);
        return await reviewer.PostAsync(new Uri(path, UriKind.Relative), body);
    }

    [Fact]
    public async Task RecordsNoCaseToAnswerAfterARefusedFormGivenTheConclusionStep()
    {
        var id = await FormalCaseAsync(skip: 5);
        var reviewer = await app.CookieClientAsync(Caller.CommissioningManager);
        var path = $"/Review/Formal/{id}/1";
        var casePage = await reviewer.GetStringAsync(new Uri($"/Review/Case/{id}", UriKind.Relative));
        casePage.ShouldContain($"href=\"{path}\" id=\"formal-next-1\"");

        using (var empty = await PostAsync(reviewer, path, [], date: null))
        {
            var html = await empty.Content.ReadAsStringAsync();
            empty.StatusCode.ShouldBe(HttpStatusCode.OK, "a refused form is shown again");
            html.ShouldContain("<a href=\"#Finding\">");
            html.ShouldContain("<a href=\"#StepDateDay\">");
            html.ShouldContain("id=\"Finding-error\"");
        }

        using (var future = await PostAsync(reviewer, path, new() { ["Finding"] = "NoCaseToAnswer" }, Today.AddDays(3)))
        {
            (await future.Content.ReadAsStringAsync()).ShouldContain("The date cannot be in the future");
        }

        (await FormalEntriesAsync(id)).ShouldBe(0, "nothing is written for a refused form");

        using (var ok = await PostAsync(reviewer, path, new() { ["Finding"] = "NoCaseToAnswer" }, Today))
        {
            ok.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ok.Content.ReadAsStringAsync());
            ok.Headers.Location!.OriginalString.ShouldBe($"/Review/Case/{id}?done=formal#action-1");
        }

        (await FormalEntriesAsync(id)).ShouldBe(1);
        var after = WebUtility.HtmlDecode(await reviewer.GetStringAsync(new Uri($"/Review/Case/{id}?done=formal", UriKind.Relative)));
        after.ShouldContain("The formal-process step has been recorded.");
        after.ShouldContain($"No case to answer, {JustCulture.Domain.UkDates.Date(Today)}");
        after.ShouldNotContain("id=\"formal-next-1\"", customMessage: "no case to answer ends the formal process");
        after.ShouldContain("id=\"formal-close-1\"", customMessage: "an ended process is closed from the case page");
        var page = await reviewer.GetStringAsync(new Uri(path, UriKind.Relative));
        page.ShouldContain("id=\"close-formal\"");
        page.ShouldNotContain("id=\"record-formal\"", customMessage: "nothing more is recorded after no case to answer");
    }

    [Fact]
    public async Task AsksForTheDetailGivenAHearingOutcomeOfOther()
    {
        var id = await FormalCaseAsync(skip: 6);
        var api = await app.BearerClientAsync(Caller.CommissioningManager);
        using (var concluded = await api.PostAsync(new Uri($"/api/concerns/{id}/actions/1/formal/conclusion", UriKind.Relative),
            System.Net.Http.Json.JsonContent.Create(new { finding = "CaseToAnswer", concludedOn = Today })))
        {
            concluded.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var reviewer = await app.CookieClientAsync(Caller.CommissioningManager);
        var path = $"/Review/Formal/{id}/1";
        (await reviewer.GetStringAsync(new Uri(path, UriKind.Relative))).ShouldContain("Record the hearing");

        using var refused = await PostAsync(reviewer, path, new() { ["Panel"] = "Deputy director (chair), HR business partner", ["Outcome"] = "Other" }, Today);

        var html = await refused.Content.ReadAsStringAsync();
        html.ShouldContain("id=\"OutcomeDetail-error\"");
        html.ShouldContain("value=\"Deputy director (chair), HR business partner\"", customMessage: "what was typed is kept");
        (await FormalEntriesAsync(id)).ShouldBe(1, "only the conclusion is recorded");

        using var ok = await PostAsync(reviewer, path, new() { ["Panel"] = "Deputy director (chair), HR business partner", ["Outcome"] = "FirstWrittenWarning" }, Today);
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ok.Content.ReadAsStringAsync());
        (await reviewer.GetStringAsync(new Uri(path, UriKind.Relative))).ShouldContain("Record an appeal");
    }
}
