using JustCulture.Domain.Concerns;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using JustCulture.Application.Demo;
using JustCulture.Application.Log;
using Microsoft.Extensions.DependencyInjection;
using JustCulture.Web.Tests.Hosting;
using static JustCulture.Web.Tests.Api.ApiDriver;

namespace JustCulture.Web.Tests.Api;

/// <summary>The /api endpoints on a SQLite file: each one's happy path and its refusals as problem details.</summary>
public class ApiTests(SqliteWebAppFixture app) : IClassFixture<SqliteWebAppFixture>
{
    [Fact]
    public async Task RaisesConcernAndShowsItGivenLineManagerAndOwnTeamMember()
    {
        var lineManager = await app.BearerClientAsync(Caller.LineManager);
        var subject = await TeamMemberOfAsync(app, DemoSeeder.LineManagerAccount);

        var id = await RaiseConcernAsync(lineManager, subject, "Controlled drugs register not countersigned");
        var concern = await ConcernAsync(lineManager, id);

        concern.SubjectStaffRef.ShouldBe(subject);
        concern.RaisedByUserId.ShouldBe(DemoSeeder.LineManagerAccount);
        concern.Summary.ShouldBe("Controlled drugs register not countersigned");
        concern.Status.ShouldBe(ConcernStatus.Checklist);
        concern.Actions.ShouldHaveSingleItem().Stage.ShouldBe(ActionStage.Checklist);
    }

    [Fact]
    public async Task ListsFirstChecklistQuestionGivenNewConcern()
    {
        var lineManager = await app.BearerClientAsync(Caller.LineManager);
        var id = await RaiseConcernAsync(lineManager, await TeamMemberOfAsync(app, DemoSeeder.LineManagerAccount));

        var task = await NextTaskAsync(lineManager, id);

        task.ActivityId.ShouldBe("q1a");
        task.Role.ShouldBe("LineManager");
        task.Answers.ShouldBe(["Yes", "No"]);
        task.Question.ShouldContain("harm");
    }

    [Fact]
    public async Task RoutesCaseGivenChecklistAnsweredAndIndependentReview()
    {
        var lineManager = await app.BearerClientAsync(Caller.LineManager);
        var reviewer = await app.BearerClientAsync(Caller.CommissioningManager);
        var id = await RaiseToReviewAsync(lineManager, await TeamMemberOfAsync(app, DemoSeeder.LineManagerAccount));

        var review = await NextTaskAsync(reviewer, id);
        review.ActivityId.ShouldBe("review");
        var result = await CompleteOkAsync(reviewer, review.TaskId, "SystemLearning", "The protocol was not in routine use on the ward.");

        result.ConcernId.ShouldBe(id);
        var concern = await ConcernAsync(lineManager, id);
        concern.Actions.ShouldHaveSingleItem().Outcome.ShouldBe(ChecklistOutcome.D);
        concern.Actions.Single().Route.ShouldBe(CaseRoute.SystemLearning);
        (await TasksAsync(reviewer)).ShouldNotContain(t => t.ConcernId == id);
    }

    [Fact]
    public async Task Returns400ProblemGivenMalformedJson()
    {
        var lineManager = await app.BearerClientAsync(Caller.LineManager);
        using var body = new StringContent("{\"subjectStaffRef\": \"S1\", \"summary\": ", Encoding.UTF8, "application/json");

        using var response = await lineManager.PostAsync(new Uri("/api/concerns", UriKind.Relative), body);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Returns400ProblemKeyedToActionsGivenConcernWithoutActions()
    {
        var lineManager = await app.BearerClientAsync(Caller.LineManager);
        var subject = await TeamMemberOfAsync(app, DemoSeeder.LineManagerAccount);

        using var response = await lineManager.PostAsJsonAsync(new Uri("/api/concerns", UriKind.Relative),
            new { subjectStaffRef = subject, summary = "Something happened", actions = Array.Empty<string>(), category = "Clinical practice" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("at least one action");
        problem.GetProperty("errors").GetProperty("Actions").EnumerateArray().ShouldHaveSingleItem().GetString().ShouldNotBeNull().ShouldContain("at least one action");
    }

    [Fact]
    public async Task Returns401ProblemGivenNoCredentials()
    {
        using var anonymous = app.CreateClient();

        using var response = await anonymous.GetAsync(new Uri("/api/tasks", UriKind.Relative));

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task PagesTasksByLinkGivenLimit()
    {
        var lineManager = await app.BearerClientAsync(Caller.LineManager);
        var subject = await TeamMemberOfAsync(app, DemoSeeder.LineManagerAccount);
        await RaiseConcernAsync(lineManager, subject);
        await RaiseConcernAsync(lineManager, subject);
        var all = await TasksAsync(lineManager);

        var seen = new List<Guid>();
        string? next = "/api/tasks?limit=1";
        while (next is not null)
        {
            using var response = await lineManager.GetAsync(new Uri(next, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = (await response.Content.ReadFromJsonAsync<List<JsonElement>>()).ShouldNotBeNull();
            seen.Add(page.ShouldHaveSingleItem().GetProperty("taskId").GetGuid());
            next = NextLink(response);
        }

        seen.Count.ShouldBeGreaterThanOrEqualTo(2);
        seen.Distinct().Count().ShouldBe(seen.Count);
        seen.ShouldBe(all.Select(t => t.TaskId).ToList());
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("after=not-a-cursor", "after")]
    public async Task Returns400ProblemGivenBadPageRequest(string query, string field)
    {
        var lineManager = await app.BearerClientAsync(Caller.LineManager);

        using var response = await lineManager.GetAsync(new Uri($"/api/tasks?{query}", UriKind.Relative));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(problem.ToString());
    }

    [Fact]
    public async Task Returns401GivenBearerTokenThatWasNeverIssued()
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not-a-token-this-app-issued");

        using var response = await client.GetAsync(new Uri("/api/tasks", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Returns401GivenWrongPassword()
    {
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { email = DemoSeeder.AuditorAccount, password = "not-the-password-1" });

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Returns403ProblemGivenAuditorRaisingConcern()
    {
        var auditor = await app.BearerClientAsync(Caller.Auditor);

        using var response = await auditor.PostAsJsonAsync(new Uri("/api/concerns", UriKind.Relative),
            new { subjectStaffRef = "S00001", summary = "x", actions = new[] { "y" } });

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Returns422ProblemGivenLineManagerRaisingConcernAboutSomeoneOutsideTheirTeam()
    {
        var lineManager = await app.BearerClientAsync(Caller.LineManager);
        var notTheirs = await app.QueryAsync(async db =>
        {
            var manager = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Users, u => u.UserId == DemoSeeder.LineManagerAccount);
            return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                db.Staff.Where(s => s.LineManagerRef != null && s.LineManagerRef != manager.StaffRef).OrderBy(s => s.StaffRef).Select(s => s.StaffRef));
        });

        using var response = await lineManager.PostAsJsonAsync(new Uri("/api/concerns", UriKind.Relative),
            new { subjectStaffRef = notTheirs, summary = "Something happened", actions = new[] { "An action" }, category = "Conduct" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("not the line manager");
    }

    [Fact]
    public async Task Returns404ProblemGivenUnknownConcern()
    {
        var lineManager = await app.BearerClientAsync(Caller.LineManager);

        using var response = await lineManager.GetAsync(new Uri($"/api/concerns/{Guid.NewGuid()}", UriKind.Relative));

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Returns404ProblemGivenUnknownTask()
    {
        var lineManager = await app.BearerClientAsync(Caller.LineManager);

        using var response = await CompleteAsync(lineManager, Guid.NewGuid(), "No");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Returns409ProblemGivenTaskAlreadyCompleted()
    {
        var lineManager = await app.BearerClientAsync(Caller.LineManager);
        var id = await RaiseConcernAsync(lineManager, await TeamMemberOfAsync(app, DemoSeeder.LineManagerAccount));
        var task = await NextTaskAsync(lineManager, id);
        await CompleteOkAsync(lineManager, task.TaskId, "No");

        using var again = await CompleteAsync(lineManager, task.TaskId, "No");

        var problem = await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("already completed");
        (await ConcernAsync(lineManager, id)).Actions.Single().Version.ShouldBe(task.ActionVersion + 1);
    }

    [Fact]
    public async Task Returns409ProblemGivenStaleVersion()
    {
        var lineManager = await app.BearerClientAsync(Caller.LineManager);
        var id = await RaiseConcernAsync(lineManager, await TeamMemberOfAsync(app, DemoSeeder.LineManagerAccount));
        var task = await NextTaskAsync(lineManager, id);

        using var response = await CompleteAsync(lineManager, task.TaskId, "No", expectedVersion: task.ActionVersion + 1);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("moved on");
        (await NextTaskAsync(lineManager, id)).TaskId.ShouldBe(task.TaskId);
    }

    [Fact]
    public async Task Returns422ProblemGivenAnswerNotAllowed()
    {
        var lineManager = await app.BearerClientAsync(Caller.LineManager);
        var id = await RaiseConcernAsync(lineManager, await TeamMemberOfAsync(app, DemoSeeder.LineManagerAccount));
        var task = await NextTaskAsync(lineManager, id);

        using var response = await CompleteAsync(lineManager, task.TaskId, "Maybe");

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        (await NextTaskAsync(lineManager, id)).TaskId.ShouldBe(task.TaskId);
    }

    [Fact]
    public async Task Returns422ProblemGivenFormalRouteWithoutStatementThatInformalIsNotAppropriate()
    {
        var lineManager = await app.BearerClientAsync(Caller.LineManager);
        var reviewer = await app.BearerClientAsync(Caller.CommissioningManager);
        var id = await RaiseToReviewAsync(lineManager, await TeamMemberOfAsync(app, DemoSeeder.LineManagerAccount));
        var review = await NextTaskAsync(reviewer, id);

        using var response = await CompleteAsync(reviewer, review.TaskId, "FormalInvestigation", "Serious and repeated.", conflict: ConflictOfInterest.None);

        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        (await ConcernAsync(reviewer, id)).Status.ShouldBe(ConcernStatus.AwaitingReview);
    }

    [Fact]
    public async Task ImportsStaffGivenAdministratorAndValidCsv()
    {
        var admin = await app.BearerClientAsync(Caller.Administrator);
        var manager = await app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Users, u => u.UserId == DemoSeeder.LineManagerAccount));
        var csv = "StaffRef,Name,EthnicCode,Band,StaffGroup,Directorate,StartDate,LineManagerRef\n"
            + $"T900001,Test Person,N,Band 5,Nursing and Midwifery Registered,Medicine,2020-04-01,{manager.StaffRef}\n";
        using var body = new StringContent(csv, Encoding.UTF8, "text/csv");

        using var response = await admin.PostAsync(new Uri("/api/staff/import?year=2031-32", UriKind.Relative), body);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        result.GetProperty("imported").GetInt32().ShouldBe(1);
        result.GetProperty("added").GetInt32().ShouldBe(1);
        result.GetProperty("bme").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Returns400ProblemListingRowsGivenCsvWithBadRow()
    {
        var admin = await app.BearerClientAsync(Caller.Administrator);
        var csv = "StaffRef,Name,EthnicCode,Band,StaffGroup,Directorate,StartDate,LineManagerRef\n"
            + "T900002,Test Person,QQ,Band 5,Nursing,Medicine,not-a-date,\n";
        using var body = new StringContent(csv, Encoding.UTF8, "text/csv");

        using var response = await admin.PostAsync(new Uri("/api/staff/import?year=2031-32", UriKind.Relative), body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors").GetProperty("Csv").EnumerateArray().Select(e => e.GetString()).ToList();
        errors.ShouldContain(e => e!.Contains("line 2", StringComparison.OrdinalIgnoreCase));
        (await app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Staff, s => s.StaffRef == "T900002"))).ShouldBeFalse();
    }

    [Theory]
    [InlineData("0000-01")]
    [InlineData("9999-00")]
    public async Task Returns400KeyedToYearAndStoresNothingGivenImpossibleYear(string year)
    {
        var admin = await app.BearerClientAsync(Caller.Administrator);
        using var body = new StringContent(StaffCsvHeader + "T900003,Test Person,N,Band 5,Nursing,Medicine,2020-04-01,\n", Encoding.UTF8, "text/csv");

        using var response = await admin.PostAsync(new Uri($"/api/staff/import?year={year}", UriKind.Relative), body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().ShouldBe($"year: '{year}' is not a reporting year; write it as YYYY-YY, e.g. 2024-25 (the first year must be from 2000 to 2100).");
        problem.GetProperty("errors").EnumerateObject().ShouldHaveSingleItem().Name.ShouldBe("Year");
        (await app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.HeadcountSnapshots, h => h.Year == "0-01" || h.Year == year))).ShouldBeFalse();
    }

    private const string StaffCsvHeader = "StaffRef,Name,EthnicCode,Band,StaffGroup,Directorate,StartDate,LineManagerRef\n";

    [Fact]
    public async Task ShowsPseudonymisedLogGivenAuditor()
    {
        var auditor = await app.BearerClientAsync(Caller.Auditor);
        var names = await app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Staff.Select(s => s.Name).Take(200)));

        using var response = await auditor.GetAsync(new Uri("/api/audit/log?take=500", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        var page = JsonDocument.Parse(text).RootElement;
        var entries = page.GetProperty("entries").EnumerateArray().ToList();
        entries.Count.ShouldBe(500);
        entries[0].GetProperty("sequence").GetInt64().ShouldBe(1);
        entries.ShouldAllBe(e => e.GetProperty("leafHash").GetString()!.Length == 64);
        page.GetProperty("nextAfter").GetInt64().ShouldBe(500);
        names.ShouldNotBeEmpty();
        names.ShouldAllBe(name => !text.Contains(name, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ShowsKeyedPseudonymsAndNoFreeTextGivenAuditorReadingLogApi()
    {
        var auditor = await app.BearerClientAsync(Caller.Auditor);
        var stored = await app.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            JustCulture.Persistence.DecisionLog.DecisionLogStore.Integrated(db, 500).Select(r => new { r.Sequence, r.Entry.ActorId, r.Entry.Rationale, r.Entry.SubjectStaffRef })));
        var pseudonyms = app.Services.GetRequiredService<ActorPseudonyms>();

        using var response = await auditor.GetAsync(new Uri("/api/audit/log?take=500", UriKind.Relative));

        var text = await response.Content.ReadAsStringAsync();
        var entries = JsonDocument.Parse(text).RootElement.GetProperty("entries").EnumerateArray().ToList();
        entries.Select(e => e.GetProperty("actorPseudonym").GetString()).ShouldBe(stored.Select(e => pseudonyms.For(e.ActorId)));
        entries.SelectMany(e => e.EnumerateObject().Select(p => p.Name)).Distinct().ShouldBe(
            ["sequence", "occurredAtUtc", "eventType", "caseRef", "definitionId", "definitionVersion", "activityId", "question", "answer", "actorRole", "actorPseudonym", "leafHash"],
            ignoreOrder: true);
        var rationales = stored.Select(e => e.Rationale).OfType<string>().Distinct().ToList();
        rationales.ShouldNotBeEmpty("the demo log has review rationales to leak");
        rationales.ShouldAllBe(r => !text.Contains(JsonSerializer.Serialize(r, (JsonSerializerOptions?)null).Trim('"'), StringComparison.Ordinal));
        stored.Select(e => e.SubjectStaffRef).OfType<string>().Distinct().ShouldAllBe(staffRef => !text.Contains("\"" + staffRef + "\"", StringComparison.Ordinal));
        stored.Select(e => e.ActorId).Distinct().ShouldAllBe(actorId => !text.Contains("\"" + actorId + "\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RefusesBadLogFiltersKeyedByFieldGivenAuditor()
    {
        var auditor = await app.BearerClientAsync(Caller.Auditor);

        using var response = await auditor.GetAsync(new Uri("/api/audit/log?case=E00001&event=Nonsense&from=15/01/2027&to=2027-01-15", UriKind.Relative));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["From"]);
        using var second = await auditor.GetAsync(new Uri("/api/audit/log?case=E00001&event=Nonsense", UriKind.Relative));
        var keyed = await second.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        keyed.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["CaseReference", "EventType"]);
    }

    [Fact]
    public async Task ShowsOnlyThatEventInDateRangeGivenLogFilters()
    {
        var auditor = await app.BearerClientAsync(Caller.Auditor);

        using var response = await auditor.GetAsync(new Uri("/api/audit/log?event=ReviewDecided&from=2025-04-01&to=2026-03-31&take=500", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var entries = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("entries").EnumerateArray().ToList();
        entries.ShouldNotBeEmpty();
        entries.ShouldAllBe(e => e.GetProperty("eventType").GetString() == "ReviewDecided");
        entries.Select(e => e.GetProperty("occurredAtUtc").GetDateTime()).ShouldAllBe(t => t >= new DateTime(2025, 3, 31, 23, 0, 0, DateTimeKind.Utc) && t < new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task VerifiesIntactLogGivenAdministrator()
    {
        var admin = await app.BearerClientAsync(Caller.Administrator);

        using var response = await admin.PostAsync(new Uri("/api/audit/verify", UriKind.Relative), null);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        result.GetProperty("intact").GetBoolean().ShouldBeTrue();
        result.GetProperty("entriesChecked").GetInt64().ShouldBeGreaterThan(100);
        result.GetProperty("problem").ValueKind.ShouldBe(JsonValueKind.Null);
        var newest = app.Services.GetRequiredService<JustCulture.Persistence.DecisionLog.DecisionLogTrust>().Store.Newest().ShouldNotBeNull();
        result.GetProperty("checkpoint").GetString().ShouldBe(newest.NoteText);
        result.GetProperty("checkpointsChecked").GetInt32().ShouldBeGreaterThan(0);
        result.GetProperty("root").GetString()!.Length.ShouldBe(64);
    }
}
