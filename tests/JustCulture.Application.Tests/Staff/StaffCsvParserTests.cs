using JustCulture.Application.Staff;
using JustCulture.Domain.Ethnicity;

namespace JustCulture.Application.Tests.Staff;

public class StaffCsvParserTests
{
    private const string Header = "StaffRef,Name,EthnicCode,Band,StaffGroup,Directorate,StartDate,LineManagerRef";
    private static readonly DateOnly Today = new(2025, 3, 31);

    private static StaffCsvParseResult Parse(string text) => StaffCsvParser.Parse(new StringReader(text), "staff.csv", Today);

    private static string File(params string[] rows) => string.Join("\n", [Header, .. rows]) + "\n";

    [Fact]
    public void ParsesValidRowsGivenWellFormedFile()
    {
        var result = Parse(File(
            "E1,Ada Lovelace,A,Band 8a,Administrative and Clerical,Corporate,2010-04-01,",
            "E2,Kofi Mensah,N,Band 5,Nursing and Midwifery Registered,Medicine,2019-09-02,E1"));

        result.Errors.ShouldBeEmpty();
        result.Rows.Count.ShouldBe(2);
        var kofi = result.Rows[1];
        kofi.StaffRef.ShouldBe("E2");
        kofi.Name.ShouldBe("Kofi Mensah");
        kofi.EthnicCode.Code.ShouldBe("N");
        kofi.EthnicCode.WresGroup.ShouldBe(WresGroup.Bme);
        kofi.Band.ShouldBe("Band 5");
        kofi.StaffGroup.ShouldBe("Nursing and Midwifery Registered");
        kofi.Directorate.ShouldBe("Medicine");
        kofi.StartDate.ShouldBe(new DateOnly(2019, 9, 2));
        kofi.LineManagerRef.ShouldBe("E1");
        result.Rows[0].LineManagerRef.ShouldBeNull();
        result.LineOf(1).ShouldBe(3);
    }

    [Fact]
    public void ReadsQuotedFieldsGivenCommasDoubledQuotesAndLineBreaks()
    {
        var text = Header + "\r\n" +
            "E1,\"O'Neill, Mary \"\"Mo\"\"\",\"N Black or Black British - African\",Band 6,\"Allied Health Professionals\",\"Women and Children\",2001-01-01,\r\n" +
            "E2,\"Smith\",A,Band 3,Estates and Ancillary,\"Estates and Facilities\",2002-02-02,\"E1\"\r\n";

        var result = Parse(text);

        result.Errors.ShouldBeEmpty();
        result.Rows[0].Name.ShouldBe("O'Neill, Mary \"Mo\"");
        result.Rows[0].EthnicCode.Code.ShouldBe("N");
        result.Rows[0].EthnicCode.Description.ShouldBe("Black or Black British - African");
        result.Rows[1].Name.ShouldBe("Smith");
        result.Rows[1].LineManagerRef.ShouldBe("E1");
        result.LineOf(1).ShouldBe(3);
    }

    [Fact]
    public void RejectsLineBreakInNameGivenQuotedMultilineValue()
    {
        // A multi-line value is legal CSV but never a legitimate name; the row after it is numbered correctly.
        var text = File(
            "E1,\"Two\nLines\",A,Band 3,Estates and Ancillary,Estates and Facilities,2002-02-02,",
            "E2,Bad,X,Band 3,Estates and Ancillary,Estates and Facilities,2002-02-02,");

        var result = Parse(text);

        result.Errors.Select(e => (e.Line, e.Field)).ShouldBe([(2, "Name"), (4, "EthnicCode")]);
    }

    [Fact]
    public void ToleratesBomCrLfAndTrailingBlankLinesGivenWindowsExport()
    {
        var text = "\uFEFF" + Header + "\r\nE1,Ada,A,Band 5,Administrative and Clerical,Corporate,2010-04-01,\r\n\r\n\r\n";

        var result = Parse(text);

        result.Errors.ShouldBeEmpty();
        result.Rows.Single().StaffRef.ShouldBe("E1");
    }

    [Fact]
    public void ParsesLastRowGivenNoFinalNewline()
    {
        var result = Parse(Header + "\nE1,Ada,A,Band 5,Administrative and Clerical,Corporate,2010-04-01,");

        result.Errors.ShouldBeEmpty();
        result.Rows.Single().StaffRef.ShouldBe("E1");
    }

    [Fact]
    public void TreatsBlankEthnicCodeAsNotRecordedGivenEmptyField()
    {
        var result = Parse(File("E1,Ada,,Band 5,Administrative and Clerical,Corporate,2010-04-01,"));

        result.Errors.ShouldBeEmpty();
        result.Rows.Single().EthnicCode.ShouldBe(EthnicCode.NotRecorded);
        result.Rows.Single().EthnicCode.WresGroup.ShouldBe(WresGroup.NotStated);
    }

    [Fact]
    public void AcceptsUkDateGivenDdMmYyyy()
    {
        var result = Parse(File("E1,Ada,A,Band 5,Administrative and Clerical,Corporate,02/09/2019,"));

        result.Errors.ShouldBeEmpty();
        result.Rows.Single().StartDate.ShouldBe(new DateOnly(2019, 9, 2));
    }

    [Fact]
    public void ReportsUnknownEthnicCodeWithLineAndFieldGivenX()
    {
        var result = Parse(File(
            "E1,Ada,A,Band 5,Administrative and Clerical,Corporate,2010-04-01,",
            "E2,Bob,A,Band 5,Administrative and Clerical,Corporate,2010-04-01,",
            "E3,Cy,A,Band 5,Administrative and Clerical,Corporate,2010-04-01,",
            "E4,Di,A,Band 5,Administrative and Clerical,Corporate,2010-04-01,",
            "E5,Ed,A,Band 5,Administrative and Clerical,Corporate,2010-04-01,",
            "E6,Flo,X,Band 5,Administrative and Clerical,Corporate,2010-04-01,"));

        var error = result.Errors.ShouldHaveSingleItem();
        error.ShouldBe(error with { SourceName = "staff.csv", Line = 7, Field = "EthnicCode" });
        error.ToString().ShouldStartWith("staff.csv line 7, field EthnicCode: 'X' is not an NHS ethnic category code");
        result.Rows.Count.ShouldBe(5);
    }

    [Fact]
    public void ReportsEveryMissingColumnWithItsOtherNamesOnLineOneGivenWrongHeader()
    {
        var result = Parse("StaffRef,Name,Ethnic,Band,StaffGroup,Directorate,StartDate\nE1,Ada,A,Band 5,Admin,Corporate,2010-04-01\n");

        var error = result.Errors.ShouldHaveSingleItem();
        (error.Line, error.Field).ShouldBe((1, "(header)"));
        error.Message.ShouldContain("no EthnicCode column (the recorded NHS ethnic category; also read from \"Ethnic Origin\"");
        error.Message.ShouldContain("; no LineManagerRef column (the line manager's StaffRef; also read from \"Line Manager Ref\", \"Supervisor Employee Number\"");
        result.Rows.ShouldBeEmpty();
    }

    [Fact]
    public void ReadsColumnsByHeadingGivenRightColumnsInAnotherOrder()
    {
        var result = Parse("Name,StaffRef,LineManagerRef,EthnicCode,Band,StaffGroup,Directorate,StartDate\nAda Lovelace,E1,,C3,Band 5,Admin,Corporate,2010-04-01\n");

        result.Errors.ShouldBeEmpty();
        var row = result.Rows.ShouldHaveSingleItem();
        (row.StaffRef, row.Name, row.EthnicCode.Code, row.LineManagerRef).ShouldBe(("E1", "Ada Lovelace", "C3", (string?)null));
        result.Header.ShouldNotBeNull().IsOurTemplate.ShouldBeTrue();
    }

    [Fact]
    public void RefusesHeaderGivenColumnRepeated()
    {
        var result = Parse(Header + ",Band\n");

        result.Errors.ShouldHaveSingleItem().Message.ShouldBe("the column Band appears 2 times; keep one");
    }

    [Fact]
    public void ReportsEmptyFileGivenNoText()
    {
        var result = Parse(string.Empty);

        result.Errors.ShouldHaveSingleItem().ToString().ShouldBe("staff.csv line 1: the file is empty; expected a header line naming the columns");
    }

    [Fact]
    public void CollectsEveryErrorGivenManyBadRowsAndFields()
    {
        var longName = new string('n', 201);
        var result = Parse(File(
            ",,Q,,,,,",
            $"E2,{longName},A,Band 5,Administrative and Clerical,Corporate,2030-01-01,E2",
            "E3,Cy,A,Band 5,Administrative and Clerical,Corporate,31-12-2010,",
            "E4,Di,A,Band 5",
            "E3,Again,A,Band 5,Administrative and Clerical,Corporate,2010-04-01,"));

        result.Errors.Select(e => (e.Line, e.Field)).ShouldBe(
        [
            (2, "StaffRef"), (2, "Name"), (2, "EthnicCode"), (2, "Band"), (2, "StaffGroup"), (2, "Directorate"), (2, "StartDate"),
            (3, "Name"), (3, "StartDate"), (3, "LineManagerRef"),
            (4, "StartDate"),
            (5, string.Empty),
            (6, "StaffRef"),
        ]);
        result.Errors.Single(e => e.Line == 3 && e.Field == "Name").Message.ShouldContain("at most 200");
        result.Errors.Single(e => e.Line == 3 && e.Field == "StartDate").Message.ShouldContain("in the future");
        result.Errors.Single(e => e.Line == 3 && e.Field == "LineManagerRef").Message.ShouldContain("own StaffRef");
        result.Errors.Single(e => e.Line == 5).Message.ShouldContain("has 4 fields");
        result.Errors.Single(e => e.Line == 6).Message.ShouldContain("first on line 4");
        result.Rows.ShouldBeEmpty();
    }

    [Fact]
    public void AcceptsStartDateGivenToday()
    {
        var result = Parse(File("E1,Ada,A,Band 5,Administrative and Clerical,Corporate,2025-03-31,"));

        result.Errors.ShouldBeEmpty();
    }

    [Fact]
    public void RejectsStaffRefGivenMoreThan32Characters()
    {
        var result = Parse(File($"{new string('E', 33)},Ada,A,Band 5,Administrative and Clerical,Corporate,2010-04-01,"));

        var error = result.Errors.ShouldHaveSingleItem();
        error.Field.ShouldBe("StaffRef");
        error.Message.ShouldContain("at most 32");
    }

    [Fact]
    public void RejectsDirectorateGivenMoreThan100Characters()
    {
        var result = Parse(File($"E1,Ada,A,Band 5,Administrative and Clerical,{new string('d', 101)},2010-04-01,"));

        result.Errors.ShouldHaveSingleItem().Field.ShouldBe("Directorate");
    }

    [Fact]
    public void ReportsBlankLineGivenGapBetweenRows()
    {
        var result = Parse(File(
            "E1,Ada,A,Band 5,Administrative and Clerical,Corporate,2010-04-01,",
            string.Empty,
            "E2,Bob,A,Band 5,Administrative and Clerical,Corporate,2010-04-01,"));

        result.Errors.ShouldHaveSingleItem().Line.ShouldBe(3);
    }

    [Fact]
    public void ReportsUnclosedQuoteGivenFileEndingInsideQuotes()
    {
        var result = Parse(Header + "\nE1,\"Ada,A,Band 5,Administrative and Clerical,Corporate,2010-04-01,\n");

        result.Errors.ShouldContain(e => e.Line == 2 && e.Message.Contains("never closed", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportsTextAfterClosingQuoteGivenMalformedQuoting()
    {
        var result = Parse(File("E1,\"Ada\" Smith,A,Band 5,Administrative and Clerical,Corporate,2010-04-01,"));

        result.Errors.ShouldContain(e => e.Line == 2 && e.Message.Contains("closing quote", StringComparison.Ordinal));
    }

    [Fact]
    public void TrimsSurroundingSpacesGivenPaddedValues()
    {
        var result = Parse(File(" E1 , Ada , A ,Band 5,Administrative and Clerical,Corporate, 2010-04-01 , "));

        result.Errors.ShouldBeEmpty();
        result.Rows.Single().ShouldSatisfyAllConditions(
            r => r.StaffRef.ShouldBe("E1"),
            r => r.Name.ShouldBe("Ada"),
            r => r.LineManagerRef.ShouldBeNull());
    }

    [Fact]
    public void ReadsQuotedCommaAndDoubledQuotesGivenDirectorateAndBand()
    {
        var result = Parse(File("E1,Ada,A,\"Band 8a, \"\"senior\"\"\",Administrative and Clerical,\"Surgery, Theatres\",2010-04-01,"));

        result.Errors.ShouldBeEmpty();
        result.Rows.Single().Band.ShouldBe("Band 8a, \"senior\"");
        result.Rows.Single().Directorate.ShouldBe("Surgery, Theatres");
    }

    [Fact]
    public void NumbersRowsByPhysicalLineGivenCrLfLineEndings()
    {
        var text = Header + "\r\n"
            + "E1,Ada,A,Band 5,Administrative and Clerical,Corporate,2010-04-01,\r\n"
            + "E2,Bob,X,Band 5,Administrative and Clerical,Corporate,2010-04-01,\r\n"
            + "E3,Cy,A,Band 5,Administrative and Clerical,Corporate,2010-04-01,E1\r\n";

        var result = Parse(text);

        result.Errors.Select(e => (e.Line, e.Field)).ShouldBe([(3, "EthnicCode")]);
        result.Rows.Select(r => r.StaffRef).ShouldBe(["E1", "E3"]);
        result.LineOf(1).ShouldBe(4);
        result.Rows[1].LineManagerRef.ShouldBe("E1");
    }

    [Fact]
    public void RejectsNameAndKeepsLineNumbersGivenQuotedCrLfInsideName()
    {
        var text = Header + "\r\n"
            + "E1,\"Ada\r\nLovelace\",A,Band 5,Administrative and Clerical,Corporate,2010-04-01,\r\n"
            + "E2,Bob,A,Band 5,Administrative and Clerical,Corporate,2010-04-01,E9\r\n"
            + "E3,Cy,A,Band 5,Administrative and Clerical,Corporate,2010-04-01,E3\r\n";

        var result = Parse(text);

        // The name spans lines 2–3, so E2 is on line 4 and E3 on line 5.
        result.Errors.Select(e => (e.Line, e.Field)).ShouldBe([(2, "Name"), (5, "LineManagerRef")]);
        result.Errors[0].Message.ShouldContain("control character");
        result.LineOf(0).ShouldBe(4);
    }

    [Fact]
    public void RefusesWholeFileGivenHeaderMissingColumn()
    {
        var result = Parse("StaffRef,Name,EthnicCode,Band,StaffGroup,StartDate,LineManagerRef\nE1,Ada,A,Band 5,Admin,2010-04-01,\n");

        var error = result.Errors.ShouldHaveSingleItem();
        error.ToString().ShouldBe("staff.csv line 1, field (header): no Directorate column (directorate or service; also read from "
            + "\"Directorate Name\", \"Division\", \"Organisation\", \"Organisation Name\")");
        result.Rows.ShouldBeEmpty();
    }

    [Fact]
    public void IgnoresAndNamesExtraColumnGivenHeaderWithNotes()
    {
        // Columns are found by heading, so another column (ESR exports carry dozens) cannot be read as ours: it is
        // ignored, and the preview names it.
        var result = Parse(Header + ",Notes\nE1,Ada,A,Band 5,Administrative and Clerical,Corporate,2010-04-01,,likes tea\n");

        result.Errors.ShouldBeEmpty();
        result.Rows.ShouldHaveSingleItem().Name.ShouldBe("Ada");
        result.Header.ShouldNotBeNull().Ignored.ShouldBe(["Notes"]);
    }

    [Fact]
    public void RefusesRowGivenMoreFieldsThanHeader()
    {
        var result = Parse(File(
            "E1,Ada,A,Band 5,Administrative and Clerical,Corporate,2010-04-01,,",
            "E2,Bob,A,Band 5,Administrative and Clerical,Corporate,2010-04-01,"));

        var error = result.Errors.ShouldHaveSingleItem();
        error.ShouldBe(error with { Line = 2, Field = string.Empty });
        error.Message.ShouldStartWith("has 9 fields but the header has 8");
        result.Rows.Single().StaffRef.ShouldBe("E2");
    }
}
