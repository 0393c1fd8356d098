using JustCulture.Application.Concerns;
using JustCulture.Application.Demo;
using JustCulture.Application.Tasks;
using JustCulture.Domain;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JustCulture.Web.Tests.Browser;

/// <summary>
/// A suspension through the UI only, by two people: the commissioning manager proposes it from the case page (and is
/// refused without the alternatives and with a review date too far ahead), the named senior approver approves it
/// from their suspensions list, a review proposes it continue and the approver approves that, and it is ended with
/// a reason. Screenshots in TestResults/screenshots/journey-suspension-*.png.
/// </summary>
[Collection(BrowserFixture.Collection)]
public sealed class SuspensionJourneyTests(BrowserFixture browser)
{
    private async Task<Guid> ConcernAwaitingReviewAsync()
    {
        await using var scope = browser.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JustCultureDbContext>();
        var manager = await db.Users.AsNoTracking().SingleAsync(u => u.UserId == DemoSeeder.LineManagerAccount);
        var subject = await db.Staff.AsNoTracking().Where(s => s.LineManagerRef == manager.StaffRef).OrderBy(s => s.StaffRef).Skip(4).Select(s => s.StaffRef).FirstAsync();
        var concernId = await scope.ServiceProvider.GetRequiredService<OpenConcernHandler>().HandleAsync(
            new OpenConcernCommand(subject, DemoSeeder.LineManagerAccount, $"Controlled drug register does not balance ({Guid.NewGuid():N})", ["Signed for morphine that was not given"], "Medication"));
        var tasks = scope.ServiceProvider.GetRequiredService<ListTasksHandler>();
        var complete = scope.ServiceProvider.GetRequiredService<CompleteTaskHandler>();
        foreach (var answer in new[] { "No", "No", "No", "No", "No" })
        {
            var task = (await tasks.HandleAsync(new ListTasksQuery(concernId))).Single();
            await complete.HandleAsync(new CompleteTaskCommand(task.TaskId, DemoSeeder.LineManagerAccount, answer));
        }

        return concernId;
    }

    private static Task SubmitAsync(BrowserSession session, string button) =>
        session.ClickAndWaitForPageAsync(session.Page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }));

    private static async Task ShouldBeAccessibleAsync(BrowserSession session) =>
        (await session.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();

    private static async Task FillDateAsync(BrowserSession session, DateOnly date)
    {
        await session.Page.GetByLabel("Day").FillAsync(date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await session.Page.GetByLabel("Month").FillAsync(date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await session.Page.GetByLabel("Year").FillAsync(date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task<List<string>> SuspensionEventsAsync(Guid concernId)
    {
        await using var scope = browser.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JustCultureDbContext>();
        return await db.DecisionLog.AsNoTracking().Where(e => e.ConcernId == concernId && e.EventType.StartsWith("Suspension"))
            .OrderBy(e => e.EntryId).Select(e => e.EventType + " by " + e.ActorId).ToListAsync();
    }

    [BrowserFact]
    public async Task ProposedApprovedReviewedAndEndedGivenTwoPeople()
    {
        var concernId = await ConcernAwaitingReviewAsync();
        var today = UkDates.UkDateOf(DateTime.UtcNow);
        await using var proposer = await browser.NewSessionAsync("journey-suspension");
        await proposer.SignInAsync(Caller.CommissioningManager);
        await using var approver = await browser.NewSessionAsync("journey-suspension-approver");
        await approver.SubmitSignInAsync(DemoSeeder.SeniorApproverAccount, WebAppFixture.DemoPassword);
        approver.Page.Url.ShouldNotContain("/Account/SignIn", Case.Insensitive);

        // From the case page: propose, first with nothing weighed and a review date too far ahead.
        (await proposer.GotoAsync($"/Review/Case/{concernId}")).ShouldBe(200);
        await proposer.ClickAndWaitForPageAsync(proposer.Page.Locator("#propose-suspension"));
        await proposer.Page.GetByLabel("Suspension", new() { Exact = true }).CheckAsync();
        await proposer.Page.GetByLabel("Why is it needed?").FillAsync("The register shows morphine signed for and not given; patients may be at risk.");
        await FillDateAsync(proposer, today.AddDays(20));
        await SubmitAsync(proposer, "Propose for approval");
        var summary = await proposer.Page.Locator(".nhsuk-error-summary").InnerTextAsync();
        summary.ShouldContain("no more than 14 days ahead");
        summary.ShouldContain("Say why redeployment will not do");
        summary.ShouldContain("Say why restricted duties will not do");
        (await proposer.Page.Locator("#Redeployment-error").CountAsync()).ShouldBe(1);
        await ShouldBeAccessibleAsync(proposer);
        await proposer.ScreenshotAsync("propose-refused");
        (await SuspensionEventsAsync(concernId)).ShouldBeEmpty();

        await proposer.Page.GetByLabel("Why will redeployment not do?").FillAsync("No post away from controlled drugs is free in the directorate.");
        await proposer.Page.GetByLabel("Why will supervision not do?").FillAsync("The discrepancies are on night shifts, which cannot be supervised.");
        await proposer.Page.GetByLabel("Why will restricted duties not do? (for suspension or exclusion)").FillAsync("Every duty of the role involves giving medicines.");
        await FillDateAsync(proposer, today.AddDays(7));
        await proposer.ScreenshotAsync("propose-filled");
        await SubmitAsync(proposer, "Propose for approval");
        (await proposer.Page.Locator("#confirmation").InnerTextAsync()).ShouldContain("no effect until a named senior approver approves it");
        (await proposer.Page.Locator("#suspension-status").InnerTextAsync()).ShouldBe("Awaiting approval");
        (await proposer.Page.Locator("#approve").CountAsync()).ShouldBe(0, "the proposer is offered no approval");
        (await proposer.Page.Locator("#approval-blocked").InnerTextAsync()).ShouldContain("Only a named senior approver");
        await ShouldBeAccessibleAsync(proposer);
        await proposer.ScreenshotAsync("proposed");
        var suspensionUrl = proposer.Page.Url;

        // The case page and the review queue both flag it.
        (await proposer.GotoAsync($"/Review/Case/{concernId}")).ShouldBe(200);
        (await proposer.Page.Locator("#case-flags").InnerTextAsync()).ShouldContain("Suspension awaiting approval");
        await proposer.ScreenshotAsync("case-flagged");

        // The approver finds it waiting for them and approves it.
        (await approver.GotoAsync("/Review/Suspensions")).ShouldBe(200);
        var row = approver.Page.Locator("#suspensions tbody tr").Filter(new() { HasText = JustCulture.Domain.Concerns.CaseReference.Of(concernId) });
        (await row.InnerTextAsync()).ShouldContain("Waiting for your approval");
        await ShouldBeAccessibleAsync(approver);
        await approver.ScreenshotAsync("list");
        await approver.ClickAndWaitForPageAsync(row.Locator("a"));
        await ShouldBeAccessibleAsync(approver);
        await approver.ScreenshotAsync("to-approve");
        await SubmitAsync(approver, "Approve");
        (await approver.Page.Locator("#suspension-status").InnerTextAsync()).ShouldBe("In force");
        await approver.ScreenshotAsync("approved");

        // A review: the proposer proposes it continue; the approver approves the continuation.
        (await proposer.GotoAsync(new Uri(suspensionUrl).PathAndQuery.Split('?')[0])).ShouldBe(200);
        await proposer.ClickAndWaitForPageAsync(proposer.Page.Locator("#review"));
        await proposer.Page.GetByLabel("Why must it continue?").FillAsync("The pharmacy audit is not finished; supervision at night is still not possible.");
        await FillDateAsync(proposer, today.AddDays(14));
        await ShouldBeAccessibleAsync(proposer);
        await proposer.ScreenshotAsync("review");
        await SubmitAsync(proposer, "Propose the continuation");
        (await proposer.Page.Locator("#confirmation").InnerTextAsync()).ShouldContain("The review is recorded");
        await approver.GotoAsync(new Uri(suspensionUrl).AbsolutePath);
        await SubmitAsync(approver, "Approve");
        (await approver.Page.Locator("#review-date").InnerTextAsync()).ShouldBe(UkDates.Date(today.AddDays(14)));
        await approver.ScreenshotAsync("continued");

        // Ended, with a reason.
        await proposer.GotoAsync(new Uri(suspensionUrl).AbsolutePath);
        await proposer.ClickAndWaitForPageAsync(proposer.Page.Locator("#end"));
        await SubmitAsync(proposer, "End it");
        (await proposer.Page.Locator("#Reason-error").InnerTextAsync()).ShouldContain("Enter why it ends");
        await proposer.Page.GetByLabel("Why does it end?").FillAsync("The audit found a recording error by another member of staff.");
        await ShouldBeAccessibleAsync(proposer);
        await SubmitAsync(proposer, "End it");
        (await proposer.Page.Locator("#suspension-status").InnerTextAsync()).ShouldBe("Ended");
        (await proposer.Page.Locator("#end").CountAsync()).ShouldBe(0);
        await ShouldBeAccessibleAsync(proposer);
        await proposer.ScreenshotAsync("ended");

        (await SuspensionEventsAsync(concernId)).ShouldBe(
        [
            $"{LogEventTypes.SuspensionProposed} by {DemoSeeder.CommissioningAccount}",
            $"{LogEventTypes.SuspensionApproved} by {DemoSeeder.SeniorApproverAccount}",
            $"{LogEventTypes.SuspensionContinuationProposed} by {DemoSeeder.CommissioningAccount}",
            $"{LogEventTypes.SuspensionContinued} by {DemoSeeder.SeniorApproverAccount}",
            $"{LogEventTypes.SuspensionEnded} by {DemoSeeder.CommissioningAccount}",
        ]);
    }
}
