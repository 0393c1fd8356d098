using System.Net;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Web.Tests.Api;

/// <summary>
/// Reports trust only a verified log: once an insider with database rights edits one decision, the dashboard,
/// the board report, the CSV return and the report API all refuse to show figures, and say why.
/// Own fixture (its own copy of the demo database), because the log is tampered with.
/// </summary>
public sealed class TamperedLogReportTests(SqliteWebAppFixture app) : IClassFixture<SqliteWebAppFixture>, IAsyncLifetime
{
    private string _year = string.Empty;

    public async Task InitializeAsync()
    {
        _year = await app.QueryAsync(async db =>
        {
            // A formal investigation rewritten as support: indicator 3 would silently lose a case.
            var entryId = await db.DecisionLog.Where(e => e.EventType == "ReviewDecided" && e.Answer == "FormalInvestigation").MinAsync(e => e.EntryId);
            var when = await db.DecisionLog.Where(e => e.EntryId == entryId).Select(e => e.OccurredAtUtc).SingleAsync();
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS decision_log_no_update");
            (await db.Database.ExecuteSqlAsync($"UPDATE decision_log SET answer = 'Support' WHERE entry_id = {entryId}")).ShouldBe(1);
            return Domain.Reporting.ReportingYear.Containing(DateTime.SpecifyKind(when, DateTimeKind.Utc)).ToString();
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>What the log's verifier itself finds, which every refusal must quote.</summary>
    private Task<string> VerifierProblemAsync() => app.InScopeAsync(async services =>
    {
        var verification = await DecisionLogVerifier.VerifyAsync(services.GetRequiredService<Persistence.JustCultureDbContext>(), services.GetRequiredService<DecisionLogTrust>());
        verification.IsIntact.ShouldBeFalse();
        return verification.Problem.ShouldNotBeNull();
    });

    [Theory]
    [InlineData("/api/audit/log/proof/1")]
    [InlineData("/api/audit/log/consistency?old=1&new=2")]
    public async Task RefusesProofsWithLogBrokenProblemGivenEditedEntry(string path)
    {
        var auditor = await app.BearerClientAsync(Caller.Auditor);

        using var response = await auditor.GetAsync(new Uri(path, UriKind.Relative));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("type").GetString().ShouldBe("urn:justculture:problem:log-broken");
        problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain($"fails verification: {await VerifierProblemAsync()}.");
    }

    [Fact]
    public async Task RefusesReportApiWithLogBrokenProblemGivenEditedEntry()
    {
        var auditor = await app.BearerClientAsync(Caller.Auditor);

        foreach (var path in new[] { $"/api/reports/indicator3?year={_year}", $"/api/reports/funnel?year={_year}" })
        {
            using var response = await auditor.GetAsync(new Uri(path, UriKind.Relative));
            var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
            problem.GetProperty("type").GetString().ShouldBe("urn:justculture:problem:log-broken");
            problem.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain($"fails verification: {await VerifierProblemAsync()}.");
        }
    }

    [Fact]
    public async Task ShowsNoFiguresOnPagesGivenEditedEntry()
    {
        var auditor = await app.CookieClientAsync(Caller.Auditor);

        using var dashboard = await auditor.GetAsync(new Uri($"/Audit/Reports?year={_year}", UriKind.Relative));
        dashboard.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var html = await dashboard.Content.ReadAsStringAsync();
        html.ShouldContain("id=\"log-broken\"");
        System.Net.WebUtility.HtmlDecode(html).ShouldContain(await VerifierProblemAsync());
        html.ShouldNotContain("Relative likelihood (BME compared with white)");
        html.ShouldNotContain("id=\"computed-against\"");

        using var board = await auditor.GetAsync(new Uri($"/Audit/Reports/Board?year={_year}", UriKind.Relative));
        board.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await board.Content.ReadAsStringAsync()).ShouldContain("id=\"log-broken\"");

        using var csv = await auditor.GetAsync(new Uri($"/Audit/Reports/Indicator3Csv?year={_year}", UriKind.Relative));
        (await csv.ShouldBeProblemAsync(HttpStatusCode.Conflict)).GetProperty("type").GetString().ShouldBe("urn:justculture:problem:log-broken");
    }
}
