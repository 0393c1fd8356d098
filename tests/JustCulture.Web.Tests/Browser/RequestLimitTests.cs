using System.Net;
using System.Net.Http.Json;
using System.Text;
using JustCulture.Web.Tests.Hosting;

namespace JustCulture.Web.Tests.Browser;

/// <summary>Limits only the real server enforces (the in-memory test server has no request size limit).</summary>
[Collection(BrowserFixture.Collection)]
public class RequestLimitTests(BrowserFixture server)
{
    [Fact]
    public async Task Returns413GivenBodyOverFiveMegabytesOnKestrel()
    {
        using var client = server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/auth/login", UriKind.Relative))
        {
            Content = new StringContent(new string('x', 6 * 1024 * 1024), Encoding.UTF8, "application/json"),
        };
        // Kestrel refuses a declared length over the limit before reading it; waiting for "100 Continue" lets the
        // client read that refusal instead of failing on a connection the server closed mid-upload.
        request.Headers.ExpectContinue = true;

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task ReadsStaffFileOverFiveMegabytesGivenKestrel()
    {
        using var client = server.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await WebAppFixture.LoginAsync(client, Caller.Administrator.DemoAccount(), WebAppFixture.DemoPassword));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/staff/import?year=2031-32", UriKind.Relative))
        {
            Content = new StringContent(new string('x', 6 * 1024 * 1024), Encoding.UTF8, "text/csv"),
        };
        request.Headers.ExpectContinue = true;

        using var response = await client.SendAsync(request);

        // Read and refused as a file without the staff columns, not turned away for its size.
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AcceptsBodyUnderLimitGivenKestrel()
    {
        using var client = server.CreateHttpClient();

        using var response = await client.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { email = "nobody", password = new string('p', 100_000) });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
