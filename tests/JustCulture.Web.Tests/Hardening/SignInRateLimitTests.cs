using System.Net;
using System.Net.Http.Json;
using JustCulture.TestSupport;
using JustCulture.Web.Tests.Api;
using JustCulture.Web.Tests.Hosting;

namespace JustCulture.Web.Tests.Hardening;

/// <summary>
/// Guessing is slowed per user ID and per client address: past the limit the API answers 429 problem details and
/// the page 429 with its error summary (per user ID) or the error page (per address), each with Retry-After.
/// </summary>
public sealed class SignInRateLimitTests
{
    private static async Task<JustCultureWebFactory> StartAsync(SqliteTestDatabase database, int perAddress, int perAccount)
    {
        var factory = new JustCultureWebFactory(DemoDatabase.SqliteSetting(database), settings: new Dictionary<string, string?>
        {
            ["JustCulture:SignInLimits:PerAddress"] = perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["JustCulture:SignInLimits:PerAccount"] = perAccount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        _ = factory.Services;
        return await Task.FromResult(factory);
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string userId, string password = "Wrong-password-000") =>
        client.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { email = userId, password });

    private static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string userId)
    {
        var token = await WebAppFixture.AntiforgeryTokenAsync(client, "/Account/SignIn");
        return await client.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserId"] = userId, ["Password"] = "Wrong-password-000", ["__RequestVerificationToken"] = token,
        }));
    }

    private static int RetryAfterSeconds(HttpResponseMessage response)
    {
        var delta = response.Headers.RetryAfter.ShouldNotBeNull("429 without Retry-After").Delta.ShouldNotBeNull();
        return (int)delta.TotalSeconds;
    }

    [Theory]
    [InlineData("auditor")]
    [InlineData("no.such.user")]
    public async Task Answers429WithRetryAfterGivenTooManyAttemptsForOneUserId(string userId)
    {
        using var database = await DemoDatabase.CopyAsync("web-limit-account");
        await using var factory = await StartAsync(database, perAddress: 1000, perAccount: 3);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        for (var i = 0; i < 3; i++)
        {
            using var refused = await LoginAsync(client, userId);
            refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using var api = await LoginAsync(client, $"  {userId.ToUpperInvariant()} ");
        using var page = await PostSignInAsync(client, userId);
        using var other = await LoginAsync(client, "someone.else");

        var problem = await api.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("Too many sign-in attempts");
        RetryAfterSeconds(api).ShouldBeInRange(1, 300);
        page.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        RetryAfterSeconds(page).ShouldBeInRange(1, 300);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("nhsuk-error-summary");
        html.ShouldContain("Too many sign-in attempts. Wait 5 minutes and try again.");
        other.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "another user ID has its own allowance");
    }

    [Fact]
    public async Task Answers429WithRetryAfterGivenTooManyAttemptsFromOneAddress()
    {
        using var database = await DemoDatabase.CopyAsync("web-limit-address");
        await using var factory = await StartAsync(database, perAddress: 4, perAccount: 1000);
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        for (var i = 0; i < 4; i++)
        {
            using var refused = await LoginAsync(client, $"user{i}");
            refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }

        using var api = await LoginAsync(client, "auditor", WebAppFixture.DemoPassword);
        var token = await WebAppFixture.AntiforgeryTokenAsync(client, "/Account/SignIn");
        using var page = await client.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserId"] = "auditor", ["Password"] = WebAppFixture.DemoPassword, ["__RequestVerificationToken"] = token,
        }));

        var problem = await api.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        problem.GetProperty("title").GetString().ShouldBe("Too many sign-in attempts");
        RetryAfterSeconds(api).ShouldBeInRange(1, 60);
        page.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        RetryAfterSeconds(page).ShouldBeInRange(1, 60);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("<h1>Too many attempts</h1>");
        page.Headers.TryGetValues("Set-Cookie", out var cookies).ShouldBeFalse(string.Join("; ", cookies ?? []));
    }

    [Fact]
    public async Task Answers429GivenTwoHundredRapidLoginsWithDefaultLimits()
    {
        using var database = await DemoDatabase.CopyAsync("web-limit-default");
        // The app's own defaults, not the test factory's generous ones.
        var defaults = new JustCulture.Web.Hosting.SignInLimitOptions();
        await using var factory = await StartAsync(database, defaults.PerAddress, defaults.PerAccount);
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 200; i++)
        {
            using var response = await LoginAsync(client, $"guess{i % 50}");
            statuses.Add(response.StatusCode);
        }

        statuses.Take(defaults.PerAddress).ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
        // All of the rest, unless the minute's window rolled over while they ran on a slow machine.
        statuses.Count(s => s == HttpStatusCode.TooManyRequests).ShouldBeGreaterThanOrEqualTo(200 - (2 * defaults.PerAddress));
    }
}
