using System.Net.Http.Headers;
using System.Text;
using JustCulture.Application.Log;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using JustCulture.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static JustCulture.Web.Tests.Api.ApiDriver;

namespace JustCulture.Web.Tests.Fuzz;

/// <summary>
/// A seeded, bounded fuzz of every API endpoint that takes a body or a query: malformed JSON, wrong types,
/// nulls, control characters, unpaired surrogates, over-long text, impossible years and ids. Each request
/// is malformed by construction, so every answer must be a 4xx problem — never a 5xx, never a success —
/// and afterwards nothing was written and the decision log still verifies.
/// </summary>
public static class MalformedRequests
{
    public const int Requests = 2100;

    public static async Task RunAsync(WebAppFixture app, ITestOutputHelper output, int seed)
    {
        var random = new Random(seed);
        var lineManager = await app.BearerClientAsync(Caller.LineManager);
        var reviewer = await app.BearerClientAsync(Caller.CommissioningManager);
        var auditor = await app.BearerClientAsync(Caller.Auditor);
        var administrator = await app.BearerClientAsync(Caller.Administrator);
        var anonymous = app.Factory.CreateClient();
        var concern = await RaiseConcernAsync(lineManager, await TeamMemberOfAsync(app, Callers.DemoAccount(Caller.LineManager)));
        var openTask = await NextTaskAsync(lineManager, concern);
        var before = await CountsAsync(app);

        var statuses = new Dictionary<int, int>();
        var serverErrors = new List<string>();
        for (var i = 0; i < Requests; i++)
        {
            var (client, request, label) = Next(random, i, openTask.TaskId, openTask.ConcernId, lineManager, reviewer, auditor, administrator, anonymous);
            using (request)
            using (var response = await client.SendAsync(request))
            {
                var status = (int)response.StatusCode;
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                if (status is < 400 or >= 500)
                {
                    serverErrors.Add($"#{i} {label} → {status}: {Truncate(await response.Content.ReadAsStringAsync())}");
                }
            }
        }

        output.WriteLine($"seed {seed}: {Requests} malformed requests; statuses " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        serverErrors.ShouldBeEmpty(string.Join("\n", serverErrors.Take(20)));
        (await CountsAsync(app)).ShouldBe(before, "a refused request must not write anything");
        var verification = await app.InScopeAsync(services => services.GetRequiredService<VerifyLogHandler>().HandleAsync());
        verification.IsIntact.ShouldBeTrue(verification.Problem);
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private static Task<string> CountsAsync(WebAppFixture app) => app.QueryAsync(async db =>
        $"concerns {await db.Concerns.CountAsync()}, actions {await db.ConcernActions.CountAsync()}, log {await db.DecisionLog.CountAsync()}, " +
        $"staff {await db.Staff.CountAsync()}, snapshots {await db.HeadcountSnapshots.CountAsync()}, users {await db.Users.CountAsync()}, " +
        $"open tasks {await db.Bookmarks.CountAsync(b => b.CompletedAtUtc == null)}, history {await db.WresHistory.CountAsync()}");

    private static (HttpClient Client, HttpRequestMessage Request, string Label) Next(Random random, int i, Guid taskId, Guid concernId,
        HttpClient lineManager, HttpClient reviewer, HttpClient auditor, HttpClient administrator, HttpClient anonymous)
    {
        switch (i % 9)
        {
            case 0:
                return (anonymous, Json(HttpMethod.Post, "/api/auth/login", BadLogin(random)), "login");
            case 1:
                return (lineManager, Json(HttpMethod.Post, "/api/concerns", BadConcern(random)), "raise concern");
            case 2:
                return (lineManager, Json(HttpMethod.Post, $"/api/tasks/{(random.Next(3) == 0 ? Guid.NewGuid() : taskId)}/complete", BadAnswer(random, lineManagerTask: true)), "complete task (line manager)");
            case 3:
                return (reviewer, Json(HttpMethod.Post, $"/api/tasks/{taskId}/complete", BadAnswer(random, lineManagerTask: false)), "complete task (reviewer)");
            case 4:
                return (administrator, Csv($"/api/staff/import?year={Uri.EscapeDataString(BadYearOrGood(random))}", BadStaffCsv(random)), "staff import");
            case 5:
                return (auditor, new HttpRequestMessage(HttpMethod.Get, $"/api/reports/indicator3?year={Uri.EscapeDataString(BadYear(random))}&basis={Uri.EscapeDataString(Pick(random, "single", "rolling", "", "x", "\0", "ROLLING2"))}"), "indicator 3");
            case 6:
                return (auditor, new HttpRequestMessage(HttpMethod.Get, $"/api/reports/funnel?year={Uri.EscapeDataString(BadYear(random))}"), "funnel");
            case 7:
                // take is clamped by contract (any number is fine), so the cursor is what is malformed.
                return (auditor, new HttpRequestMessage(HttpMethod.Get, $"/api/audit/log?after={Uri.EscapeDataString(BadNumber(random))}&take={Uri.EscapeDataString(Pick(random, "-5", "0", "100000", "abc"))}"), "audit log");
            default:
                return (lineManager, new HttpRequestMessage(HttpMethod.Get, $"/api/concerns/{Uri.EscapeDataString(Pick(random, "not-a-guid", concernId.ToString()[..10], "%00", "00000000-0000-0000-0000-00000000000x", new string('9', 400)))}"), "concern by bad id");
        }
    }

    private static HttpRequestMessage Json(HttpMethod method, string path, string body) =>
        new(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    private static HttpRequestMessage Csv(string path, string body) =>
        new(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("text/csv")) };

    private static string Pick(Random random, params string[] options) => options[random.Next(options.Length)];

    /// <summary>A JSON string literal of hostile text: control characters, an unpaired surrogate, or far too long.</summary>
    private static string HostileString(Random random) => Pick(random,
        "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"x\\udfff\"", "\"\\u0007bell\"", $"\"{new string('x', random.Next(5_000, 60_000))}\"",
        "\"\"", "\"   \"", "null", "12", "true", "[]", "{}", "[\"a\"]");

    private static string Garbage(Random random) => Pick(random,
        "", "{", "}", "[", "{\"", "nul", "{\"a\":}", "{\"a\":1,}", "\u0000", "<xml/>", new string('[', 300) + new string(']', 300),
        "{\"subjectStaffRef\":", "\"just a string\"", "123", "[1,2,3]");

    private static string BadLogin(Random random) => random.Next(4) switch
    {
        0 => Garbage(random),
        1 => $"{{\"email\":{HostileString(random)}}}",
        2 => $"{{\"email\":null,\"password\":{HostileString(random)}}}",
        _ => $"{{\"email\":{HostileString(random)},\"password\":null}}",
    };

    private static string BadConcern(Random random)
    {
        var actions = random.Next(5) switch
        {
            0 => "[" + string.Join(",", Enumerable.Range(0, random.Next(21, 200)).Select(n => $"\"Action {n}\"")) + "]",
            1 => $"[{HostileString(random)}]",
            2 => "null",
            3 => "\"not a list\"",
            _ => "[]",
        };
        return random.Next(6) switch
        {
            0 => Garbage(random),
            1 => $"{{\"subjectStaffRef\":{HostileString(random)},\"summary\":\"s\",\"actions\":[\"a\"],\"category\":\"Conduct\"}}",
            2 => $"{{\"subjectStaffRef\":\"S001\",\"summary\":{HostileString(random)},\"actions\":[\"a\"],\"category\":\"Conduct\"}}",
            3 => $"{{\"subjectStaffRef\":\"S001\",\"summary\":\"s\",\"actions\":{actions},\"category\":\"Conduct\"}}",
            4 => $"{{\"subjectStaffRef\":\"S001\",\"summary\":\"s\",\"actions\":[\"a\"],\"category\":{HostileString(random)},\"incidentDate\":\"{Pick(random, "2999-01-01", "0000-00-00", "yesterday", "2025-02-30")}\"}}",
            _ => $"{{\"summary\":{HostileString(random)},\"actions\":{actions}}}",
        };
    }

    private static string BadAnswer(Random random, bool lineManagerTask)
    {
        var answer = lineManagerTask ? Pick(random, "Maybe", "yes", "\"\"") : "No";
        return random.Next(5) switch
        {
            0 => Garbage(random),
            1 => $"{{\"answer\":{HostileString(random)}}}",
            2 => $"{{\"answer\":\"{answer}\",\"rationale\":{HostileString(random)}}}",
            3 => $"{{\"answer\":\"No\",\"expectedVersion\":{Pick(random, "\"one\"", "1.5", "99999999999", "-1", "[]")}}}",
            _ => $"{{\"answer\":\"No\",\"informalNotAppropriate\":{HostileString(random)},\"expectedVersion\":{random.Next(50, 500)}}}",
        };
    }

    private static string BadYear(Random random) => Pick(random,
        "0000-01", "9999-00", "2024-26", "2024-5", "2024/25", "", "abcd-ef", "-001-00", "2024-25\0", new string('2', 300), "１２３４-２５", "2147483647-48");

    private static string BadYearOrGood(Random random) => random.Next(3) == 0 ? "2024-25" : BadYear(random);

    private static string BadNumber(Random random) => Pick(random, "-1", "abc", "99999999999999999999", "1e9", "0x10", "%00", "NaN");

    /// <summary>A staff file that is wrong somewhere (even when the year is right, the file never is).</summary>
    private static string BadStaffCsv(Random random)
    {
        const string header = "StaffRef,Name,EthnicCode,Band,StaffGroup,Directorate,StartDate,LineManagerRef";
        return random.Next(6) switch
        {
            0 => Garbage(random),
            1 => header + "\nS9\0,Name,A,Band 5,Nursing,Medicine,2020-01-01,",
            2 => header + "\n\"S9,Name,A,Band 5,Nursing,Medicine,2020-01-01,",
            3 => header + "\nS9,Name,QQ,Band 5,Nursing,Medicine,2020-13-01,NOPE",
            4 => "StaffRef;Name\nS9;Someone",
            _ => header + "\n" + new string('x', 40) + "," + new string('y', random.Next(300, 3000)) + ",A,Band 5,Nursing,Medicine,2020-01-01,",
        };
    }
}

public class SqliteMalformedRequestTests(SqliteWebAppFixture app, ITestOutputHelper output) : IClassFixture<SqliteWebAppFixture>
{
    [Fact]
    public Task AnswersEveryMalformedRequestWithAProblemAndWritesNothingGivenSqlite() => MalformedRequests.RunAsync(app, output, seed: 20261201);
}

[Collection(PostgresFixture.Collection)]
public class PostgresMalformedRequestTests(PostgresWebAppFixture app, ITestOutputHelper output) : IClassFixture<PostgresWebAppFixture>
{
    [PostgresFact]
    public Task AnswersEveryMalformedRequestWithAProblemAndWritesNothingGivenPostgres() => MalformedRequests.RunAsync(app, output, seed: 20261201);
}
