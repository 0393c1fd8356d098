using JustCulture.Application.Concerns;
using JustCulture.Application.Demo;
using JustCulture.Application.Tasks;
using JustCulture.Domain.Concerns;
using JustCulture.Persistence;
using JustCulture.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JustCulture.Web.Tests.Browser;

/// <summary>
/// A commissioning manager's main job, through the UI only: find the case in the filtered queue, route it to
/// informal resolution with a conflict-of-interest declaration, record that it did not resolve, see it come
/// back marked, and route it to a formal investigation through check-your-answers. Screenshots in
/// TestResults/screenshots/journey-commissioning-*.png.
/// </summary>
[Collection(BrowserFixture.Collection)]
public sealed class CommissioningJourneyTests(BrowserFixture browser)
{
    /// <summary>The line manager's part, done through the use cases: a Medication concern with checklist outcome D.</summary>
    private async Task<Guid> ConcernAwaitingReviewAsync(string summary)
    {
        await using var scope = browser.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JustCultureDbContext>();
        var manager = await db.Users.AsNoTracking().SingleAsync(u => u.UserId == DemoSeeder.LineManagerAccount);
        var subject = await db.Staff.AsNoTracking().Where(s => s.LineManagerRef == manager.StaffRef).OrderBy(s => s.StaffRef).Skip(3).Select(s => s.StaffRef).FirstAsync();
        var concernId = await scope.ServiceProvider.GetRequiredService<OpenConcernHandler>().HandleAsync(
            new OpenConcernCommand(subject, DemoSeeder.LineManagerAccount, summary, ["Gave a controlled drug without a second checker"], "Medication"));
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

    private async Task OpenFromQueueAsync(BrowserSession reviewer, Guid concernId)
    {
        // Newest first: the queue is paged, and the case just raised or returned is the newest.
        (await reviewer.GotoAsync("/Review?sort=newest")).ShouldBe(200);
        await reviewer.ClickAndWaitForPageAsync(reviewer.Page.Locator($"#review-queue a[href='/Review/Case/{concernId}']"));
    }

    [BrowserFact]
    public async Task ShowsTheNextCasesGivenReviewerFollowsNextOnTheQueue()
    {
        var pageSize = JustCulture.Web.Pages.Review.IndexModel.PageSize;
        async Task<List<Guid>> ReviewableAsync()
        {
            await using var scope = browser.Factory.Services.CreateAsyncScope();
            var all = await scope.ServiceProvider.GetRequiredService<JustCulture.Application.Review.ReviewQueueHandler>()
                .HandleAsync(new JustCulture.Application.Review.ReviewQueueQuery(DemoSeeder.CommissioningAccount));
            return all.Where(i => i.Conflict is null).Select(i => i.TaskId).ToList();
        }

        var queue = await ReviewableAsync();
        for (var i = queue.Count; i <= pageSize; i++)
        {
            await ConcernAwaitingReviewAsync($"Insulin dose missed at lunchtime ({Guid.NewGuid():N})");
        }

        queue = await ReviewableAsync();
        await using var reviewer = await browser.NewSessionAsync("journey-queue-pages");
        await reviewer.SignInAsync(Caller.CommissioningManager);
        (await reviewer.GotoAsync("/Review")).ShouldBe(200);
        var rows = reviewer.Page.Locator("#review-queue tbody tr");
        (await rows.CountAsync()).ShouldBe(pageSize);
        (await reviewer.Page.Locator("nav.nhsuk-pagination[aria-label='Pagination'] a[rel='prev']").CountAsync()).ShouldBe(0);
        await reviewer.ScreenshotAsync("first-page");

        await reviewer.ClickAndWaitForPageAsync(reviewer.Page.GetByRole(AriaRole.Link, new() { Name = "Next page" }));

        reviewer.Page.Url.ShouldContain("after=");
        (await reviewer.Page.Locator("#review-queue caption").InnerTextAsync()).ShouldContain($"showing {pageSize + 1} to");
        (await rows.First.GetAttributeAsync("data-task-id")).ShouldBe(queue[pageSize].ToString(), "the second page starts where the first ended");
        (await reviewer.Page.GetByRole(AriaRole.Link, new() { Name = "Previous page" }).CountAsync()).ShouldBe(1);
        await reviewer.ScreenshotAsync("second-page");
        await ShouldBeAccessibleAsync(reviewer);
        (await reviewer.HorizontalOverflowAtAsync(375)).ShouldBeNull("the paged queue overflows sideways at 375 px");
        await reviewer.Page.SetViewportSizeAsync(1280, 800);

        await reviewer.ClickAndWaitForPageAsync(reviewer.Page.GetByRole(AriaRole.Link, new() { Name = "Previous page" }));
        (await rows.First.GetAttributeAsync("data-task-id")).ShouldBe(queue[0].ToString());
    }

    [BrowserFact]
    public async Task StartsFormalInvestigationGivenInformalResolutionFailedAndAnswersChecked()
    {
        var concernId = await ConcernAwaitingReviewAsync($"Controlled drug given unchecked on ward 4 ({Guid.NewGuid():N})");
        var reference = CaseReference.Of(concernId);
        await using var reviewer = await browser.NewSessionAsync("journey-commissioning");
        await reviewer.SignInAsync(Caller.CommissioningManager);

        // The queue, filtered to route decisions in Medication, newest first.
        (await reviewer.GotoAsync("/Review")).ShouldBe(200);
        await reviewer.Page.GetByLabel("Waiting for").SelectOptionAsync("route");
        await reviewer.Page.GetByLabel("Category").SelectOptionAsync("Medication");
        await reviewer.Page.GetByLabel("Sort by").SelectOptionAsync("newest");
        await SubmitAsync(reviewer, "Apply");
        reviewer.Page.Url.ShouldContain("category=Medication");
        var rows = reviewer.Page.Locator("#review-queue tbody tr");
        (await rows.CountAsync()).ShouldBeGreaterThan(0);
        foreach (var cell in await reviewer.Page.Locator("#review-queue tbody tr td:nth-child(2)").AllInnerTextsAsync())
        {
            cell.ShouldContain("Medication");
        }

        (await rows.First.GetAttributeAsync("data-concern-id")).ShouldBe(concernId.ToString(), "newest first puts the case just raised at the top");
        await reviewer.ScreenshotAsync("queue-filtered");
        await ShouldBeAccessibleAsync(reviewer);
        (await reviewer.HorizontalOverflowAtAsync(375)).ShouldBeNull("the queue overflows sideways at 375 px");
        await reviewer.ScreenshotAsync("queue-375px");
        await reviewer.Page.SetViewportSizeAsync(1280, 800);

        // The case: blinded, named by its reference.
        await reviewer.ClickAndWaitForPageAsync(reviewer.Page.Locator($"#review-queue a[href='/Review/Case/{concernId}']"));
        (await reviewer.Page.Locator("h1").InnerTextAsync()).ShouldBe($"Case {reference}");
        (await reviewer.Page.Locator("#subject-name").CountAsync()).ShouldBe(0);
        await ShouldBeAccessibleAsync(reviewer);
        (await reviewer.HorizontalOverflowAtAsync(375)).ShouldBeNull("the case page overflows sideways at 375 px");
        await reviewer.ScreenshotAsync("case-375px");
        await reviewer.Page.SetViewportSizeAsync(1280, 800);

        // Route to informal resolution, declaring no conflict of interest; "why not informal" stays hidden.
        await reviewer.ClickAndWaitForPageAsync(reviewer.Page.Locator("#decide-1"));
        var statement = reviewer.Page.Locator("#InformalNotAppropriate");
        (await statement.IsVisibleAsync()).ShouldBeFalse("the statement is revealed only for a formal investigation");
        await reviewer.Page.GetByLabel("Informal resolution", new() { Exact = true }).CheckAsync();
        (await statement.IsVisibleAsync()).ShouldBeFalse();
        await reviewer.Page.GetByLabel("Rationale for the route").FillAsync("A first lapse: a supervised practice review with the pharmacist is proportionate.");
        await reviewer.Page.GetByLabel("No, I have no conflict of interest").CheckAsync();
        await ShouldBeAccessibleAsync(reviewer);
        await reviewer.ScreenshotAsync("decide-informal");
        await SubmitAsync(reviewer, "Continue");
        (await reviewer.Page.Locator("#confirmation").InnerTextAsync()).ShouldContain("route decision has been recorded");
        (await reviewer.Page.Locator("#action-1").InnerTextAsync()).ShouldContain("No conflict of interest");

        // The informal resolution did not resolve it.
        await reviewer.ClickAndWaitForPageAsync(reviewer.Page.Locator("#result-1"));
        await reviewer.Page.GetByLabel("Not resolved – return it to commissioning review").CheckAsync();
        await reviewer.Page.GetByLabel("What happened with the agreed actions?").FillAsync("A second unchecked administration a week later.");
        await reviewer.Page.GetByLabel("No, I have no conflict of interest").CheckAsync();
        await ShouldBeAccessibleAsync(reviewer);
        await SubmitAsync(reviewer, "Record the result");

        // Back in the queue, marked as returned from informal resolution.
        (await reviewer.GotoAsync("/Review?waiting=route&category=Medication&sort=newest")).ShouldBe(200);
        var row = reviewer.Page.Locator($"#review-queue tr[data-concern-id='{concernId}']");
        (await row.InnerTextAsync()).ShouldContain("Returned from informal resolution");
        await reviewer.ScreenshotAsync("queue-returned");

        // Formal investigation: the statement is revealed, then the answers are checked before anything is recorded.
        await OpenFromQueueAsync(reviewer, concernId);
        (await reviewer.Page.Locator("#action-1").InnerTextAsync()).ShouldContain("Returned from informal resolution");
        await reviewer.ClickAndWaitForPageAsync(reviewer.Page.Locator("#decide-1"));
        await reviewer.Page.GetByLabel("Formal investigation", new() { Exact = true }).CheckAsync();
        (await statement.IsVisibleAsync()).ShouldBeTrue("choosing a formal investigation reveals why informal is not appropriate");
        await statement.FillAsync("Informal resolution was tried and the unsafe practice was repeated.");
        await reviewer.Page.GetByLabel("Rationale for the route").FillAsync("Repeated after support");
        await reviewer.Page.GetByLabel("No, I have no conflict of interest").CheckAsync();
        await ShouldBeAccessibleAsync(reviewer);
        await reviewer.ScreenshotAsync("decide-formal");
        await SubmitAsync(reviewer, "Continue");

        (await reviewer.Page.Locator("h1").InnerTextAsync()).ShouldBe("Check your answers before recording a formal investigation");
        var answers = await reviewer.Page.Locator("#decision-answers").InnerTextAsync();
        answers.ShouldContain("Formal investigation");
        answers.ShouldContain("Informal resolution was tried");
        answers.ShouldContain("No conflict of interest");
        await ShouldBeAccessibleAsync(reviewer);
        await reviewer.ScreenshotAsync("check-answers");
        (await reviewer.QueryConcernStageAsync(browser, concernId)).ShouldBe(ActionStage.AwaitingReview, "nothing is recorded before the answers are confirmed");

        // Change the rationale from the check-your-answers page, then confirm.
        await reviewer.ClickAndWaitForPageAsync(reviewer.Page.GetByRole(AriaRole.Button, new() { Name = "Change rationale" }));
        (await reviewer.Page.GetByLabel("Rationale for the route").InputValueAsync()).ShouldBe("Repeated after support");
        (await statement.InputValueAsync()).ShouldStartWith("Informal resolution was tried");
        await reviewer.Page.GetByLabel("Rationale for the route").FillAsync("Repeated unsafe practice after informal resolution; patient safety needs a formal investigation.");
        await SubmitAsync(reviewer, "Continue");
        (await reviewer.Page.Locator("#decision-answers").InnerTextAsync()).ShouldContain("patient safety needs a formal investigation");
        await SubmitAsync(reviewer, "Record the formal investigation");

        reviewer.Page.Url.ShouldContain($"/Review/Case/{concernId}");
        var action = await reviewer.Page.Locator("#action-1").InnerTextAsync();
        action.ShouldContain("Formal investigation");
        action.ShouldNotContain("FormalInvestigation");
        await reviewer.ScreenshotAsync("formal");
        (await reviewer.QueryConcernStageAsync(browser, concernId)).ShouldBe(ActionStage.FormalInvestigation);
    }
}

internal static class ReviewJourneyChecks
{
    /// <summary>The stage of the concern's first action as stored: what the UI claims is checked against the database.</summary>
    public static async Task<ActionStage> QueryConcernStageAsync(this BrowserSession session, BrowserFixture browser, Guid concernId)
    {
        ArgumentNullException.ThrowIfNull(browser);
        await using var scope = browser.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JustCultureDbContext>();
        return await db.ConcernActions.AsNoTracking().Where(a => a.ConcernId == concernId && a.Ordinal == 1).Select(a => a.Stage).SingleAsync();
    }
}
