using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using JustCulture.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace JustCulture.Web.Tests.Browser;

/// <summary>
/// One test's browser: its own context (cookies) and page, signed in as a role through the real sign-in form,
/// with screenshots saved to <c>TestResults/screenshots/&lt;test&gt;-&lt;step&gt;.png</c> under the test output
/// directory and axe-core accessibility checks.
/// </summary>
public sealed class BrowserSession(IBrowserContext context, IPage page, string testName) : IAsyncDisposable
{
    private static readonly string[] Blocking = ["serious", "critical"];
    private int _shots;

    public IPage Page { get; } = page;

    public string TestName { get; } = testName;

    public async Task SignInAsync(Caller caller)
    {
        await SubmitSignInAsync(caller.DemoAccount(), WebAppFixture.DemoPassword);
        Page.Url.ShouldNotContain("/Account/SignIn", Case.Insensitive, $"signing in as {caller} failed");
    }

    /// <summary>Fills in and submits the sign-in form; the caller checks where it led.</summary>
    public async Task SubmitSignInAsync(string userId, string password)
    {
        await GotoAsync("/Account/SignIn");
        await Page.GetByLabel("User ID").FillAsync(userId);
        await Page.GetByLabel("Password").FillAsync(password);
        await ClickAndWaitForPageAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }));
    }

    /// <summary>Goes to a path of the app and returns the HTTP status of the page.</summary>
    public async Task<int> GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
        return response?.Status ?? 0;
    }

    /// <summary>
    /// Clicks a link or submit button and waits until the page the server answers with has loaded (a form may post
    /// back to the same URL, so waiting for a URL change is not enough): the old document is marked and the wait
    /// ends when a fresh, fully loaded document replaces it.
    /// </summary>
    public async Task ClickAndWaitForPageAsync(ILocator target)
    {
        ArgumentNullException.ThrowIfNull(target);
        await Page.EvaluateAsync("() => { window.__jcPreviousPage = true; }");
        await target.ClickAsync();
        await Page.WaitForFunctionAsync("() => window.__jcPreviousPage !== true && document.readyState === 'complete'");
    }

    /// <summary>Saves a full-page screenshot and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string step)
    {
        Directory.CreateDirectory(TestArtifacts.Screenshots);
        var name = $"{Sanitise(TestName)}-{++_shots:00}-{Sanitise(step)}.png";
        var path = Path.Combine(TestArtifacts.Screenshots, name);
        await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    /// <summary>The WCAG 2.2 AA rule set: every level A and AA rule of WCAG 2.0, 2.1 and 2.2.</summary>
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>Runs axe-core (WCAG 2.2 AA rules) on the page as it is now; returns the serious and critical violations, described.</summary>
    public async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync()
    {
        var result = await Page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. WcagTags] } });
        return result.Violations
            .Where(v => Blocking.Contains(v.Impact, StringComparer.OrdinalIgnoreCase))
            .Select(v => $"{Page.Url}: {v.Impact} {v.Id} – {v.Help} at {string.Join("; ", v.Nodes.Select(n => $"{n.Target} {n.Html} ({string.Join(" ", (n.All ?? []).Concat(n.Any ?? []).Concat(n.None ?? []).Select(c => c.Message))})"))}")
            .ToList();
    }

    /// <summary>
    /// At a <paramref name="width"/>-pixel viewport (left at that width): null when nothing overflows sideways,
    /// else how far the page overflows and the outermost elements that stick out, to say what to fix.
    /// </summary>
    public async Task<string?> HorizontalOverflowAtAsync(int width)
    {
        await Page.SetViewportSizeAsync(width, 800);
        // The header script moves links that no longer fit into its "More" menu on the next animation frame.
        await Page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
        return await Page.EvaluateAsync<string?>("""
            () => {
              const over = document.documentElement.scrollWidth - window.innerWidth;
              if (over <= 0) return null;
              const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '');
              const wide = [...document.body.querySelectorAll('*')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .filter(e => !e.parentElement || e.parentElement.getBoundingClientRect().right <= window.innerWidth + 1)
                .slice(0, 5).map(name);
              return `${over}px too wide: ${wide.join(', ')}`;
            }
            """);
    }

    public async ValueTask DisposeAsync()
    {
        await Page.CloseAsync();
        await context.DisposeAsync();
    }

    private static string Sanitise(string text) =>
        new(text.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
}
