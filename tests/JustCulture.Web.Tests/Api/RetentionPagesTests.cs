using System.Net;
using JustCulture.Application.Retention;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Web.Tests.Authorization;
using JustCulture.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Web.Tests.Api;

/// <summary>The Retention and Subject access request pages: administrators only, on the server.</summary>
public sealed class RetentionPagesTests(SqliteWebAppFixture app) : IClassFixture<SqliteWebAppFixture>
{
    private Task<int> ExportEntriesAsync() => app.QueryAsync(db => db.DecisionLog.CountAsync(e => e.EventType == LogEventTypes.SubjectAccessExported));

    /// <summary>Someone the demo trust has a case about.</summary>
    private Task<string> SubjectWithACaseAsync() =>
        app.QueryAsync(db => db.Concerns.AsNoTracking().OrderBy(c => c.OpenedAtUtc).Select(c => c.SubjectStaffRef).FirstAsync());

    private async Task<HttpResponseMessage> PostSubjectAccessAsync(HttpClient admin, string staffRef, string handler = "")
    {
        var token = await WebAppFixture.AntiforgeryTokenAsync(admin, "/Admin/SubjectAccess");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["StaffRef"] = staffRef });
        return await admin.PostAsync(new Uri("/Admin/SubjectAccess" + handler, UriKind.Relative), form);
    }

    [Fact]
    public async Task ShowsThePeriodAndWhereItComesFromGivenAnAdministrator()
    {
        var admin = await app.CookieClientAsync(Caller.Administrator);

        using var response = await admin.GetAsync(new Uri("/Admin/Retention", UriKind.Relative));

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("6 years, from the default");
        html.ShouldContain("Erasures done so far");
        (await (await admin.GetAsync(new Uri("/Admin", UriKind.Relative))).Content.ReadAsStringAsync()).ShouldContain("href=\"/Admin/SubjectAccess\"");
    }

    [Theory]
    [InlineData(Caller.LineManager)]
    [InlineData(Caller.CommissioningManager)]
    [InlineData(Caller.Auditor)]
    public async Task ForbidsThePagesAndTheirFormsGivenSomeoneWhoIsNotAnAdministrator(Caller caller)
    {
        var client = await app.CookieClientAsync(caller);
        var before = await ExportEntriesAsync();

        foreach (var path in (string[])["/Admin/Retention", "/Admin/SubjectAccess"])
        {
            using var get = await client.GetAsync(new Uri(path, UriKind.Relative));
            ResponseOutcome.Of(get).ShouldBe(Outcome.Forbidden, $"GET {path}");
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["StaffRef"] = "S001" });
            using var post = await client.PostAsync(new Uri(path, UriKind.Relative), form);
            ResponseOutcome.Of(post).ShouldBe(Outcome.Forbidden, $"POST {path}");
        }

        (await ExportEntriesAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task ShowsAndDownloadsTheDocumentLoggingEachGivenAStaffRef()
    {
        var admin = await app.CookieClientAsync(Caller.Administrator);
        var staffRef = await SubjectWithACaseAsync();
        var before = await ExportEntriesAsync();

        using var shown = await PostSubjectAccessAsync(admin, staffRef);
        var html = await shown.Content.ReadAsStringAsync();
        shown.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("id=\"subject-access-document\"");
        html.ShouldContain("Staff record as held");
        html.ShouldContain("Decided by");

        using var download = await PostSubjectAccessAsync(admin, staffRef, "?handler=Download");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
        download.Content.Headers.ContentDisposition?.FileName.ShouldNotBeNull().ShouldContain("subject-access-");
        (await download.Content.ReadAsStringAsync()).ShouldContain($"Subject access: staff ref {staffRef}");
        (await ExportEntriesAsync()).ShouldBe(before + 2);
    }

    [Fact]
    public async Task PutsTheErrorBesideTheStaffRefAndLogsNothingGivenAnUnknownOne()
    {
        var admin = await app.CookieClientAsync(Caller.Administrator);
        var before = await ExportEntriesAsync();

        using var response = await PostSubjectAccessAsync(admin, "NOBODY-999");

        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        html.ShouldContain("id=\"StaffRef-error\"");
        html.ShouldContain("nhsuk-error-summary");
        html.ShouldContain("href=\"#StaffRef\"");
        (await ExportEntriesAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task RunsAfterTheConfirmationGivenAnAdministratorsPost()
    {
        var admin = await app.CookieClientAsync(Caller.Administrator);
        var token = await WebAppFixture.AntiforgeryTokenAsync(admin, "/Admin/SubjectAccess");

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var run = await admin.PostAsync(new Uri("/Admin/Retention", UriKind.Relative), form);

        run.StatusCode.ShouldBe(HttpStatusCode.Redirect, await run.Content.ReadAsStringAsync());
        using var after = await admin.GetAsync(new Uri("/Admin/Retention", UriKind.Relative));
        (await after.Content.ReadAsStringAsync()).ShouldContain("Retention run");

        using var noToken = await admin.PostAsync(new Uri("/Admin/Retention", UriKind.Relative), new FormUrlEncodedContent([]));
        noToken.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a form post without its antiforgery token is refused");
    }
}

/// <summary>Erased cases on the API and the case pages (its own database: the erasure is for good).</summary>
public sealed class ErasedCaseWebTests(SqliteWebAppFixture app) : IClassFixture<SqliteWebAppFixture>
{
    private static readonly DateOnly FarFuture = new(2040, 1, 1);

    private async Task<(Guid ConcernId, Guid ReviewTaskId)> EraseAClosedCaseAsync()
    {
        var (concernId, taskId) = await app.InScopeAsync(async services =>
        {
            var due = await services.GetRequiredService<RetentionDueHandler>().HandleAsync(new RetentionDueQuery(FarFuture, RetentionPeriod.Default));
            var concern = due.First().ConcernIds.First();
            var db = services.GetRequiredService<Persistence.JustCultureDbContext>();
            var task = await db.Bookmarks.AsNoTracking().Where(b => b.CorrelationId == concern && b.Role == "CommissioningManager").Select(b => b.Id).FirstAsync();
            return (concern, task);
        });
        await app.InScopeAsync(services => services.GetRequiredService<RunRetentionHandler>()
            .HandleAsync(new RunRetentionCommand(FarFuture, RetentionPeriod.Default, new Application.Common.Actor("test-admin", "Administrator"))));
        return (concernId, taskId);
    }

    [Fact]
    public async Task RefusesTheStepWith409AndThePagesSayWhenGivenAnErasedCase()
    {
        var (concernId, taskId) = await EraseAClosedCaseAsync();
        var reviewer = await app.BearerClientAsync(Caller.CommissioningManager);

        using var step = await ApiDriver.CompleteAsync(reviewer, taskId, "NoFurtherAction", "Again", conflict: Domain.Concerns.ConflictOfInterest.None);
        var problem = await step.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldStartWith("This case's personal data was erased on ");
        using var read = await reviewer.GetAsync(new Uri($"/api/concerns/{concernId}", UriKind.Relative));
        await read.ShouldBeProblemAsync(HttpStatusCode.Conflict);

        var page = await app.CookieClientAsync(Caller.CommissioningManager);
        using var casePage = await page.GetAsync(new Uri($"/Review/Case/{concernId}", UriKind.Relative));
        casePage.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        casePage.Headers.Location.ShouldNotBeNull().OriginalString.ShouldBe($"/Cases/Erased/{concernId}");
        using var erased = await page.GetAsync(casePage.Headers.Location);
        var html = await erased.Content.ReadAsStringAsync();
        erased.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain($"Case {Domain.Concerns.CaseReference.Of(concernId)} was erased");
        html.ShouldContain("at the end of its retention period");

        using var unknown = await page.GetAsync(new Uri($"/Cases/Erased/{Guid.NewGuid()}", UriKind.Relative));
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The page lists the newest erasures and counts them all; the run above erased every demo person due by 2040.
        var recorded = await app.InScopeAsync(services => services.GetRequiredService<RetentionErasuresHandler>().HandleAsync());
        recorded.ShouldContain(e => e.CaseReferences.Contains(Domain.Concerns.CaseReference.Of(concernId)));
        var admin = await app.CookieClientAsync(Caller.Administrator);
        var retention = await (await admin.GetAsync(new Uri("/Admin/Retention", UriKind.Relative))).Content.ReadAsStringAsync();
        retention.ShouldContain($"{recorded.Count:N0} people&#x27;s case records have been erased.");
        retention.ShouldContain(recorded[0].CaseReferences[0]);
        retention.ShouldContain("erased:");
    }
}
