using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using JustCulture.Application.Log;
using JustCulture.Application.Reports;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Web.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Web.Tests.Api;

/// <summary>
/// Every report the web gives — the API's JSON and CSV, the dashboard, the board report and the CSV return —
/// states the signed checkpoint it was computed against, and it is the newest one in the store.
/// </summary>
public sealed partial class ReportCheckpointTests(SqliteWebAppFixture app) : IClassFixture<SqliteWebAppFixture>
{
    private const string Year = "2024-25";

    /// <summary>Read after the request: a report signs a checkpoint of anything waiting before it reads.</summary>
    private LogCheckpointSummary NewestInStore() =>
        LogCheckpointSummary.Of(app.Services.GetRequiredService<DecisionLogTrust>().Store.Newest()).ShouldNotBeNull();

    [Fact]
    public async Task CarriesTheNewestCheckpointGivenReportApiJson()
    {
        var auditor = await app.BearerClientAsync(Caller.Auditor);

        using var indicator3 = await auditor.GetAsync(new Uri($"/api/reports/indicator3?year={Year}", UriKind.Relative));
        using var funnel = await auditor.GetAsync(new Uri($"/api/reports/funnel?year={Year}", UriKind.Relative));

        var newest = NewestInStore();
        foreach (var response in new[] { indicator3, funnel })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var checkpoint = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("checkpoint");
            checkpoint.GetProperty("treeSize").GetInt64().ShouldBe(newest.TreeSize);
            checkpoint.GetProperty("rootHex").GetString().ShouldBe(newest.RootHex);
            checkpoint.GetProperty("signedAt").GetDateTimeOffset().ShouldBe(newest.SignedAt);
            checkpoint.GetProperty("fileName").GetString().ShouldBe(newest.FileName);
            checkpoint.GetProperty("statement").GetString().ShouldBe(ComputedAgainst.Statement(newest));
        }
    }

    [Fact]
    public async Task StatesTheNewestCheckpointOnEveryRowGivenCsvDownloads()
    {
        var auditor = await app.CookieClientAsync(Caller.Auditor);

        var indicator3 = await auditor.GetStringAsync(new Uri($"/Audit/Reports/Indicator3Csv?year={Year}&basis=single", UriKind.Relative));
        var funnel = await auditor.GetStringAsync(new Uri($"/api/reports/funnel?year={Year}&format=csv", UriKind.Relative));

        var newest = NewestInStore();
        foreach (var csv in new[] { indicator3, funnel })
        {
            var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            lines[0].ShouldEndWith(",CheckpointTreeSize,CheckpointRoot,ComputedAgainst");
            lines.Length.ShouldBeGreaterThan(1);
            lines.Skip(1).ShouldAllBe(row => row.EndsWith($",{newest.TreeSize},{newest.RootHex},\"{ComputedAgainst.Statement(newest)}\"", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("/Audit/Reports?year=2024-25")]
    [InlineData("/Audit/Reports/Board?year=2024-25")]
    public async Task StatesTheNewestCheckpointInWordsGivenReportPage(string path)
    {
        var auditor = await app.CookieClientAsync(Caller.Auditor);

        using var response = await auditor.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var match = ComputedAgainstParagraph().Match(await response.Content.ReadAsStringAsync());
        match.Success.ShouldBeTrue($"{path} has no computed-against line");
        var newest = NewestInStore();
        WebUtility.HtmlDecode(match.Groups["text"].Value).ShouldBe(
            $"Computed against: signed checkpoint of {newest.TreeSize.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} entries, {Domain.UkDates.DateTime(newest.SignedAt.UtcDateTime)} (root {newest.RootHex[..16]}…, {newest.FileName})");
    }

    [GeneratedRegex("id=\"computed-against\">(?<text>[^<]*)</p>", RegexOptions.CultureInvariant)]
    private static partial Regex ComputedAgainstParagraph();
}
