using JustCulture.Persistence;
using JustCulture.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Web.Tests.Browser;

/// <summary>
/// An administrator, in Chromium, opens Retention and Subject access request from Administration, asks for one
/// person's document and sees it; both pages pass axe. Nothing is erased: the browser tests share one database.
/// Screenshots: TestResults/screenshots/retention-journey-*.png.
/// </summary>
[Collection(BrowserFixture.Collection)]
public sealed class RetentionJourneyTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task OpensRetentionAndSubjectAccessAndShowsADocumentGivenAnAdministrator()
    {
        string staffRef;
        using (var scope = browser.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JustCultureDbContext>();
            staffRef = await db.Concerns.AsNoTracking().OrderBy(c => c.OpenedAtUtc).Select(c => c.SubjectStaffRef).FirstAsync();
        }

        await using var admin = await browser.NewSessionAsync("retention-journey");
        var page = admin.Page;
        await admin.SignInAsync(Caller.Administrator);
        (await admin.GotoAsync("/Admin")).ShouldBe(200);

        await admin.ClickAndWaitForPageAsync(page.Locator("a.nhsuk-card__link", new() { HasText = "Retention" }));
        page.Url.ShouldEndWith("/Admin/Retention");
        (await page.Locator("#retention-period").InnerTextAsync()).ShouldBe("6 years, from the default");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Retention");
        await admin.ScreenshotAsync("retention");
        (await admin.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();

        (await admin.GotoAsync("/Admin")).ShouldBe(200);
        await admin.ClickAndWaitForPageAsync(page.Locator("a.nhsuk-card__link", new() { HasText = "Subject access request" }));
        page.Url.ShouldEndWith("/Admin/SubjectAccess");
        await admin.ScreenshotAsync("subject-access-form");
        (await admin.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();

        // An empty staff ref: the error summary links to the field.
        await admin.ClickAndWaitForPageAsync(page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Show the document" }));
        (await page.Locator(".nhsuk-error-summary").InnerTextAsync()).ShouldContain("Enter the staff ref of the person asking.");
        await admin.ScreenshotAsync("subject-access-error");
        (await admin.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();

        await page.Locator("#StaffRef").FillAsync(staffRef);
        await admin.ClickAndWaitForPageAsync(page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Show the document" }));
        var document = await page.Locator("#subject-access-document").InnerTextAsync();
        document.ShouldContain($"Staff ref {staffRef}");
        document.ShouldContain("Staff record as held");
        document.ShouldContain("UK time");
        await admin.ScreenshotAsync("subject-access-document");
        // The whole document is many screens long: its opening and its first case's decisions, at readable size.
        await ClipAsync(page, "retention-journey-05-document-top", 0);
        await ClipAsync(page, "retention-journey-06-document-decisions", 1400);
        (await admin.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();
    }

    private static Task ClipAsync(Microsoft.Playwright.IPage page, string name, int top) =>
        page.ScreenshotAsync(new()
        {
            Path = Path.Combine(TestArtifacts.Screenshots, name + ".png"),
            FullPage = true,
            Clip = new() { X = 0, Y = top, Width = 1280, Height = 1400 },
        });
}
