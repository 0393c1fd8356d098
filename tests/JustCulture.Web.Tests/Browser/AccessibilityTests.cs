using JustCulture.Web.Tests.Hosting;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace JustCulture.Web.Tests.Browser;

/// <summary>
/// WCAG 2.2 AA as far as a machine can tell: axe-core finds no serious or critical violation on any page each
/// caller can reach, in Chromium, with the real NHS.UK styles and scripts.
/// </summary>
[Collection(BrowserFixture.Collection)]
public class AccessibilityTests(BrowserFixture browser, ITestOutputHelper output)
{
    [BrowserTheory]
    [InlineData(Caller.Anonymous)]
    [InlineData(Caller.LineManager)]
    [InlineData(Caller.CommissioningManager)]
    [InlineData(Caller.Auditor)]
    [InlineData(Caller.Administrator)]
    public async Task HasNoSeriousViolationsGivenEveryPageReachableAs(Caller caller)
    {
        await using var session = await browser.NewSessionAsync($"axe-{caller}");
        if (caller != Caller.Anonymous)
        {
            await session.SignInAsync(caller);
        }

        var queue = new Queue<(Uri Url, int Depth)>(AccessibilityPages.StartPages[caller].Select(p => (new Uri(browser.BaseAddress, p), 0)));
        var seen = new HashSet<string>(queue.Select(q => AccessibilityPages.Shape(q.Url)), StringComparer.Ordinal);
        var visited = new List<string>();
        var problems = new List<string>();
        while (queue.TryDequeue(out var next) && visited.Count < AccessibilityPages.MaxPagesPerCaller)
        {
            var status = await session.GotoAsync(next.Url.PathAndQuery);
            visited.Add($"{next.Url.PathAndQuery} ({status})");
            if (status != 200)
            {
                problems.Add($"{next.Url.PathAndQuery} answered {status} to a {caller} following a link");
                continue;
            }

            await session.ScreenshotAsync(next.Url.AbsolutePath);
            problems.AddRange(await session.SeriousAccessibilityViolationsAsync());
            problems.AddRange(await StructureProblemsAsync(session.Page));
            if (next.Depth < 3)
            {
                // Downloads (the CSV return) are files, not pages: fetched with the session's cookie and checked for a
                // successful answer, but not opened in the browser or checked by axe.
                foreach (var download in await LinksAsync(session.Page, "a[href][download]"))
                {
                    if (AccessibilityPages.IsAppPage(download, browser.BaseAddress) && seen.Add(AccessibilityPages.Shape(download)))
                    {
                        var response = await session.Page.APIRequest.GetAsync(download.ToString());
                        visited.Add($"{download.PathAndQuery} (download {response.Status})");
                        if (response.Status != 200)
                        {
                            problems.Add($"{download.PathAndQuery} answered {response.Status} to a {caller} downloading it");
                        }
                    }
                }

                foreach (var link in await LinksAsync(session.Page, "a[href]:not([download])"))
                {
                    if (AccessibilityPages.IsAppPage(link, browser.BaseAddress) && seen.Add(AccessibilityPages.Shape(link)))
                    {
                        queue.Enqueue((link, next.Depth + 1));
                    }
                }
            }
        }

        output.WriteLine($"{caller}: {visited.Count} page(s): {string.Join(", ", visited)}");
        problems.ShouldBeEmpty();
        visited.Count.ShouldBeGreaterThanOrEqualTo(caller == Caller.Anonymous ? 3 : 2);
    }

    [BrowserFact]
    public async Task HasNoSeriousViolationsGivenSignInPageShowingErrors()
    {
        await using var session = await browser.NewSessionAsync("axe-sign-in-errors");
        await session.GotoAsync("/Account/SignIn");

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        (await session.Page.TitleAsync()).ShouldStartWith("Error: ");
        var summary = session.Page.Locator(".nhsuk-error-summary");
        (await summary.IsVisibleAsync()).ShouldBeTrue();
        // The NHS.UK error summary links each message to its field.
        (await summary.Locator("a[href='#UserId']").CountAsync()).ShouldBe(1);
        await session.ScreenshotAsync("errors");
        (await session.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task ShowsAccessDeniedPageGivenLineManagerOpeningAdministration()
    {
        await using var session = await browser.NewSessionAsync("access-denied");
        await session.SignInAsync(Caller.LineManager);

        var status = await session.GotoAsync("/Admin");

        status.ShouldBe(200);
        session.Page.Url.ShouldContain("/Account/AccessDenied");
        (await session.Page.Locator("h1").InnerTextAsync()).ShouldBe("You do not have access to this page");
        await session.ScreenshotAsync("denied");
        (await session.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task ShowsOnlyOwnRoleCardsGivenHomePageOfAuditor()
    {
        await using var session = await browser.NewSessionAsync("home-auditor");
        await session.SignInAsync(Caller.Auditor);

        await session.GotoAsync("/");

        var cards = await session.Page.Locator(".nhsuk-card__link").AllInnerTextsAsync();
        cards.ShouldBe(["Decision log"]);
        await session.ScreenshotAsync("home");
    }

    /// <summary>What axe does not insist on but the NHS.UK patterns do: one h1, a page title ending "– JustCulture".</summary>
    private static async Task<IReadOnlyList<string>> StructureProblemsAsync(IPage page)
    {
        var problems = new List<string>();
        var headings = await page.Locator("h1").CountAsync();
        if (headings != 1)
        {
            problems.Add($"{page.Url}: {headings} h1 elements (one expected)");
        }

        var title = await page.TitleAsync();
        if (!title.EndsWith("– JustCulture", StringComparison.Ordinal) && !title.EndsWith("- JustCulture", StringComparison.Ordinal))
        {
            problems.Add($"{page.Url}: title '{title}' does not follow 'Page – JustCulture'");
        }

        return problems;
    }

    private static async Task<IReadOnlyList<Uri>> LinksAsync(IPage page, string selector)
    {
        var hrefs = await page.Locator(selector).EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
        return hrefs.Select(h => Uri.TryCreate(h, UriKind.Absolute, out var uri) ? uri : null).OfType<Uri>()
            .Select(u => new UriBuilder(u) { Fragment = string.Empty }.Uri).ToList();
    }
}
