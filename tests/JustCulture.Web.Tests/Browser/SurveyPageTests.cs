using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Survey;
using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JustCulture.Web.Tests.Browser;

/// <summary>
/// The fairness survey page, as the person reaches it: no sign-in, the three questions answered by clicking, the answers
/// stored once, and the same link refused the second time. Accessible (axe, WCAG 2.2 AA). Screenshots in
/// TestResults/screenshots/survey-*.png.
/// </summary>
[Collection(BrowserFixture.Collection)]
public sealed class SurveyPageTests(BrowserFixture browser)
{
    [Fact]
    public async Task AnswersOnceWithoutSignInAndRefusesTheLinkAgain()
    {
        string token;
        int before;
        await using (var scope = browser.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JustCultureDbContext>();
            var offered = await db.FairnessSurveyInvitations.Select(i => i.ConcernId).ToListAsync();
            var concernId = await db.Concerns.Where(c => !offered.Contains(c.Id)).Select(c => c.Id).FirstAsync();
            var (invitation, raw) = FairnessSurveyInvitation.Issue(concernId, WresGroup.Bme, 2025, "test", DateTime.UtcNow);
            db.FairnessSurveyInvitations.Add(invitation);
            await db.SaveChangesAsync();
            token = raw;
            before = await db.FairnessSurveyResponses.CountAsync();
        }

        await using var session = await browser.NewSessionAsync("survey");
        (await session.GotoAsync($"/Survey/{token}")).ShouldBe(200);
        (await session.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();
        await session.ScreenshotAsync("form");

        // Sending nothing: each question is named in the error summary.
        await session.ClickAndWaitForPageAsync(session.Page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }));
        (await session.Page.Locator(".nhsuk-error-summary").InnerTextAsync()).ShouldContain("Choose one answer");

        await session.Page.Locator("#TreatedFairly-Disagree").CheckAsync();
        await session.Page.Locator("#ListenedTo-Agree").CheckAsync();
        await session.Page.Locator("#SameAsWhiteColleague-StronglyDisagree").CheckAsync();
        await session.ClickAndWaitForPageAsync(session.Page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }));
        (await session.Page.Locator("#survey-thanks").IsVisibleAsync()).ShouldBeTrue();
        await session.ScreenshotAsync("thanks");

        (await session.GotoAsync($"/Survey/{token}")).ShouldBe(200);
        (await session.Page.Locator("#survey-used").IsVisibleAsync()).ShouldBeTrue();
        (await session.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();

        await using var check = browser.Factory.Services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<JustCultureDbContext>().FairnessSurveyResponses.CountAsync();
        stored.ShouldBe(before + 1);
    }
}
