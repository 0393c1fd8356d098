using JustCulture.Application.Csv;
using JustCulture.Application.Reports;
using JustCulture.TestSupport;

namespace JustCulture.Application.Tests.Reports;

/// <summary>
/// Directorate and band names come from an uploaded staff file and reappear in the funnel CSV a person opens in a
/// spreadsheet: a name that starts like a formula must come out as text.
/// </summary>
public sealed class FormulaSafeCsvTests : ReportTestBase
{
    protected override TestProvider Provider => TestProvider.Sqlite;

    /// <summary>The small trust with hostile names: Medicine, Surgery and three bands replaced.</summary>
    private static string HostileStaffFile() => SmallTrust.Csv
        .Replace(",Medicine,", ",\"=HYPERLINK(\"\"http://evil.example\"\",\"\"Medicine\"\")\",", StringComparison.Ordinal)
        .Replace(",Surgery,", ",\"\t-2+3\",", StringComparison.Ordinal)
        .Replace(",Band 5,", ",+1,", StringComparison.Ordinal)
        .Replace(",Band 6,", ",@SUM(A1:A9),", StringComparison.Ordinal)
        .Replace(",Band 3,", ",\"\r=CR()\",", StringComparison.Ordinal);

    [Fact]
    public async Task WritesHostileNamesAsQuotedTextGivenStaffFileImportedThenFunnelCsv()
    {
        await App.ImportStaffAsync(HostileStaffFile(), Year);
        foreach (var subject in new[] { "S001", "S002", "S003", "S004", "S005" })
        {
            await FormalAsync(subject);
        }

        var csv = ReportDocuments.FunnelCsv(ReportDocuments.Funnel(ReportPublication.Funnel(await FunnelAsync(), publication: null)));

        csv.ShouldContain($"{Year},breakdown,directorate,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Medicine\"\")\",");
        // The leading tab and carriage return were trimmed on import; what follows them is still neutralised.
        csv.ShouldContain($"{Year},breakdown,directorate,\"'-2+3\",");
        csv.ShouldContain($"{Year},breakdown,band,\"'+1\",");
        csv.ShouldContain($"{Year},breakdown,band,\"'@SUM(A1:A9)\",");
        csv.ShouldContain($"{Year},breakdown,band,\"'=CR()\",");
        var header = csv[..csv.IndexOf("\r\n", StringComparison.Ordinal)].Split(',');
        var read = CsvImportReader.Read(new StringReader(csv), "funnel.csv", header, StringComparer.Ordinal);
        read.Errors.ShouldBeEmpty();
        var categories = read.Rows.Select(r => r.Fields[3]).Where(c => c.Length > 0).ToList();
        categories.ShouldContain("'=HYPERLINK(\"http://evil.example\",\"Medicine\")");
        categories.ShouldAllBe(c => !"=+-@\t\r".Contains(c[0]));
    }
}
