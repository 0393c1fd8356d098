using JustCulture.Web.Tests.Hosting;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace JustCulture.Web.Tests.Browser;

/// <summary>
/// In Chromium, under the app's real Content-Security-Policy (no inline script or style), every page each caller
/// reaches by following links loads without a single policy violation or script error, and the report charts —
/// drawn by script from data blocks on the page — still render.
/// </summary>
[Collection(BrowserFixture.Collection)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser, ITestOutputHelper output)
{
    /// <summary>Records every violation the browser reports, from before the page's own scripts run.</summary>
    private const string RecordViolations = """
        window.__jcViolations = [];
        document.addEventListener('securitypolicyviolation', e => window.__jcViolations.push(
            `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile || location.pathname}:${e.lineNumber}`));
        """;

    private const int PagesPerCaller = 25;

    private static async Task<BrowserSession> WatchedSessionAsync(BrowserFixture browser, string name, List<string> problems)
    {
        var session = await browser.NewSessionAsync(name);
        await session.Page.AddInitScriptAsync(RecordViolations);
        session.Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add($"console error on {session.Page.Url}: {message.Text}");
            }
        };
        session.Page.PageError += (_, error) => problems.Add($"script error on {session.Page.Url}: {error}");
        return session;
    }

    private static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page) =>
        await page.EvaluateAsync<string[]>("() => window.__jcViolations || []");

    [BrowserTheory]
    [InlineData(Caller.Anonymous)]
    [InlineData(Caller.LineManager)]
    [InlineData(Caller.CommissioningManager)]
    [InlineData(Caller.Auditor)]
    [InlineData(Caller.Administrator)]
    public async Task LoadsWithoutPolicyViolationGivenEveryPageReachableAs(Caller caller)
    {
        var problems = new List<string>();
        await using var session = await WatchedSessionAsync(browser, $"csp-{caller}", problems);
        if (caller != Caller.Anonymous)
        {
            await session.SignInAsync(caller);
        }

        string[] extra = caller == Caller.Anonymous ? ["/no-such-page", "/Error/500"] : ["/Audit/Reports/Board?year=2024-25"];
        var queue = new Queue<(Uri Url, int Depth)>(AccessibilityPages.StartPages[caller].Concat(extra).Select(p => (new Uri(browser.BaseAddress, p), 0)));
        var seen = new HashSet<string>(queue.Select(q => AccessibilityPages.Shape(q.Url)), StringComparer.Ordinal);
        var visited = new List<string>();
        while (queue.TryDequeue(out var next) && visited.Count < PagesPerCaller)
        {
            var status = await session.GotoAsync(next.Url.PathAndQuery);
            visited.Add($"{next.Url.PathAndQuery} ({status})");
            problems.AddRange((await ViolationsAsync(session.Page)).Select(v => $"{next.Url.PathAndQuery}: {v}"));
            if (next.Depth < 2 && status == 200)
            {
                var hrefs = await session.Page.Locator("a[href]:not([download])").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
                foreach (var link in hrefs.Select(h => Uri.TryCreate(h, UriKind.Absolute, out var uri) ? new UriBuilder(uri) { Fragment = string.Empty }.Uri : null).OfType<Uri>())
                {
                    if (AccessibilityPages.IsAppPage(link, browser.BaseAddress) && !link.AbsolutePath.StartsWith("/Account/SignOut", StringComparison.OrdinalIgnoreCase)
                        && seen.Add(AccessibilityPages.Shape(link)))
                    {
                        queue.Enqueue((link, next.Depth + 1));
                    }
                }
            }
        }

        output.WriteLine($"{caller}: {visited.Count} page(s): {string.Join(", ", visited)}");
        // A page that is not found is a 404 the browser logs as a console error: that one is the page's point.
        problems.RemoveAll(p => p.StartsWith("console error", StringComparison.Ordinal) && p.Contains("404", StringComparison.Ordinal) && p.Contains("/no-such-page", StringComparison.Ordinal));
        problems.RemoveAll(p => p.StartsWith("console error", StringComparison.Ordinal) && p.Contains("500", StringComparison.Ordinal) && p.Contains("/Error/500", StringComparison.Ordinal));
        problems.ShouldBeEmpty();
        visited.Count.ShouldBeGreaterThanOrEqualTo(caller == Caller.Anonymous ? 4 : 3);
    }

    [BrowserFact]
    public async Task DrawsEveryChartWithoutPolicyViolationGivenAuditorDashboard()
    {
        var problems = new List<string>();
        await using var auditor = await WatchedSessionAsync(browser, "csp-charts", problems);
        await auditor.SignInAsync(Caller.Auditor);

        (await auditor.GotoAsync("/Audit/Reports?year=2024-25")).ShouldBe(200);

        var charts = await auditor.Page.EvaluateAsync<bool[]>("() => Array.from(document.querySelectorAll('canvas[data-chart-kind]')).map(c => window.Chart !== undefined && window.Chart.getChart(c) !== undefined)");
        charts.Length.ShouldBeGreaterThanOrEqualTo(3);
        charts.ShouldAllBe(drawn => drawn);
        // The NHS.UK frontend started (its script is a module file now, not inline).
        (await auditor.Page.EvaluateAsync<bool>("() => document.body.classList.contains('js-enabled') && document.body.classList.contains('nhsuk-frontend-supported')")).ShouldBeTrue();
        problems.AddRange(await ViolationsAsync(auditor.Page));
        problems.ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task BlocksAndRecordsInlineScriptAndStyleGivenPageThatAddsThem()
    {
        var problems = new List<string>();
        await using var session = await WatchedSessionAsync(browser, "csp-blocks", problems);
        (await session.GotoAsync("/Account/SignIn")).ShouldBe(200);

        // What an injected fragment would try: an inline script and an inline style element.
        var ran = await session.Page.EvaluateAsync<bool>("""
            async () => {
                window.__jcInlineRan = false;
                const script = document.createElement('script');
                script.textContent = 'window.__jcInlineRan = true;';
                document.body.appendChild(script);
                const style = document.createElement('style');
                style.textContent = 'body { display: none; }';
                document.head.appendChild(style);
                await new Promise(resolve => setTimeout(resolve, 200));
                return window.__jcInlineRan;
            }
            """);

        ran.ShouldBeFalse("the inline script ran");
        (await session.Page.Locator("body").IsVisibleAsync()).ShouldBeTrue("the inline style applied");
        var violations = await ViolationsAsync(session.Page);
        violations.ShouldContain(v => v.StartsWith("script-src-elem blocked inline", StringComparison.Ordinal));
        violations.ShouldContain(v => v.StartsWith("style-src-elem blocked inline", StringComparison.Ordinal));
    }
}
