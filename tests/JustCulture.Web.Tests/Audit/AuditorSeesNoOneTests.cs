using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using JustCulture.Application.Log;
using JustCulture.Application.Reports;
using JustCulture.Domain;
using JustCulture.Domain.Users;
using JustCulture.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Web.Tests.Audit;

/// <summary>
/// Auditors see figures and decisions, never people: every page, download and API answer an auditor can reach on the
/// demo trust (the dashboard and board report for every year and basis, every page of the log and filtered ones, the
/// CSV exports, the report and log APIs) is searched for every staff ref and staff name in the demo data and every
/// user's id, name and staff ref.
/// </summary>
public sealed partial class AuditorSeesNoOneTests(SqliteWebAppFixture app) : IClassFixture<SqliteWebAppFixture>
{
    [Fact]
    public async Task NamesNoStaffRefNameOrUserGivenEveryAuditorPageAndApiAnswer()
    {
        var leaver = await MakeLeaverAsync();
        var secrets = await SecretsAsync();
        secrets.Refs.Count.ShouldBeGreaterThan(1000, "the demo trust should hold its ~1,700 staff");
        using var pages = await app.CookieClientAsync(Caller.Auditor);
        using var api = await app.BearerClientAsync(Caller.Auditor);
        var leaks = new List<string>();
        var visited = 0;

        async Task<string> ReadAsync(HttpClient client, string path)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {path}: {text[..Math.Min(400, text.Length)]}");
            visited++;
            leaks.AddRange(Leaks(text, secrets).Select(leak => $"{path}: {leak}"));
            return text;
        }

        await ReadAsync(pages, "/");
        await ReadAsync(pages, "/Audit");
        (await ReadAsync(pages, "/Audit/Reports")).ShouldContain($"are not in the {leaver} headcount snapshot", Case.Sensitive,
            "the dashboard should warn about the leaver, the warning that once named them");
        await ReadAsync(pages, "/Audit/Reports/Board");
        var years = await app.InScopeAsync(s => s.GetRequiredService<ReportYearsHandler>().HandleAsync(new ReportYearsQuery()));
        years.Count.ShouldBeGreaterThanOrEqualTo(3);
        foreach (var year in years)
        {
            foreach (var basis in (string[])["single", "rolling"])
            {
                await ReadAsync(pages, $"/Audit/Reports?year={year}&basis={basis}");
                await ReadAsync(pages, $"/Audit/Reports/Board?year={year}&basis={basis}");
                await ReadAsync(pages, $"/Audit/Reports/Indicator3Csv?year={year}&basis={basis}");
                await ReadAsync(api, $"/api/reports/indicator3?year={year}&basis={basis}");
            }

            await ReadAsync(api, $"/api/reports/funnel?year={year}");
            await ReadAsync(api, $"/api/reports/funnel?year={year}&format=csv");
        }

        // Every page of the whole log, then filtered by each event, by a case, and by dates.
        var first = await ReadAsync(pages, "/Audit/Log");
        var pageCount = PageNumbers().Matches(first).Select(m => int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(1).Max();
        pageCount.ShouldBeGreaterThan(10, "the demo log runs to many pages");
        for (var p = 2; p <= pageCount; p++)
        {
            await ReadAsync(pages, $"/Audit/Log?p={p}");
        }

        foreach (var type in BrowseLogHandler.EventTypes)
        {
            await ReadAsync(pages, $"/Audit/Log?event={type}");
            await ReadAsync(api, $"/api/audit/log?event={type}&take=500");
        }

        var caseReference = CaseReferences().Match(first).Value;
        caseReference.ShouldNotBeNullOrEmpty();
        await ReadAsync(pages, $"/Audit/Log?case={caseReference}");
        await ReadAsync(api, $"/api/audit/log?case={caseReference}");
        await ReadAsync(pages, "/Audit/Log?FromDay=1&FromMonth=4&FromYear=2025&ToDay=31&ToMonth=3&ToYear=2026");
        await ReadAsync(api, "/api/audit/log?from=2025-04-01&to=2026-03-31&take=500");

        long? after = 0;
        while (after is { } cursor)
        {
            var body = await ReadAsync(api, $"/api/audit/log?after={cursor}&take=500");
            var next = JsonDocument.Parse(body).RootElement.GetProperty("nextAfter");
            after = next.ValueKind == JsonValueKind.Null ? null : next.GetInt64();
        }

        visited.ShouldBeGreaterThan(80);
        leaks.ShouldBeEmpty($"{leaks.Count} leak(s) in {visited} answers; the first: {string.Join(" | ", leaks.Take(10))}");
    }

    /// <summary>
    /// Someone who entered a formal investigation in the latest complete year but left before its 31 March headcount
    /// (their snapshot row removed): the reports warn about them, and the warning must say how many, not who.
    /// </summary>
    private async Task<string> MakeLeaverAsync()
    {
        var year = Domain.Reporting.ReportingYear.Containing(DateTime.UtcNow).Previous;
        var (start, end, text) = (year.StartUtc, year.EndUtc, year.ToString());
        return await app.QueryAsync(async db =>
        {
            // The log holds the subject's staff ref sealed; the case row holds it clear.
            var cases = await db.DecisionLog.AsNoTracking()
                .Where(e => e.EventType == Persistence.DecisionLog.LogEventTypes.FormalInvestigationStarted && e.OccurredAtUtc >= start && e.OccurredAtUtc < end)
                .Select(e => e.ConcernId).ToListAsync();
            var subjects = await db.Concerns.AsNoTracking().Where(c => cases.Contains(c.Id)).OrderBy(c => c.Id).Select(c => c.SubjectStaffRef).ToListAsync();
            subjects.ShouldNotBeEmpty($"the demo should hold formal investigations in {text}");
            var removed = await db.HeadcountSnapshots.Where(h => h.Year == text && h.StaffRef == subjects[0]).ExecuteDeleteAsync();
            removed.ShouldBe(1);
            return text;
        });
    }

    private sealed record Secrets(HashSet<string> Refs, List<string> Names, HashSet<string> UserIds);

    /// <summary>
    /// Every staff ref and name in the demo data, and every user's id, name and staff ref. Left out: the signed-in
    /// auditor's own id (the header shows who is signed in) and ids that are the product's own words for a role
    /// ("commissioning" in "commissioning manager"): those users' names and staff refs are still searched for.
    /// </summary>
    private async Task<Secrets> SecretsAsync()
    {
        var staff = await app.QueryAsync(db => db.Staff.AsNoTracking().Select(s => new { s.StaffRef, s.Name }).ToListAsync());
        var snapshotRefs = await app.QueryAsync(db => db.HeadcountSnapshots.AsNoTracking().Select(h => h.StaffRef).Distinct().ToListAsync());
        var users = await app.QueryAsync(db => db.Users.AsNoTracking().ToListAsync());
        var roleWords = Enum.GetValues<Role>().SelectMany(r => Vocabulary.Role(r).Split(' ')).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var refs = staff.Select(s => s.StaffRef).Concat(snapshotRefs).Concat(users.Select(u => u.StaffRef).OfType<string>()).ToHashSet(StringComparer.Ordinal);
        var names = staff.Select(s => s.Name).Concat(users.Select(u => u.Name)).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var userIds = users.Select(u => u.UserId)
            .Where(id => id != Caller.Auditor.DemoAccount() && !roleWords.Contains(id))
            .ToHashSet(StringComparer.Ordinal);
        return new Secrets(refs, names, userIds);
    }

    /// <summary>Staff refs and user ids as whole tokens (a ref inside a hash or case reference is not one); names anywhere.</summary>
    private static IEnumerable<string> Leaks(string text, Secrets secrets)
    {
        var decoded = Readable(text);
        foreach (var token in Tokens().Matches(decoded).Select(m => m.Value).Distinct(StringComparer.Ordinal))
        {
            if (secrets.Refs.Contains(token))
            {
                yield return $"staff ref {token}";
            }

            if (secrets.UserIds.Contains(token))
            {
                yield return $"user id {token}";
            }
        }

        foreach (var name in secrets.Names.Where(n => decoded.Contains(n, StringComparison.Ordinal)))
        {
            yield return $"name {name}";
        }
    }

    /// <summary>The text as a person or program would read it: HTML entities decoded, JSON strings unescaped.</summary>
    private static string Readable(string text)
    {
        if (text.TrimStart().StartsWith('{'))
        {
            var strings = new List<string>();
            void Walk(JsonElement element)
            {
                switch (element.ValueKind)
                {
                    case JsonValueKind.Object:
                        foreach (var property in element.EnumerateObject())
                        {
                            strings.Add(property.Name);
                            Walk(property.Value);
                        }

                        break;
                    case JsonValueKind.Array:
                        foreach (var item in element.EnumerateArray())
                        {
                            Walk(item);
                        }

                        break;
                    default:
                        strings.Add(element.ToString());
                        break;
                }
            }

            Walk(JsonDocument.Parse(text).RootElement);
            return string.Join("\n", strings);
        }

        return WebUtility.HtmlDecode(text);
    }

    [GeneratedRegex(@"[A-Za-z0-9][A-Za-z0-9._]*[A-Za-z0-9]|[A-Za-z0-9]", RegexOptions.CultureInvariant)]
    private static partial Regex Tokens();

    [GeneratedRegex(@"aria-label=""Page (?<n>\d+)""", RegexOptions.CultureInvariant)]
    private static partial Regex PageNumbers();

    [GeneratedRegex(@"JC-[0-9A-F]{8}", RegexOptions.CultureInvariant)]
    private static partial Regex CaseReferences();
}
