using JustCulture.Domain.Concerns;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JustCulture.Application.Concerns;
using JustCulture.Application.Tasks;
using JustCulture.Application.Demo;
using JustCulture.Web.Api;
using JustCulture.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Web.Tests.Api;

/// <summary>Drives the API the way a client would, and reads the demo trust for test data.</summary>
public static class ApiDriver
{
    /// <summary>The answers that walk the checklist to outcome D (no agreed protocol) and on to the review.</summary>
    public static IReadOnlyList<string> ChecklistToReview { get; } = ["No", "No", "No", "No", "No"];

    /// <summary>A member of staff managed by the given user (from the user's own staff record).</summary>
    public static Task<string> TeamMemberOfAsync(WebAppFixture app, string userId, int skip = 0)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.QueryAsync(async db =>
        {
            var manager = await db.Users.AsNoTracking().SingleAsync(u => u.UserId == userId);
            return await db.Staff.AsNoTracking().Where(s => s.LineManagerRef == manager.StaffRef)
                .OrderBy(s => s.StaffRef).Select(s => s.StaffRef).Skip(skip).FirstAsync();
        });
    }

    public static Task<Guid> ConcernRaisedByAnotherManagerAsync(WebAppFixture app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.QueryAsync(db => db.Concerns.AsNoTracking()
            .Where(c => c.RaisedByUserId != DemoSeeder.LineManagerAccount).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
    }

    public static async Task<Guid> RaiseConcernAsync(HttpClient lineManager, string subjectStaffRef, string summary = "Medication given late on a night shift")
    {
        ArgumentNullException.ThrowIfNull(lineManager);
        using var response = await lineManager.PostAsJsonAsync(new Uri("/api/concerns", UriKind.Relative),
            new RaiseConcernRequest(subjectStaffRef, summary, ["Gave the 02:00 dose at 03:40"], "Clinical practice", new DateOnly(2025, 5, 1)));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = (await response.Content.ReadFromJsonAsync<ConcernCreated>()).ShouldNotBeNull();
        response.Headers.Location.ShouldNotBeNull().OriginalString.ShouldBe($"/api/concerns/{created.Id}");
        return created.Id;
    }

    /// <summary>Every open task the caller may complete: the pages followed by their Link rel="next".</summary>
    public static async Task<IReadOnlyList<TaskView>> TasksAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var tasks = new List<TaskView>();
        string? next = "/api/tasks?limit=200";
        while (next is not null)
        {
            using var response = await client.GetAsync(new Uri(next, UriKind.Relative));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            tasks.AddRange((await response.Content.ReadFromJsonAsync<List<TaskView>>()).ShouldNotBeNull());
            next = NextLink(response);
        }

        return tasks;
    }

    /// <summary>The target of the response's Link rel="next", or null on the last page.</summary>
    public static string? NextLink(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.Headers.TryGetValues("Link", out var links))
        {
            return null;
        }

        var link = links.SingleOrDefault(l => l.EndsWith("rel=\"next\"", StringComparison.Ordinal));
        return link is null ? null : link[(link.IndexOf('<', StringComparison.Ordinal) + 1)..link.IndexOf('>', StringComparison.Ordinal)];
    }

    public static async Task<TaskView> NextTaskAsync(HttpClient client, Guid concernId) =>
        (await TasksAsync(client)).Single(t => t.ConcernId == concernId);

    public static Task<HttpResponseMessage> CompleteAsync(HttpClient client, Guid taskId, string answer, string? rationale = null, string? informalNotAppropriate = null,
        int? expectedVersion = null, ConflictOfInterest? conflict = null, string? conflictDetails = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.PostAsJsonAsync(new Uri($"/api/tasks/{taskId}/complete", UriKind.Relative),
            new CompleteTaskRequest(answer, rationale, informalNotAppropriate, expectedVersion, conflict, conflictDetails));
    }

    /// <summary>Answers a task and expects it recorded; a commissioning manager's task declares no conflict of interest.</summary>
    public static async Task<CompleteTaskResult> CompleteOkAsync(HttpClient client, Guid taskId, string answer, string? rationale = null)
    {
        var task = (await TasksAsync(client)).Single(t => t.TaskId == taskId);
        ConflictOfInterest? conflict = task.Role == "CommissioningManager" ? ConflictOfInterest.None : null;
        using var response = await CompleteAsync(client, taskId, answer, rationale, conflict: conflict);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<CompleteTaskResult>()).ShouldNotBeNull();
    }

    /// <summary>Raises a concern and answers its checklist through to the commissioning review.</summary>
    public static async Task<Guid> RaiseToReviewAsync(HttpClient lineManager, string subjectStaffRef)
    {
        var concernId = await RaiseConcernAsync(lineManager, subjectStaffRef);
        foreach (var answer in ChecklistToReview)
        {
            await CompleteOkAsync(lineManager, (await NextTaskAsync(lineManager, concernId)).TaskId, answer);
        }

        return concernId;
    }

    /// <summary>A concern about a team member of the demo line manager, routed to a formal investigation by the commissioning manager.</summary>
    public static async Task<Guid> FormalInvestigationAsync(WebAppFixture app, int skip)
    {
        ArgumentNullException.ThrowIfNull(app);
        var lineManager = await app.BearerClientAsync(Caller.LineManager);
        var reviewer = await app.BearerClientAsync(Caller.CommissioningManager);
        var id = await RaiseToReviewAsync(lineManager, await TeamMemberOfAsync(app, DemoSeeder.LineManagerAccount, skip));
        using var routed = await CompleteAsync(reviewer, (await NextTaskAsync(reviewer, id)).TaskId, "FormalInvestigation", "Alleged falsification of records.",
            "A conversation cannot settle an allegation of falsified records.", conflict: ConflictOfInterest.None);
        routed.StatusCode.ShouldBe(HttpStatusCode.OK, await routed.Content.ReadAsStringAsync());
        return id;
    }

    public static async Task<ConcernView> ConcernAsync(HttpClient client, Guid concernId)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri($"/api/concerns/{concernId}", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ConcernView>()).ShouldNotBeNull();
    }

    /// <summary>Asserts an RFC 9457 problem details response with the status, and returns its JSON.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        problem.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        return problem;
    }
}
