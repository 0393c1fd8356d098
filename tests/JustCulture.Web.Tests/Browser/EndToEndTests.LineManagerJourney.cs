using System.Text.RegularExpressions;
using JustCulture.Domain;
using JustCulture.Domain.Concerns;
using JustCulture.Web.Tests.Hosting;
using Microsoft.Playwright;

namespace JustCulture.Web.Tests.Browser;

public partial class EndToEndTests
{
    /// <summary>
    /// The line manager's journey through the UI only: raise a two-action concern (keyboard and mouse), walk the
    /// first checklist partway, sign out and back in with no cookies left (as on another browser), resume at the
    /// question they were on, finish it at outcome D, walk the second to outcome A, then read the concern page.
    /// Every page is checked with axe (WCAG 2.0–2.2 A/AA rules); screenshots in TestResults/screenshots/e2e-resume-*.png.
    /// </summary>
    [BrowserFact]
    public async Task ResumesChecklistAfterSigningOutGivenTwoActionsWalkedToDifferentOutcomes()
    {
        var summary = $"Medicines round left unfinished on ward 4 ({Guid.NewGuid():N})";
        await using var manager = await browser.NewSessionAsync("e2e-resume");
        await manager.SignInAsync(Caller.LineManager);
        (await manager.GotoAsync("/Concerns")).ShouldBe(200);
        await CheckedPageAsync(manager, "my-concerns");

        // Raise: one action typed, a second added by pressing Enter on "Add another action", the form sent by Enter in a field.
        await manager.ClickAndWaitForPageAsync(manager.Page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Raise a concern", Exact = true }));
        await CheckedPageAsync(manager, "raise");
        await manager.Page.GetByLabel("Who is the concern about?").SelectOptionAsync(new SelectOptionValue { Index = 3 });
        await manager.Page.GetByLabel("What happened?").FillAsync(summary);
        await manager.Page.GetByLabel("Action 1").FillAsync("Did not finish the 10:00 medicines round");
        await PressAndWaitForPageAsync(manager, manager.Page.GetByRole(AriaRole.Button, new() { Name = "Add another action", Exact = true }), "Enter");
        await manager.Page.GetByLabel("Action 2").FillAsync("Signed for doses not given");
        await manager.Page.GetByLabel("Clinical practice", new() { Exact = true }).CheckAsync();
        (await manager.Page.Locator("input[name^='Input.Actions']").CountAsync()).ShouldBe(2);
        await CheckedPageAsync(manager, "raise-two-actions");
        await PressAndWaitForPageAsync(manager, manager.Page.GetByLabel("Action 2"), "Enter");
        manager.Page.Url.ShouldMatch("/Concerns/Checklist/[0-9a-f-]{36}/1");
        var concernId = new Regex("/Concerns/Checklist/(?<id>[0-9a-f-]{36})").Match(manager.Page.Url).Groups["id"].Value;

        // Action 1, partway: 1a, 2a and 2b answered, then back from 2c to 2b.
        for (var i = 1; i <= 3; i++)
        {
            await CheckedPageAsync(manager, $"action-1-question-{i}");
            await AnswerAsync(manager, "No");
        }

        await manager.ClickAndWaitForPageAsync(manager.Page.GetByRole(AriaRole.Link, new() { Name = "Back", Exact = true }));
        var questionAtSignOut = await manager.Page.Locator("h1").InnerTextAsync();
        (await manager.Page.GetByLabel("No", new() { Exact = true }).IsCheckedAsync()).ShouldBeTrue();
        await CheckedPageAsync(manager, "action-1-back");

        // Sign out, lose every cookie, sign in again: the walk resumes from the server, on the question left.
        await SubmitAsync(manager, "Sign out");
        await manager.Page.Context.ClearCookiesAsync();
        await manager.SignInAsync(Caller.LineManager);
        (await manager.GotoAsync("/Concerns")).ShouldBe(200);
        await manager.ClickAndWaitForPageAsync(manager.Page.Locator($"a[href='/Concerns/Details/{concernId}']"));
        await CheckedPageAsync(manager, "details-draft");
        await manager.ClickAndWaitForPageAsync(manager.Page.GetByRole(AriaRole.Link, new() { Name = "Continue the checklist for action 1", Exact = true }));
        (await manager.Page.Locator("h1").InnerTextAsync()).ShouldBe(questionAtSignOut);
        (await manager.Page.GetByLabel("No", new() { Exact = true }).IsCheckedAsync()).ShouldBeTrue("the saved answer is shown again");
        await CheckedPageAsync(manager, "action-1-resumed");
        await AnswerAsync(manager, "No");
        await AnswerAsync(manager, "No");
        await AnswerAsync(manager, "No");
        manager.Page.Url.ShouldContain($"/Concerns/CheckAnswers/{concernId}/1");
        (await manager.Page.Locator("main").InnerTextAsync()).ShouldContain("Outcome D");
        await CheckedPageAsync(manager, "action-1-check-answers");
        await SubmitAsync(manager, "Submit checklist");
        (await manager.Page.Locator(".nhsuk-panel--confirmation").InnerTextAsync()).ShouldContain("D – system failure (protocols)");
        await CheckedPageAsync(manager, "action-1-submitted");

        // Action 2: deliberate harm alleged, outcome A.
        await manager.ClickAndWaitForPageAsync(manager.Page.GetByRole(AriaRole.Link, new() { Name = "Answer the checklist for action 2", Exact = true }));
        await CheckedPageAsync(manager, "action-2-question-1");
        await AnswerAsync(manager, "Yes");
        (await manager.Page.Locator("main").InnerTextAsync()).ShouldContain("Outcome A");
        await CheckedPageAsync(manager, "action-2-check-answers");
        await SubmitAsync(manager, "Submit checklist");
        manager.Page.Url.ShouldMatch(DetailsPage().ToString());

        // The concern page: headed by the summary, both outcomes with their meaning, the decisions so far.
        (await manager.Page.Locator("h1").InnerTextAsync()).ShouldBe(summary);
        var page = await manager.Page.Locator("main").InnerTextAsync();
        page.ShouldContain(Vocabulary.OutcomeWithMeaning(ChecklistOutcome.D));
        page.ShouldContain(Vocabulary.OutcomeWithMeaning(ChecklistOutcome.A));
        page.ShouldContain("UK time");
        page.Contains("UTC", StringComparison.Ordinal).ShouldBeFalse("times are shown in UK time");
        page.ShouldNotContain("AwaitingReview");
        var timeline = await manager.Page.Locator(".jc-timeline li").AllInnerTextsAsync();
        timeline.Count.ShouldBe(3, string.Join(" | ", timeline));
        timeline[0].ShouldContain("You raised the concern");
        timeline[1].ShouldContain("You submitted the checklist for action 1: outcome D – system failure (protocols)");
        timeline[2].ShouldContain("You submitted the checklist for action 2: outcome A – deliberate harm");
        timeline.ShouldAllBe(t => t.Contains(" UK time"));
        await CheckedPageAsync(manager, "details");

        // On a 375 px phone the page reflows instead of scrolling sideways.
        (await manager.HorizontalOverflowAtAsync(375)).ShouldBeNull("the concern page overflows horizontally at 375 px");
        await CheckedPageAsync(manager, "details-375px");
    }

    /// <summary>Checks the radio labelled <paramref name="answer"/> and continues to the next page.</summary>
    private static async Task AnswerAsync(BrowserSession session, string answer)
    {
        session.Page.Url.ShouldContain("/Concerns/Checklist/");
        await session.Page.GetByLabel(answer, new() { Exact = true }).CheckAsync();
        await SubmitAsync(session, "Continue");
    }

    /// <summary>Takes the step's screenshot and insists on no serious or critical WCAG A/AA violation.</summary>
    private static async Task CheckedPageAsync(BrowserSession session, string step)
    {
        await session.ScreenshotAsync(step);
        (await session.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty($"on {step}");
    }

    /// <summary>Presses a key on an element (a button, a field) and waits for the page the server answers with.</summary>
    private static async Task PressAndWaitForPageAsync(BrowserSession session, ILocator target, string key)
    {
        await session.Page.EvaluateAsync("() => { window.__jcPreviousPage = true; }");
        await target.PressAsync(key);
        await session.Page.WaitForFunctionAsync("() => window.__jcPreviousPage !== true && document.readyState === 'complete'");
    }
}
