using System.Net;
using System.Net.Http.Json;
using JustCulture.Application.Demo;
using JustCulture.Web.Api;
using JustCulture.Web.Tests.Api;
using JustCulture.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Web.Tests.Hardening;

/// <summary>
/// A foreign site can make a signed-in browser send its cookie, but not read the antiforgery token: a change on
/// /api made with the cookie alone is refused; the same with a bearer token, or with the cookie and the token, works.
/// </summary>
public sealed class CookieApiAntiforgeryTests(SqliteWebAppFixture app) : IClassFixture<SqliteWebAppFixture>
{
    private async Task<HttpRequestMessage> RaiseRequestAsync(string summary)
    {
        var subject = await ApiDriver.TeamMemberOfAsync(app, DemoSeeder.LineManagerAccount);
        return new HttpRequestMessage(HttpMethod.Post, new Uri("/api/concerns", UriKind.Relative))
        {
            Content = JsonContent.Create(new RaiseConcernRequest(subject, summary, ["Gave the 02:00 dose at 03:40"], "Clinical practice", new DateOnly(2025, 5, 1))),
        };
    }

    private Task<int> ConcernsOfLineManagerAsync() =>
        app.QueryAsync(db => db.Concerns.CountAsync(c => c.RaisedByUserId == DemoSeeder.LineManagerAccount));

    [Fact]
    public async Task RefusesCookieChangeGivenForeignOriginAndNoToken()
    {
        using var browser = await app.CookieClientAsync(Caller.LineManager);
        var before = await ConcernsOfLineManagerAsync();
        using var request = await RaiseRequestAsync("Raised by a foreign site");
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await browser.SendAsync(request);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("type").GetString().ShouldBe("urn:justculture:problem:antiforgery");
        (await ConcernsOfLineManagerAsync()).ShouldBe(before, "nothing was raised");
        // The cookie still reads: only changes need the token.
        using var read = await browser.GetAsync(new Uri("/api/tasks", UriKind.Relative));
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task RaisesConcernGivenBearerToken()
    {
        using var client = await app.BearerClientAsync(Caller.LineManager);
        using var request = await RaiseRequestAsync("Raised by an API client");
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RaisesConcernGivenCookieAndAntiforgeryToken()
    {
        using var browser = await app.CookieClientAsync(Caller.LineManager);
        var token = await WebAppFixture.AntiforgeryTokenAsync(browser, "/Concerns/New");
        using var request = await RaiseRequestAsync("Raised from the app's own page");
        request.Headers.Add("RequestVerificationToken", token);

        using var response = await browser.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}
