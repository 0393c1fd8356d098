using JustCulture.Application.Concerns;
using JustCulture.Application.Demo;
using JustCulture.Application.Tasks;
using JustCulture.Domain;
using JustCulture.Domain.Concerns;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JustCulture.Web.Tests.Browser;

/// <summary>
/// The formal process through the UI after the investigation starts: the reviewer records a case to answer (first
/// refused without a finding), the hearing with a final written warning, the appeal and its outcome, each from the
/// case page's next-step button. Screenshots in TestResults/screenshots/journey-formal-*.png.
/// </summary>
[Collection(BrowserFixture.Collection)]
public sealed class FormalJourneyTests(BrowserFixture browser)
{
    private async Task<Guid> FormalInvestigationAsync()
    {
        await using var scope = browser.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JustCultureDbContext>();
        var manager = await db.Users.AsNoTracking().SingleAsync(u => u.UserId == DemoSeeder.LineManagerAccount);
        var subject = await db.Staff.AsNoTracking().Where(s => s.LineManagerRef == manager.StaffRef).OrderBy(s => s.StaffRef).Skip(5).Select(s => s.StaffRef).FirstAsync();
        var concernId = await scope.ServiceProvider.GetRequiredService<OpenConcernHandler>().HandleAsync(
            new OpenConcernCommand(subject, DemoSeeder.LineManagerAccount, $"Observation chart entries made after the event ({Guid.NewGuid():N})", ["Recorded observations that were not taken"], "Record keeping"));
        var tasks = scope.ServiceProvider.GetRequiredService<ListTasksHandler>();
        var complete = scope.ServiceProvider.GetRequiredService<CompleteTaskHandler>();
        foreach (var answer in new[] { "No", "No", "No", "No", "No" })
        {
            var task = (await tasks.HandleAsync(new ListTasksQuery(concernId))).Single();
            await complete.HandleAsync(new CompleteTaskCommand(task.TaskId, DemoSeeder.LineManagerAccount, answer));
        }

        var review = (await tasks.HandleAsync(new ListTasksQuery(concernId))).Single();
        await complete.HandleAsync(new CompleteTaskCommand(review.TaskId, DemoSeeder.CommissioningAccount, "FormalInvestigation", "Falsified observations put patients at risk.",
            "Falsifying a clinical record cannot be settled by a conversation.", Conflict: ConflictOfInterest.None));
        return concernId;
    }

    private async Task<List<string>> FormalEventsAsync(Guid concernId)
    {
        await using var scope = browser.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JustCultureDbContext>();
        string[] formal = [LogEventTypes.InvestigationConcluded, LogEventTypes.HearingHeld, LogEventTypes.AppealLodged, LogEventTypes.AppealDecided,
            LogEventTypes.FormalProcessClosed];
        return await db.DecisionLog.AsNoTracking().Where(e => e.ConcernId == concernId && formal.Contains(e.EventType))
            .OrderBy(e => e.EntryId).Select(e => e.EventType + ":" + e.Answer).ToListAsync();
    }

    private static async Task NextStepAsync(BrowserSession session, Guid concernId, string expectedHeading)
    {
        (await session.GotoAsync($"/Review/Case/{concernId}")).ShouldBe(200);
        await session.ClickAndWaitForPageAsync(session.Page.Locator("#formal-next-1"));
        (await session.Page.Locator("h1").InnerTextAsync()).ShouldBe(expectedHeading);
        (await session.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();
    }

    private static async Task RecordAsync(BrowserSession session, DateOnly date)
    {
        await session.Page.GetByLabel("Day").FillAsync(date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await session.Page.GetByLabel("Month").FillAsync(date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await session.Page.GetByLabel("Year").FillAsync(date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await session.ClickAndWaitForPageAsync(session.Page.GetByRole(AriaRole.Button, new() { Name = "Record it", Exact = true }));
    }

    [BrowserFact]
    public async Task RecordsConclusionHearingAndAppealGivenTheReviewerFollowsTheCasePage()
    {
        var concernId = await FormalInvestigationAsync();
        var today = UkDates.UkDateOf(DateTime.UtcNow);
        await using var reviewer = await browser.NewSessionAsync("journey-formal");
        await reviewer.SignInAsync(Caller.CommissioningManager);

        await NextStepAsync(reviewer, concernId, "Record the investigation's conclusion");
        await RecordAsync(reviewer, today);
        (await reviewer.Page.Locator(".nhsuk-error-summary").InnerTextAsync()).ShouldContain("Choose case to answer or no case to answer");
        (await reviewer.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();
        await reviewer.ScreenshotAsync("conclusion-refused");
        (await FormalEventsAsync(concernId)).ShouldBeEmpty();
        await reviewer.Page.GetByLabel("Case to answer", new() { Exact = true }).CheckAsync();
        await RecordAsync(reviewer, today);
        (await reviewer.Page.Locator("#confirmation").InnerTextAsync()).ShouldContain("The formal-process step has been recorded.");
        (await reviewer.Page.Locator("#formal-1").InnerTextAsync()).ShouldContain($"Case to answer, {UkDates.Date(today)}");
        await reviewer.ScreenshotAsync("concluded");

        await NextStepAsync(reviewer, concernId, "Record the hearing");
        await reviewer.Page.GetByLabel("Who sat on the panel?").FillAsync("Deputy director of nursing (chair), HR business partner");
        await reviewer.Page.GetByLabel("Final written warning", new() { Exact = true }).CheckAsync();
        await reviewer.ScreenshotAsync("hearing-filled");
        await RecordAsync(reviewer, today);
        (await reviewer.Page.Locator("#formal-1").InnerTextAsync()).ShouldContain("Final written warning");

        await NextStepAsync(reviewer, concernId, "Record an appeal");
        await RecordAsync(reviewer, today);
        await NextStepAsync(reviewer, concernId, "Record the appeal's outcome");
        await reviewer.Page.GetByLabel("Not upheld", new() { Exact = true }).CheckAsync();
        await RecordAsync(reviewer, today);
        var record = await reviewer.Page.Locator("#formal-1").InnerTextAsync();
        record.ShouldContain("not upheld");
        (await reviewer.Page.Locator("#formal-next-1").CountAsync()).ShouldBe(0, "nothing more can be recorded");

        // The process has an end: closing it closes the case.
        await reviewer.ClickAndWaitForPageAsync(reviewer.Page.Locator("#formal-close-1"));
        (await reviewer.Page.Locator("h1").InnerTextAsync()).ShouldBe("Close the formal process");
        (await reviewer.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();
        await reviewer.ClickAndWaitForPageAsync(reviewer.Page.GetByRole(AriaRole.Button, new() { Name = "Close the formal process", Exact = true }));
        (await reviewer.Page.Locator("#confirmation").InnerTextAsync()).ShouldContain("The formal process has been closed.");
        (await reviewer.Page.Locator("#formal-closed-1").IsVisibleAsync()).ShouldBeTrue();
        (await reviewer.Page.Locator("#case-summary").InnerTextAsync()).ShouldContain("Closed");
        (await reviewer.Page.Locator("#survey-link-page").IsVisibleAsync()).ShouldBeTrue("a closed case offers the fairness survey");
        (await reviewer.HorizontalOverflowAtAsync(375)).ShouldBeNull("the case page with its formal record reflows at 375 px");
        await reviewer.ScreenshotAsync("closed-375px");

        (await FormalEventsAsync(concernId)).Select(e => e.Split(':')[0]).ShouldBe(
            [LogEventTypes.InvestigationConcluded, LogEventTypes.HearingHeld, LogEventTypes.AppealLodged, LogEventTypes.AppealDecided, LogEventTypes.FormalProcessClosed]);
    }
}
