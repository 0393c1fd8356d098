using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using JustCulture.Web.Tests.Authorization;
using JustCulture.Web.Tests.Hosting;

namespace JustCulture.Web.Tests.Api;

/// <summary>The OpenAPI document lists only routes that exist: every path and method it names answers, to a caller
/// allowed to use it, with something other than "no such route" (404 without a problem of the app's own) or 405.</summary>
public sealed partial class OpenApiTests(SqliteWebAppFixture app) : IClassFixture<SqliteWebAppFixture>
{
    private const string UnknownId = "4f1c2a9e-0000-4000-8000-00000000abcd";

    [Fact]
    public async Task AnswersEveryListedOperationGivenAllowedCaller()
    {
        using var document = JsonDocument.Parse(await app.CreateClient().GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var paths = document.RootElement.GetProperty("paths");
        var answers = new List<string>();
        var missing = new List<string>();

        foreach (var path in paths.EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                var method = operation.Name.ToUpperInvariant();
                var url = Parameter().Replace(path.Name, m => m.Value switch
                {
                    // A log position past the end: the app's own "no such entry", not a route that does not exist.
                    _ when m.Value.Contains("sequence", StringComparison.OrdinalIgnoreCase) => "999999999",
                    // An action by its ordinal on the unknown case: the case's own "not found".
                    _ when m.Value.Contains("action", StringComparison.OrdinalIgnoreCase) => "1",
                    _ when m.Value.Contains("id", StringComparison.OrdinalIgnoreCase) && !m.Value.Contains("user", StringComparison.OrdinalIgnoreCase) => UnknownId,
                    _ => "no.such.user",
                });
                var client = await ClientForAsync($"{method} {path.Name}");
                using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
                if (operation.Value.TryGetProperty("requestBody", out var body))
                {
                    var contentType = body.GetProperty("content").EnumerateObject().First().Name;
                    request.Content = new StringContent(contentType.Contains("json", StringComparison.Ordinal) ? "{}" : string.Empty, Encoding.UTF8, contentType);
                }

                using var response = await client.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                answers.Add($"{method} {url}: {(int)response.StatusCode}");
                var routeMissing = response.StatusCode == HttpStatusCode.MethodNotAllowed
                    || (response.StatusCode == HttpStatusCode.NotFound && !text.Contains("urn:justculture:problem:not-found", StringComparison.Ordinal));
                if (routeMissing)
                {
                    missing.Add($"{method} {url}: {(int)response.StatusCode} {text}");
                }
            }
        }

        missing.ShouldBeEmpty(string.Join(Environment.NewLine, answers));
        answers.Count.ShouldBeGreaterThanOrEqualTo(15);
        paths.TryGetProperty("/api/auth/register", out _).ShouldBeFalse();
        paths.TryGetProperty("/api/auth/manage/info", out _).ShouldBeFalse();
    }

    /// <summary>The first role the access table lets in (the administrator for anything open to anyone signed in).</summary>
    private async Task<HttpClient> ClientForAsync(string key)
    {
        // The document writes {id}; the access table the route's own {id:guid}.
        var rule = AccessTable.Rules.FirstOrDefault(r => r.Matches(key) || Bare(r.Pattern) == key);
        var caller = rule is { Access: Access.Roles } ? rule.Roles[0] : Caller.Administrator;
        return await app.BearerClientAsync(caller);
    }

    private static string Bare(string pattern) => Constraint().Replace(pattern, "{${name}}");

    [GeneratedRegex(@"\{(?<name>[^}:?]+)[^}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex Constraint();

    [GeneratedRegex(@"\{[^}]+\}", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();
}
