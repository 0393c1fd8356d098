using System.Text.RegularExpressions;
using JustCulture.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JustCulture.Web.Tests.Browser;

/// <summary>
/// The whole journey through the real UI in Chromium: a line manager raises a concern and answers the checklist, an
/// independent commissioning manager reviews it blinded and routes it, and an auditor verifies the log.
/// Screenshots of every step are in TestResults/screenshots/e2e-*.png.
/// </summary>
[Collection(BrowserFixture.Collection)]
public partial class EndToEndTests(BrowserFixture browser)
{
    [BrowserFact]
    public async Task RaisesOneChecklistPerActionGivenActionsAddedRemovedAndEnterPressed()
    {
        await using var manager = await browser.NewSessionAsync("e2e-three-actions");
        await manager.SignInAsync(Caller.LineManager);
        (await manager.GotoAsync("/Concerns/New")).ShouldBe(200);
        await manager.Page.GetByLabel("Who is the concern about?").SelectOptionAsync(new SelectOptionValue { Index = 2 });
        await manager.Page.GetByLabel("What happened?").FillAsync($"Night shift handover missed ({Guid.NewGuid():N})");
        await manager.Page.GetByLabel("Action 1").FillAsync("Did not hand over the deteriorating patient");
        await SubmitAsync(manager, "Add another action");
        await manager.Page.GetByLabel("Action 2").FillAsync("Left the ward 30 minutes early");
        await SubmitAsync(manager, "Add another action");
        await manager.Page.GetByLabel("Action 3").FillAsync("A box added by mistake");
        await SubmitAsync(manager, "Remove action 3");
        await SubmitAsync(manager, "Add another action");
        await manager.Page.GetByLabel("Action 3").FillAsync("Did not record the observations");
        await manager.Page.GetByLabel("Conduct", new() { Exact = true }).CheckAsync();
        (await manager.Page.Locator("input[name^='Input.Actions']").CountAsync()).ShouldBe(3);
        // The NHS.UK font stack, not the browser's default serif.
        (await manager.Page.EvaluateAsync<string>("getComputedStyle(document.body).fontFamily")).ShouldContain("arial");
        await manager.ScreenshotAsync("three-actions");

        // Enter in a field submits the primary action, not "Add another action".
        await manager.Page.GetByLabel("Action 3").PressAsync("Enter");
        await manager.Page.WaitForURLAsync(new Regex("/Concerns/Checklist/"));
        var concernId = new Regex("/Concerns/Checklist/(?<id>[0-9a-f-]{36})").Match(manager.Page.Url).Groups["id"].Value;

        (await manager.GotoAsync($"/Concerns/Details/{concernId}")).ShouldBe(200);
        await manager.ScreenshotAsync("details");
        var details = await manager.Page.Locator("main").InnerTextAsync();
        details.ShouldContain("Did not hand over the deteriorating patient");
        details.ShouldContain("Left the ward 30 minutes early");
        details.ShouldContain("Did not record the observations");
        details.ShouldNotContain("A box added by mistake");
    }

    [BrowserFact]
    public async Task RoutesConcernToSystemLearningGivenRaisedAnsweredAndReviewedInBrowser()
    {
        var summary = $"Insulin given two hours late on ward 7 ({Guid.NewGuid():N})";

        // Line manager: raise the concern about someone in their team.
        await using var manager = await browser.NewSessionAsync("e2e-line-manager");
        await manager.SignInAsync(Caller.LineManager);
        (await manager.GotoAsync("/Concerns/New")).ShouldBe(200);
        var subject = manager.Page.GetByLabel("Who is the concern about?");
        await subject.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        var staffRef = await subject.InputValueAsync();
        staffRef.ShouldNotBeNullOrEmpty();
        await manager.Page.GetByLabel("What happened?").FillAsync(summary);
        await manager.Page.GetByLabel("Action 1").FillAsync("Gave the 08:00 insulin dose at 10:05");
        await manager.Page.GetByLabel("Day").FillAsync("3");
        await manager.Page.GetByLabel("Month").FillAsync("5");
        await manager.Page.GetByLabel("Year").FillAsync("2025");
        await manager.Page.GetByLabel("Clinical practice", new() { Exact = true }).CheckAsync();
        await manager.ScreenshotAsync("raise");
        await SubmitAsync(manager, "Continue to the checklist");

        // The checklist, one question per page: no intent to harm, no health indications, no agreed protocol → D.
        var questions = 0;
        while (manager.Page.Url.Contains("/Concerns/Checklist/", StringComparison.Ordinal))
        {
            (++questions).ShouldBeLessThanOrEqualTo(11, "the checklist did not reach check-your-answers");
            await manager.ScreenshotAsync($"question-{questions}");
            (await manager.Page.Locator("h1").CountAsync()).ShouldBe(1, await manager.Page.Locator("body").InnerTextAsync());
            await manager.Page.GetByLabel("No", new() { Exact = true }).CheckAsync();
            await SubmitAsync(manager, "Continue");
        }

        questions.ShouldBe(5);
        manager.Page.Url.ShouldContain("/Concerns/CheckAnswers/");
        (await manager.Page.Locator("main").InnerTextAsync()).ShouldContain("Outcome D");
        await manager.ScreenshotAsync("check-answers");
        (await manager.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();
        await SubmitAsync(manager, "Submit checklist");
        manager.Page.Url.ShouldMatch(DetailsPage().ToString());
        var concernId = DetailsPage().Match(manager.Page.Url).Groups["id"].Value;
        (await manager.Page.Locator(".nhsuk-panel--confirmation").InnerTextAsync()).ShouldContain("Checklist submitted");
        await manager.ScreenshotAsync("submitted");

        // Commissioning manager: the case is in the blinded queue; decide the route with a rationale.
        await using var reviewer = await browser.NewSessionAsync("e2e-commissioning-manager");
        await reviewer.SignInAsync(Caller.CommissioningManager);
        // Newest first: the queue is paged, and this case is the newest.
        (await reviewer.GotoAsync("/Review?sort=newest")).ShouldBe(200);
        await reviewer.ScreenshotAsync("queue");
        await reviewer.ClickAndWaitForPageAsync(reviewer.Page.Locator($"a[href='/Review/Case/{concernId}']").First);
        reviewer.Page.Url.ShouldEndWith($"/Review/Case/{concernId}");
        var casePage = await reviewer.Page.Locator("main").InnerTextAsync();
        // Blinded: named by its case reference, not the staff ref a reviewer could look up.
        casePage.ShouldContain(JustCulture.Domain.Concerns.CaseReference.Of(Guid.Parse(concernId)));
        casePage.ShouldNotContain(staffRef);
        casePage.ShouldContain(summary);
        // Words, not enum names.
        casePage.ShouldContain("Awaiting review");
        casePage.ShouldNotContain("AwaitingReview");
        (await reviewer.Page.Locator("#subject-name").CountAsync()).ShouldBe(0, "the case is blinded by default");
        await reviewer.ScreenshotAsync("case");
        (await reviewer.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();
        await reviewer.ClickAndWaitForPageAsync(reviewer.Page.Locator("#decide-1"));
        await reviewer.Page.GetByLabel("System learning", new() { Exact = true }).CheckAsync();
        await reviewer.Page.GetByLabel("Rationale for the route").FillAsync("No agreed protocol for late insulin on the ward: a system fix, not individual action.");
        await reviewer.Page.GetByLabel("No, I have no conflict of interest").CheckAsync();
        await reviewer.ScreenshotAsync("decide");
        (await reviewer.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();
        await SubmitAsync(reviewer, "Continue");
        reviewer.Page.Url.ShouldContain($"/Review/Case/{concernId}");
        (await reviewer.Page.Locator("#action-1").InnerTextAsync()).ShouldContain("System learning");
        await reviewer.ScreenshotAsync("routed");

        // The line manager sees the route; the auditor finds the log intact.
        (await manager.GotoAsync($"/Concerns/Details/{concernId}")).ShouldBe(200);
        (await manager.Page.Locator("main").InnerTextAsync()).ShouldContain("System learning");
        await manager.ScreenshotAsync("routed");
        await using var auditor = await browser.NewSessionAsync("e2e-auditor");
        await auditor.SignInAsync(Caller.Auditor);
        (await auditor.GotoAsync("/Audit/Log")).ShouldBe(200);
        // The page names a checkpoint the store holds (the sequencer may sign a newer one a moment later).
        var stated = await auditor.Page.Locator("#newest-checkpoint").InnerTextAsync();
        var signed = browser.Factory.Services.GetRequiredService<JustCulture.Persistence.DecisionLog.DecisionLogTrust>().Store.ReadAll()
            .Select(c => $"Newest {JustCulture.Application.Log.LogCheckpointSummary.Of(c)!.Describe()}.");
        signed.ShouldContain(stated.Trim());
        (await auditor.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();
        await SubmitAsync(auditor, "Verify log");
        (await auditor.Page.Locator("#verification").InnerTextAsync()).ShouldContain("The log is intact");
        await auditor.ScreenshotAsync("verified");
    }

    /// <summary>Clicks a form's button and waits for the page the server answers with to load.</summary>
    private static Task SubmitAsync(BrowserSession session, string button) =>
        session.ClickAndWaitForPageAsync(session.Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }));

    [GeneratedRegex(@"/Concerns/Details/(?<id>[0-9a-f\-]{36})", RegexOptions.CultureInvariant)]
    private static partial Regex DetailsPage();
}
