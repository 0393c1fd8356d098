using JustCulture.Application.History;
using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Reporting;

namespace JustCulture.Application.Tests.Reports;

/// <summary>The history file read as CSV (the shared reader), not split on commas.</summary>
public class HistoryCsvParserTests
{
    private static (IReadOnlyList<HistoryRow> Rows, IReadOnlyList<string> Errors) Parse(string text)
    {
        var (rows, errors) = HistoryCsvParser.Parse(new StringReader(text), "history.csv");
        return (rows, [.. errors.Select(e => e.ToString())]);
    }

    [Fact]
    public void ReadsEveryRowGivenQuotedFieldsAndCrLf()
    {
        var (rows, errors) = Parse("\uFEFF\"Year\",\"Group\",\"Entering\",\"Headcount\"\r\n\"2022-23\",\"White\",\"6\",\"900\"\r\n\"2022-23\",\"BME\",\"4\",\"300\"\r\n\r\n");

        errors.ShouldBeEmpty();
        rows.ShouldBe([
            new HistoryRow(new ReportingYear(2022), WresGroup.White, 6, 900, 2),
            new HistoryRow(new ReportingYear(2022), WresGroup.Bme, 4, 300, 3),
        ]);
    }

    [Fact]
    public void KeepsQuotedCommaInsideOneFieldGivenThousandsSeparator()
    {
        // Split on commas, "1,200" became two fields and the row was reported as having five.
        var (rows, errors) = Parse("Year,Group,Entering,Headcount\n2022-23,White,6,\"1,200\"\n2022-23,BME,4,300\n");

        errors.ShouldContain("history.csv line 2, field Headcount: '1,200' is not a whole number of staff (0 or more, digits only)");
        errors.ShouldNotContain(e => e.Contains("fields but the header has", StringComparison.Ordinal));
        rows.ShouldHaveSingleItem().Group.ShouldBe(WresGroup.Bme);
    }

    [Fact]
    public void ReadsDoubledQuotesAsOneQuoteGivenQuotedGroup()
    {
        var (_, errors) = Parse("Year,Group,Entering,Headcount\n2022-23,\"\"\"White\"\"\",6,900\n");

        errors.ShouldContain("history.csv line 2, field Group: '\"White\"' is not a group; use White, BME or NotStated");
    }

    [Fact]
    public void SaysANegativeCountIsNegativeAsTheOrganisationsFileDoes()
    {
        var (rows, errors) = Parse("Year,Group,Entering,Headcount\n2022-23,White,-2,900\n2022-23,BME,3,300\n");

        errors.ShouldContain("history.csv line 2, field Entering: -2 is negative; a count of staff is 0 or more");
        rows.ShouldHaveSingleItem().Group.ShouldBe(Domain.Ethnicity.WresGroup.Bme);
    }

    [Fact]
    public void NumbersLaterRowsByPhysicalLineGivenQuotedLineBreak()
    {
        var (_, errors) = Parse("Year,Group,Entering,Headcount\n2022-23,\"Wh\nite\",6,900\n2022-23,BME,x,300\n");

        errors.ShouldContain(e => e.StartsWith("history.csv line 2, field Group:", StringComparison.Ordinal));
        errors.ShouldContain("history.csv line 4, field Entering: 'x' is not a whole number of staff (0 or more, digits only)");
    }

    [Fact]
    public void RefusesWholeFileGivenHeaderMissingColumn()
    {
        var (rows, errors) = Parse("Year,Group,Entering\n2022-23,White,6\n");

        errors.ShouldBe(["history.csv line 1, field (header): the header must be exactly Year,Group,Entering,Headcount (missing column(s) Headcount)"]);
        rows.ShouldBeEmpty();
    }

    [Fact]
    public void RefusesWholeFileGivenExtraColumn()
    {
        var (rows, errors) = Parse("Year,Group,Entering,Headcount,Source\n2022-23,White,6,900,board paper\n");

        errors.ShouldBe(["history.csv line 1, field (header): the header must be exactly Year,Group,Entering,Headcount (unexpected column(s) Source)"]);
        rows.ShouldBeEmpty();
    }

    [Fact]
    public void RefusesRowGivenExtraField()
    {
        var (_, errors) = Parse("Year,Group,Entering,Headcount\n2022-23,White,6,900,\n2022-23,BME,4,300\n");

        errors.ShouldContain(e => e.StartsWith("history.csv line 2: has 5 fields but the header has 4", StringComparison.Ordinal));
    }

    [Fact]
    public void AcceptsHeaderGivenAnyCase()
    {
        var (rows, errors) = Parse("year,GROUP,Entering,headcount\n2022-23,white,6,900\n2022-23,bme,4,300\n");

        errors.ShouldBeEmpty();
        rows.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("0000-01", "the first year must be from 2000 to 2100")]
    [InlineData("2022-24", "the second part must be 23, the year after 2022")]
    public void RefusesYearGivenImpossibleYear(string year, string reason)
    {
        var (rows, errors) = Parse($"Year,Group,Entering,Headcount\n{year},White,6,900\n");

        errors.ShouldBe([$"history.csv line 2, field Year: '{year}' is not a reporting year; write it as YYYY-YY, e.g. 2024-25 ({reason})"]);
        rows.ShouldBeEmpty();
    }
}
