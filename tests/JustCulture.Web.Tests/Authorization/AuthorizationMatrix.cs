using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using JustCulture.Web.Tests.Hosting;
using Xunit.Abstractions;

namespace JustCulture.Web.Tests.Authorization;

public enum Credential
{
    Cookie,
    Bearer,
}

/// <summary>
/// Sends every request of the matrix — each mapped endpoint × anonymous and the four roles; pages with the sign-in
/// cookie, API endpoints with a bearer token and with the cookie — and compares each answer with
/// <see cref="AccessTable"/>. The whole matrix is written to TestResults/&lt;file&gt;.
/// </summary>
public static class AuthorizationMatrix
{
    public static async Task RunAsync(WebAppFixture app, ITestOutputHelper output, string artifactName)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(output);
        var endpoints = EndpointCatalog.Read(app.Services).Where(e => AccessTable.RuleFor(e.Key) is not null).ToList();
        var clients = new Dictionary<(Caller, Credential), HttpClient>();
        foreach (var caller in Callers.All)
        {
            clients[(caller, Credential.Cookie)] = await app.CookieClientAsync(caller);
            clients[(caller, Credential.Bearer)] = await app.BearerClientAsync(caller);
        }

        var matrix = new StringBuilder();
        var mismatches = new List<string>();
        var cells = 0;
        foreach (var endpoint in endpoints)
        {
            var rule = AccessTable.RuleFor(endpoint.Key)!;
            // Pages are used from a browser (cookie); the API is used with either.
            var credentials = endpoint.Kind == EndpointKind.Page ? [Credential.Cookie] : (Credential[])[Credential.Bearer, Credential.Cookie];
            foreach (var caller in Callers.All)
            {
                foreach (var credential in credentials)
                {
                    var expected = rule.ExpectedFor(caller);
                    using var response = await SendAsync(clients[(caller, credential)], endpoint);
                    cells++;
                    var line = string.Create(CultureInfo.InvariantCulture,
                        $"{endpoint.Method,-6} {endpoint.Url,-60} {caller,-20} {credential,-6} expected {expected,-10} got {(int)response.StatusCode} {response.Headers.Location}");
                    matrix.AppendLine(line);
                    if (!ResponseOutcome.Fits(expected, response))
                    {
                        mismatches.Add(line);
                    }
                }
            }
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        Directory.CreateDirectory(TestArtifacts.Directory);
        await File.WriteAllTextAsync(Path.Combine(TestArtifacts.Directory, artifactName), matrix.ToString());
        output.WriteLine($"Authorization matrix: {cells} cells ({endpoints.Count} endpoint/method pairs × {Callers.All.Count} callers; API with bearer and cookie)");
        output.WriteLine(matrix.ToString());

        mismatches.ShouldBeEmpty($"{mismatches.Count} of {cells} cells answered other than declared");
        // Every role and anonymous took part, on pages and on the API.
        endpoints.Count(e => e.Kind == EndpointKind.Page).ShouldBeGreaterThanOrEqualTo(8);
        endpoints.Count(e => e.Kind == EndpointKind.Api).ShouldBeGreaterThanOrEqualTo(7);
        cells.ShouldBeGreaterThan(endpoints.Count * Callers.All.Count);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, AppEndpoint endpoint)
    {
        var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), new Uri(endpoint.Url, UriKind.Relative));
        if (endpoint.Method is "POST" or "PUT" or "PATCH")
        {
            // An empty JSON object (or an empty body of the type the endpoint accepts): enough to reach
            // authorization, never enough to change anything.
            request.Content = endpoint.ContentType is null or "application/json"
                ? new StringContent("{}", Encoding.UTF8, new MediaTypeHeaderValue("application/json"))
                : new StringContent(string.Empty, Encoding.UTF8, new MediaTypeHeaderValue(endpoint.ContentType));
        }

        return client.SendAsync(request);
    }
}
