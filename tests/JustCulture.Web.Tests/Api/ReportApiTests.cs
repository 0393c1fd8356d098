using System.Net;
using System.Text.Json;
using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Reporting;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Web.Tests.Authorization;
using JustCulture.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Web.Tests.Api;

/// <summary>
/// The report API on the demo trust: the published JSON shape, and figures recounted here straight from the raw
/// decision-log and headcount rows (not through the report code) so a counting error in the calculator would show.
/// </summary>
public class ReportApiTests(SqliteWebAppFixture app) : IClassFixture<SqliteWebAppFixture>
{
    private const string Year = "2024-25";

    [Fact]
    public async Task ReturnsIndicator3InPublishedShapeGivenAuditor()
    {
        using var auditor = await app.BearerClientAsync(Caller.Auditor);

        using var response = await auditor.GetAsync(new Uri($"/api/reports/indicator3?year={Year}&basis=single", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        root.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["year", "basis", "white", "bme", "notStated", "relativeLikelihood", "ci95", "ciMethod", "ci95Katz", "interpretation", "warnings", "national", "checkpoint"]);
        root.GetProperty("ciMethod").GetString().ShouldBe("koopman-score");
        root.GetProperty("white").EnumerateObject().Select(p => p.Name).ShouldBe(["entering", "headcount", "rate"]);
        root.GetProperty("bme").EnumerateObject().Select(p => p.Name).ShouldBe(["entering", "headcount", "rate"]);
        root.GetProperty("notStated").EnumerateObject().Select(p => p.Name).ShouldBe(["entering", "headcount"]);
        root.GetProperty("ci95").EnumerateObject().Select(p => p.Name).ShouldBe(["lower", "upper"]);
        root.GetProperty("year").GetString().ShouldBe(Year);
        root.GetProperty("interpretation").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task MatchesRawLogRecountGivenDemoYear()
    {
        var year = ReportingYear.Parse(Year);
        var (entering, headcount) = await app.QueryAsync(async db =>
        {
            var snapshot = await db.HeadcountSnapshots.AsNoTracking().Where(h => h.Year == Year).ToListAsync();
            var staff = await db.Staff.AsNoTracking().ToListAsync();
            var started = await db.DecisionLog.AsNoTracking()
                .Where(e => e.EventType == LogEventTypes.FormalInvestigationStarted && e.ConcernId != null)
                .ToListAsync();
            // The log seals the subject's staff ref; the case rows say whom each case is about.
            var subjectOf = await db.Concerns.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.SubjectStaffRef);
            var subjects = started.Where(e => year.Contains(e.OccurredAtUtc)).Select(e => subjectOf[e.ConcernId!.Value]).Distinct(StringComparer.Ordinal);
            // ADR 0005: the group is the year's snapshot, else the staff record, else not stated.
            WresGroup GroupOf(string staffRef) =>
                snapshot.FirstOrDefault(h => h.StaffRef == staffRef)?.WresGroup
                ?? staff.FirstOrDefault(s => s.StaffRef == staffRef)?.WresGroup
                ?? WresGroup.NotStated;
            return (subjects.GroupBy(GroupOf).ToDictionary(g => g.Key, g => g.Count()),
                snapshot.GroupBy(h => h.WresGroup).ToDictionary(g => g.Key, g => g.Count()));
        });
        using var auditor = await app.BearerClientAsync(Caller.Auditor);

        using var response = await auditor.GetAsync(new Uri($"/api/reports/indicator3?year={Year}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        int Count(Dictionary<WresGroup, int> counts, WresGroup group) => counts.GetValueOrDefault(group);
        root.GetProperty("white").GetProperty("entering").GetInt32().ShouldBe(Count(entering, WresGroup.White));
        root.GetProperty("bme").GetProperty("entering").GetInt32().ShouldBe(Count(entering, WresGroup.Bme));
        root.GetProperty("notStated").GetProperty("entering").GetInt32().ShouldBe(Count(entering, WresGroup.NotStated));
        root.GetProperty("white").GetProperty("headcount").GetInt32().ShouldBe(Count(headcount, WresGroup.White));
        root.GetProperty("bme").GetProperty("headcount").GetInt32().ShouldBe(Count(headcount, WresGroup.Bme));
        // Not vacuous: the demo year has formal investigations in both groups.
        Count(entering, WresGroup.White).ShouldBeGreaterThan(0);
        Count(entering, WresGroup.Bme).ShouldBeGreaterThan(0);
        var expectedRatio = ((double)Count(entering, WresGroup.Bme) / Count(headcount, WresGroup.Bme))
            / ((double)Count(entering, WresGroup.White) / Count(headcount, WresGroup.White));
        root.GetProperty("relativeLikelihood").GetDouble().ShouldBe(Math.Round(expectedRatio, 2, MidpointRounding.AwayFromZero));
    }

    [Theory]
    [InlineData("/api/reports/indicator3?year=2024")]
    [InlineData("/api/reports/indicator3?year=2024-25&basis=weekly")]
    [InlineData("/api/reports/funnel?year=next")]
    public async Task Returns400ProblemGivenBadYearOrBasis(string path)
    {
        using var auditor = await app.BearerClientAsync(Caller.Auditor);

        using var response = await auditor.GetAsync(new Uri(path, UriKind.Relative));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("/api/reports/indicator3?year=0000-01", "'0000-01' is not a reporting year; write it as YYYY-YY, e.g. 2024-25 (the first year must be from 2000 to 2100)")]
    [InlineData("/api/reports/indicator3?year=9999-00", "'9999-00' is not a reporting year; write it as YYYY-YY, e.g. 2024-25 (the first year must be from 2000 to 2100)")]
    [InlineData("/api/reports/funnel?year=2024-26", "'2024-26' is not a reporting year; write it as YYYY-YY, e.g. 2024-25 (the second part must be 25, the year after 2024)")]
    [InlineData("/api/reports/funnel?year=2024-5", "'2024-5' is not a reporting year; write it as YYYY-YY, e.g. 2024-25")]
    [InlineData("/api/reports/funnel?year=2024/25&format=csv", "'2024/25' is not a reporting year; write it as YYYY-YY, e.g. 2024-25")]
    [InlineData("/api/reports/funnel?year=", "no reporting year was given; write it as YYYY-YY, e.g. 2024-25")]
    public async Task Returns400NamingYearGivenImpossibleYear(string path, string reason)
    {
        using var auditor = await app.BearerClientAsync(Caller.Auditor);

        using var response = await auditor.GetAsync(new Uri(path, UriKind.Relative));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().ShouldBe($"year: {reason}.");
        problem.GetProperty("errors").EnumerateObject().ShouldHaveSingleItem().Name.ShouldBe("Year");
    }

    [Fact]
    public async Task Returns400GivenUnknownFunnelFormat()
    {
        using var auditor = await app.BearerClientAsync(Caller.Auditor);

        using var response = await auditor.GetAsync(new Uri($"/api/reports/funnel?year={Year}&format=xml", UriKind.Relative));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().ShouldBe("format: 'xml' is not a format; use json or csv.");
    }

    [Fact]
    public async Task ReturnsFunnelStagesGivenAdministrator()
    {
        using var administrator = await app.BearerClientAsync(Caller.Administrator);

        using var response = await administrator.GetAsync(new Uri($"/api/reports/funnel?year={Year}", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var stages = root.GetProperty("stages");
        stages.GetArrayLength().ShouldBe(11); // four to the formal investigation, six in the formal process, and suspension
    }
}
