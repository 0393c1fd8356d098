using System.Net;
using System.Net.Http.Headers;
using System.Text;
using JustCulture.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

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

/// <summary>Upload then confirm over HTTP: the upload writes nothing, and a confirm of anything but the previewed file is refused.</summary>
public sealed class StaffImportConfirmTests(SqliteWebAppFixture app) : IClassFixture<SqliteWebAppFixture>
{
    private const string Csv = "StaffRef,Name,EthnicCode,Band,StaffGroup,Directorate,StartDate,LineManagerRef\n"
        + "T910001,Test Lead,C3,Band 8a,Nursing and Midwifery Registered,Medicine,2015-04-01,\n"
        + "T910002,Test Nurse,M9: Black - other,Band 5,Nursing and Midwifery Registered,Medicine,2020-04-01,T910001\n";

    private async Task<(HttpClient Admin, string PreviewPath)> UploadAsync(string year)
    {
        var admin = await app.CookieClientAsync(Caller.Administrator);
        var token = await WebAppFixture.AntiforgeryTokenAsync(admin, "/Admin/StaffImport");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(year), "Year" } };
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(Csv)), "CsvFile", "confirm-test.csv");
        using var response = await admin.PostAsync(new Uri("/Admin/StaffImport", UriKind.Relative), form);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return (admin, response.Headers.Location!.OriginalString);
    }

    private async Task<HttpResponseMessage> ConfirmAsync(HttpClient admin, string previewPath, Func<string, string> fileHash)
    {
        var html = await admin.GetStringAsync(new Uri(previewPath, UriKind.Relative));
        string Hidden(string name) => System.Text.RegularExpressions.Regex.Match(html, $"name=\"{name}\" value=\"(?<v>[^\"]*)\"").Groups["v"].Value;
        var token = await WebAppFixture.AntiforgeryTokenAsync(admin, previewPath);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Token"] = Hidden("Token"),
            ["FileHash"] = fileHash(Hidden("FileHash")),
            ["BasedOn"] = Hidden("BasedOn"),
        });
        return await admin.PostAsync(new Uri(previewPath, UriKind.Relative), form);
    }

    [Fact]
    public async Task WritesNothingUntilConfirmedGivenUpload()
    {
        var (admin, previewPath) = await UploadAsync("2034-35");

        previewPath.ShouldStartWith("/Admin/StaffImportPreview?token=");
        (await app.QueryAsync(db => db.HeadcountSnapshotHistory.CountAsync(h => h.Year == "2034-35"))).ShouldBe(0);
        (await app.QueryAsync(db => db.Staff.CountAsync(s => s.StaffRef == "T910001"))).ShouldBe(0);

        using var confirmed = await ConfirmAsync(admin, previewPath, hash => hash);

        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.QueryAsync(db => db.HeadcountSnapshots.Where(h => h.Year == "2034-35").OrderBy(h => h.StaffRef).Select(h => h.EthnicCode).ToListAsync())).ShouldBe(["C3", "M9"]);
    }

    [Fact]
    public async Task RefusesWithConflictAndWritesNothingGivenHashOfAnotherFile()
    {
        var (admin, previewPath) = await UploadAsync("2035-36");

        using var refused = await ConfirmAsync(admin, previewPath, _ => new string('0', 64));

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("This is not the file that was previewed; nothing was imported.");
        (await app.QueryAsync(db => db.HeadcountSnapshotHistory.CountAsync(h => h.Year == "2035-36"))).ShouldBe(0);
    }

    [Fact]
    public async Task ImportsSixtyThousandRowsGivenUploadOverFiveMegabytes()
    {
        // Over the SQLite limit of 32,766 variables in a statement, and over the app-wide 5 MB request limit.
        const int rows = 60_000;
        var csv = new StringBuilder("StaffRef,Name,EthnicCode,Band,StaffGroup,Directorate,StartDate,LineManagerRef\n");
        csv.Append("T9600000,Test Director,A,Band 9,Administrative and Clerical,Corporate,2010-04-01,\n");
        for (var i = 1; i < rows; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"T96{i:00000},Test Person {i},{(i % 3 == 0 ? "N" : "A")},Band 5,Nursing and Midwifery Registered,Medicine,2020-04-01,T9600000\n");
        }

        Encoding.UTF8.GetByteCount(csv.ToString()).ShouldBeGreaterThan(5 * 1024 * 1024);
        var admin = await app.CookieClientAsync(Caller.Administrator);
        var token = await WebAppFixture.AntiforgeryTokenAsync(admin, "/Admin/StaffImport");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("2036-37"), "Year" } };
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())), "CsvFile", "large-trust.csv");
        using var uploaded = await admin.PostAsync(new Uri("/Admin/StaffImport", UriKind.Relative), form);
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect, await uploaded.Content.ReadAsStringAsync());

        using var confirmed = await ConfirmAsync(admin, uploaded.Headers.Location!.OriginalString, hash => hash);

        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect, await confirmed.Content.ReadAsStringAsync());
        (await app.QueryAsync(db => db.HeadcountSnapshots.CountAsync(h => h.Year == "2036-37"))).ShouldBe(rows);
        (await app.QueryAsync(db => db.Staff.Where(s => s.StaffRef == "T9659999").Select(s => s.ManagerChain).SingleAsync())).ShouldBe("T9600000");
    }

    [Fact]
    public async Task ShowsNotFoundGivenUnknownToken()
    {
        var admin = await app.CookieClientAsync(Caller.Administrator);

        using var response = await admin.GetAsync(new Uri("/Admin/StaffImportPreview?token=0123456789abcdef0123456789abcdef", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Upload not found");
    }
}
