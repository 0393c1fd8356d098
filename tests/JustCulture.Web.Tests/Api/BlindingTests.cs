using System.Net;
using System.Text.RegularExpressions;
using JustCulture.Application.Demo;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Web.Tests.Api;

/// <summary>
/// Until a reviewer unblinds a case, nothing they see identifies the person concerned: every review page the
/// queue leads to is scanned for the subject's staff ref, name and recorded ethnic code.
/// </summary>
public sealed partial class BlindingTests(SqliteWebAppFixture app) : IClassFixture<SqliteWebAppFixture>
{
    [Fact]
    public async Task ShowsNoStaffRefNameOrEthnicCodeGivenCasesNotUnblinded()
    {
        var reviewer = await app.CookieClientAsync(Caller.CommissioningManager);
        var queue = await reviewer.GetStringAsync(new Uri("/Review", UriKind.Relative));
        var caseIds = CaseLink().Matches(queue).Select(m => Guid.Parse(m.Groups["id"].Value)).Distinct().Take(20).ToList();
        caseIds.Count.ShouldBeGreaterThan(5, "the demo queue should hold cases to scan");
        var unblinded = await app.QueryAsync(db => db.DecisionLog
            .Where(e => e.EventType == LogEventTypes.CaseUnblinded && e.ActorId == DemoSeeder.CommissioningAccount)
            .Select(e => e.ConcernId).ToListAsync());
        var subjects = await app.QueryAsync(db => (
            from c in db.Concerns
            where caseIds.Contains(c.Id)
            join s in db.Staff on c.SubjectStaffRef equals s.StaffRef
            select new { c.Id, s.StaffRef, s.Name, s.EthnicCode }).ToListAsync());

        var pagesScanned = 0;
        foreach (var subject in subjects.Where(s => !unblinded.Contains(s.Id)))
        {
            queue.ShouldNotContain(subject.StaffRef);
            queue.ShouldNotContain(subject.Name);
            var casePage = await reviewer.GetStringAsync(new Uri($"/Review/Case/{subject.Id}", UriKind.Relative));
            var pages = new List<(string Path, string Html)> { ($"/Review/Case/{subject.Id}", casePage) };
            foreach (var form in FormLink().Matches(casePage).Select(m => m.Value).Distinct())
            {
                using var response = await reviewer.GetAsync(new Uri(form, UriKind.Relative));
                response.StatusCode.ShouldBe(HttpStatusCode.OK, form);
                pages.Add((form, await response.Content.ReadAsStringAsync()));
            }

            foreach (var (path, html) in pages)
            {
                pagesScanned++;
                html.ShouldNotContain(subject.StaffRef, Case.Sensitive, $"{path} shows the staff ref before unblinding");
                html.ShouldNotContain(subject.Name, Case.Sensitive, $"{path} shows the name before unblinding");
                html.ShouldNotContain($">{subject.EthnicCode}<", Case.Sensitive, $"{path} shows the ethnic code before unblinding");
            }
        }

        pagesScanned.ShouldBeGreaterThan(5);
    }

    [GeneratedRegex("/Review/Case/(?<id>[0-9a-f-]{36})", RegexOptions.CultureInvariant)]
    private static partial Regex CaseLink();

    [GeneratedRegex("/Review/(Decide|Plan|Result)/[0-9a-f-]{36}/[0-9a-f-]+", RegexOptions.CultureInvariant)]
    private static partial Regex FormLink();
}
