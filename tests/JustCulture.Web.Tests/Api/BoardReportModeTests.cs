using System.Net;
using JustCulture.Web.Tests.Hosting;

namespace JustCulture.Web.Tests.Api;

/// <summary>
/// The board report is two documents: internal (the default) with exact counts, ratio and interval, and the
/// publication version with small counts suppressed. Each says which it is.
/// </summary>
public sealed class BoardReportModeTests(SqliteWebAppFixture app) : IClassFixture<SqliteWebAppFixture>
{
    private const string Year = "2024-25";

    private async Task<string> BoardAsync(string query)
    {
        var auditor = await app.CookieClientAsync(Caller.Auditor);
        using var response = await auditor.GetAsync(new Uri($"/Audit/Reports/Board?year={Year}{query}", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ShowsExactFiguresAndSaysInternalGivenDefaultMode()
    {
        var html = await BoardAsync(string.Empty);

        html.ShouldContain("Internal board report, not for publication: exact counts, including counts below 5.");
        html.ShouldContain("Internal — not for publication · WRES indicator 3, " + Year);
        html.ShouldContain("data-board-mode=\"internal\"");
        html.ShouldNotContain("Prepared for publication");
        html.ShouldContain("Koopman score interval (Koopman 1984)");
    }

    [Fact]
    public async Task SuppressesSmallCountsAndSaysPublicationGivenPublicationMode()
    {
        var internalHtml = await BoardAsync(string.Empty);
        var html = await BoardAsync("&mode=publication");

        html.ShouldContain("Publication version: small counts suppressed");
        html.ShouldContain("Publication version · WRES indicator 3, " + Year);
        html.ShouldContain("Prepared for publication");
        // The demo's small counts are shown exactly inside the trust and suppressed outside it.
        html.ShouldContain("<5");
        internalHtml.Split("<5").Length.ShouldBeLessThan(html.Split("<5").Length);
    }

    [Fact]
    public async Task RefusesGivenUnknownMode()
    {
        var auditor = await app.CookieClientAsync(Caller.Auditor);
        using var response = await auditor.GetAsync(new Uri($"/Audit/Reports/Board?year={Year}&mode=draft", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }
}
