using JustCulture.Domain.Concerns;
using System.Net;
using JustCulture.Application.Demo;
using JustCulture.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using static JustCulture.Web.Tests.Api.ApiDriver;

namespace JustCulture.Web.Tests.Authorization;

/// <summary>
/// docs/domain/roles.md rules that depend on the case, not just the role: a line manager sees only concerns they raised; a
/// commissioning manager may not review a case whose subject they manage (or that they raised).
/// </summary>
public class PerCaseAuthorizationTests(SqliteWebAppFixture app) : IClassFixture<SqliteWebAppFixture>
{
    [Fact]
    public async Task Returns403GivenLineManagerFetchingAnotherManagersConcernById()
    {
        var lineManager = await app.BearerClientAsync(Caller.LineManager);
        var theirs = await ConcernRaisedByAnotherManagerAsync(app);

        using var response = await lineManager.GetAsync(new Uri($"/api/concerns/{theirs}", UriKind.Relative));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var summary = await app.QueryAsync(db => db.Concerns.Where(c => c.Id == theirs).Select(c => c.Summary).SingleAsync());
        problem.ToString().ShouldNotContain(summary);
    }

    [Fact]
    public async Task RefusesAnotherManagersConcernGivenLineManagerOnEveryConcernPageById()
    {
        using var lineManager = await app.CookieClientAsync(Caller.LineManager);
        var theirs = await ConcernRaisedByAnotherManagerAsync(app);
        var summary = await app.QueryAsync(db => db.Concerns.Where(c => c.Id == theirs).Select(c => c.Summary).SingleAsync());
        // Every line-manager page that takes a concern id, however many there are when this runs.
        var pages = EndpointCatalog.Read(app.Services)
            .Where(e => e.Kind == EndpointKind.Page && e.Method == "GET" && e.Key.StartsWith("page /Concerns/", StringComparison.Ordinal)
                && e.Route.Contains("{id", StringComparison.Ordinal))
            .Select(e => EndpointCatalog.UrlFor(e.Route.Replace("{id:guid}", theirs.ToString(), StringComparison.Ordinal)))
            .ToList();
        // The API's answer is always checked, so the test means something even before any such page exists.
        var urls = pages.Append($"/api/concerns/{theirs}").ToList();

        foreach (var url in urls)
        {
            using var response = await lineManager.GetAsync(new Uri(url, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            ResponseOutcome.Of(response).ShouldBeOneOf([Outcome.Forbidden, Outcome.NotFound], $"{url} answered {(int)response.StatusCode}");
            body.ShouldNotContain(summary, customMessage: $"{url} showed another manager's concern");
        }
    }

    [Fact]
    public async Task OmitsAnotherManagersTasksGivenLineManagerListingTasks()
    {
        var lineManager = await app.BearerClientAsync(Caller.LineManager);
        // The demo trust has checklist questions waiting for other line managers: there is something to leave out.
        var othersPending = await app.QueryAsync(db => (
            from b in db.Bookmarks
            join c in db.Concerns on b.CorrelationId equals c.Id
            where b.CompletedAtUtc == null && b.Role == "LineManager" && c.RaisedByUserId != DemoSeeder.LineManagerAccount
            select b.Id).CountAsync());
        othersPending.ShouldBeGreaterThan(0);

        var tasks = await TasksAsync(lineManager);

        var mine = await app.QueryAsync(db => db.Concerns.Where(c => c.RaisedByUserId == DemoSeeder.LineManagerAccount).Select(c => c.Id).ToListAsync());
        tasks.ShouldAllBe(t => mine.Contains(t.ConcernId));
    }

    [Fact]
    public async Task Returns403GivenLineManagerAnsweringAnotherManagersChecklist()
    {
        var lineManager = await app.BearerClientAsync(Caller.LineManager);
        // A concern raised by the demo line manager, answered by a second line manager who did not raise it.
        await app.AddSignInAsync("lm.second", "LineManager", null);
        using var second = app.CreateClient();
        second.DefaultRequestHeaders.Authorization = new("Bearer", await WebAppFixture.LoginAsync(app.CreateClient(), "lm.second", WebAppFixture.DemoPassword));
        var id = await RaiseConcernAsync(lineManager, await TeamMemberOfAsync(app, DemoSeeder.LineManagerAccount));
        var task = await NextTaskAsync(lineManager, id);

        using var response = await CompleteAsync(second, task.TaskId, "No");

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await NextTaskAsync(lineManager, id)).TaskId.ShouldBe(task.TaskId);
    }

    [Fact]
    public async Task Returns403GivenReviewerInTheRaisersTeamCompletingReview()
    {
        var lineManager = await app.BearerClientAsync(Caller.LineManager);
        var subject = await TeamMemberOfAsync(app, DemoSeeder.LineManagerAccount);
        var id = await RaiseToReviewAsync(lineManager, subject);
        var review = await NextTaskAsync(await app.BearerClientAsync(Caller.CommissioningManager), id);
        // A commissioning manager whose own staff record reports to the raiser (a colleague of the subject with no
        // account yet — a staff record links to one account at most): not independent.
        var managerRef = await app.QueryAsync(db => db.Staff.Where(s => s.StaffRef == subject).Select(s => s.LineManagerRef!).SingleAsync());
        var colleague = await app.QueryAsync(db => db.Staff
            .Where(s => s.LineManagerRef == managerRef && s.StaffRef != subject && !db.Users.Any(u => u.StaffRef == s.StaffRef))
            .OrderBy(s => s.StaffRef).Select(s => s.StaffRef).FirstAsync());
        await app.AddSignInAsync("cm.conflicted", "CommissioningManager", colleague);
        using var conflicted = app.CreateClient();
        conflicted.DefaultRequestHeaders.Authorization = new("Bearer", await WebAppFixture.LoginAsync(app.CreateClient(), "cm.conflicted", WebAppFixture.DemoPassword));

        using var response = await CompleteAsync(conflicted, review.TaskId, "NoFurtherAction", "Nothing to learn here.");

        // Not independent is one answer everywhere: 403 here, as on the review pages and exit 4 in the CLI.
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        problem.GetProperty("type").GetString().ShouldBe("urn:justculture:problem:forbidden");
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("raised this concern");
        (await TasksAsync(conflicted)).ShouldNotContain(t => t.ConcernId == id);
        using var view = await conflicted.GetAsync(new Uri($"/api/concerns/{id}", UriKind.Relative));
        view.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ConcernAsync(lineManager, id)).Status.ShouldBe(ConcernStatus.AwaitingReview);
    }
}
