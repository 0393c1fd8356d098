using System.Net;
using System.Net.Http.Headers;
using System.Text;
using JustCulture.Web.Tests.Hosting;

namespace JustCulture.Web.Tests.Api;

/// <summary>The staff upload form puts each refusal next to the input it is about, by the key the import gives it.</summary>
public sealed class StaffImportFormTests(SqliteWebAppFixture app) : IClassFixture<SqliteWebAppFixture>
{
    private const string Header = "StaffRef,Name,EthnicCode,Band,StaffGroup,Directorate,StartDate,LineManagerRef\n";

    private async Task<(HttpStatusCode Status, string Html)> UploadAsync(string year, string csv)
    {
        var admin = await app.CookieClientAsync(Caller.Administrator);
        var token = await WebAppFixture.AntiforgeryTokenAsync(admin, "/Admin/StaffImport");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(year), "Year" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "CsvFile", "upload-test.csv");

        using var response = await admin.PostAsync(new Uri("/Admin/StaffImport", UriKind.Relative), form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ShowsYearErrorOnYearFieldGivenImpossibleYear()
    {
        var (status, html) = await UploadAsync("0000-01", Header + "T900010,Test Person,N,Band 5,Nursing,Medicine,2020-04-01,\n");

        status.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("id=\"Year-error\"");
        html.ShouldNotContain("id=\"CsvFile-error\"");
        html.ShouldContain("<a href=\"#Year\">year: &#x27;0000-01&#x27; is not a reporting year; write it as YYYY-YY, e.g. 2024-25 (the first year must be from 2000 to 2100).</a>");
    }

    [Fact]
    public async Task ShowsSummaryAndEveryBadRowOnFileFieldGivenBadRows()
    {
        var (status, html) = await UploadAsync("2031-32", Header
            + "T900011,Test Person,QQ,Band 5,Nursing,Medicine,2020-04-01,\n"
            + "T900012,\"Person, Another\",N,Band 5,Nursing,Medicine,not-a-date,\n");

        status.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("id=\"CsvFile-error\"");
        html.ShouldNotContain("id=\"Year-error\"");
        html.ShouldContain("<a href=\"#CsvFile\">upload-test.csv: 2 problem(s); nothing was imported.</a>");
        html.ShouldContain("<a href=\"#CsvFile\">upload-test.csv line 2, field EthnicCode: ");
        html.ShouldContain("<a href=\"#CsvFile\">upload-test.csv line 3, field StartDate: ");
    }
}
