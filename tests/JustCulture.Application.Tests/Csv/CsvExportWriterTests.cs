using JustCulture.Application.Csv;

namespace JustCulture.Application.Tests.Csv;

/// <summary>The one CSV writer: RFC 4180, and a value a spreadsheet would run as a formula neutralised the OWASP way.</summary>
public class CsvExportWriterTests
{
    private static string Cell(string value) => CsvExportWriter.Write(["A", "B"], [[value, "x"]]).Split("\r\n")[1];

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"Click\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",x")]
    [InlineData("+1", "\"'+1\",x")]
    [InlineData("-2", "\"'-2\",x")]
    [InlineData("@SUM(A1:A9)", "\"'@SUM(A1:A9)\",x")]
    [InlineData("\tcmd", "\"'\tcmd\",x")]
    [InlineData("\rcmd", "\"'\rcmd\",x")]
    public void PrefixesQuoteAndQuotesGivenValueStartingLikeFormula(string value, string expected)
    {
        Cell(value).ShouldBe(expected);
    }

    [Theory]
    [InlineData("plain", "plain,x")]
    [InlineData("a,b", "\"a,b\",x")]
    [InlineData("say \"no\"", "\"say \"\"no\"\"\",x")]
    [InlineData("Band 5 = senior", "Band 5 = senior,x")]
    [InlineData("<5", "<5,x")]
    [InlineData("0.25", "0.25,x")]
    [InlineData("", ",x")]
    public void WritesRfc4180GivenValueNotStartingLikeFormula(string value, string expected)
    {
        Cell(value).ShouldBe(expected);
    }

    [Fact]
    public void EndsEveryRecordWithCrLfGivenHeaderAndRows()
    {
        var csv = CsvExportWriter.Write(["A", "B"], [["1", "2"], ["line\nbreak", "3"]]);

        csv.ShouldBe("A,B\r\n1,2\r\n\"line\nbreak\",3\r\n");
    }
}
