using System.Net;
using System.Text.RegularExpressions;
using JustCulture.TestSupport;
using JustCulture.Web.Hosting;
using JustCulture.Web.Tests.Hosting;

namespace JustCulture.Web.Tests.Hardening;

/// <summary>Every response — page, API, static file, error, health — carries the security headers, and the
/// Content-Security-Policy allows nothing inline.</summary>
public sealed partial class SecurityHeadersTests(SqliteWebAppFixture app) : IClassFixture<SqliteWebAppFixture>
{
    [Theory]
    [InlineData("/Account/SignIn")]
    [InlineData("/api/tasks")]
    [InlineData("/health")]
    [InlineData("/health/live")]
    [InlineData("/js/reports.js")]
    [InlineData("/lib/site.css")]
    [InlineData("/no-such-page")]
    [InlineData("/api/no-such-endpoint")]
    [InlineData("/openapi/v1.json")]
    public async Task SendsPolicyHeadersGivenAnyResponse(string path)
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var csp = response.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem();
        csp.ShouldBe(SecurityHeaders.ContentSecurityPolicy);
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldNotContain("unsafe-eval");
        csp.ShouldContain("script-src 'self';");
        csp.ShouldContain("style-src 'self';");
        csp.ShouldContain("frame-ancestors 'none'");
        response.Headers.GetValues("Permissions-Policy").ShouldHaveSingleItem().ShouldContain("camera=()");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
    }

    [Fact]
    public async Task SendsRelaxedPolicyOnSwaggerOnlyGivenSwaggerUiOnInDevelopment()
    {
        // Swagger UI, like everything without its own rule, is for signed-in users.
        using var client = await app.CookieClientAsync(Caller.Auditor);

        using var swagger = await client.GetAsync(new Uri("/swagger/index.html", UriKind.Relative));

        swagger.StatusCode.ShouldBe(HttpStatusCode.OK);
        swagger.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem().ShouldBe(SecurityHeaders.SwaggerUiPolicy);
    }

    [Fact]
    public void HasNoInlineScriptOrStyleGivenEveryPageTemplate()
    {
        var pages = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.RepoRoot, "src", "JustCulture.Web", "Pages"), "*.cshtml", SearchOption.AllDirectories).ToList();
        pages.Count.ShouldBeGreaterThan(20);

        var inline = new List<string>();
        foreach (var page in pages)
        {
            var text = File.ReadAllText(page);
            var name = Path.GetRelativePath(RepositoryPaths.RepoRoot, page);
            inline.AddRange(StyleAttribute().Matches(text).Select(m => $"{name}: {m.Value}"));
            inline.AddRange(StyleElement().Matches(text).Select(m => $"{name}: {m.Value}"));
            inline.AddRange(EventHandlerAttribute().Matches(text).Select(m => $"{name}: {m.Value}"));
            // A script element is a file (src) or data the page's scripts read (type="application/json"), never code.
            inline.AddRange(ScriptElement().Matches(text)
                .Where(m => !m.Value.Contains("src=", StringComparison.Ordinal) && !m.Value.Contains("type=\"application/json\"", StringComparison.Ordinal))
                .Select(m => $"{name}: {m.Value}"));
        }

        inline.ShouldBeEmpty("inline script or style would be blocked by the Content-Security-Policy: move it to wwwroot/js or frontend/site.scss");
    }

    [GeneratedRegex(@"\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [GeneratedRegex(@"<style[\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex StyleElement();

    [GeneratedRegex(@"\son[a-z]+\s*=\s*""", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();

    [GeneratedRegex(@"<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptElement();
}
