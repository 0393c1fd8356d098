using JustCulture.Domain.Reporting;

namespace JustCulture.Domain.Tests.Reporting;

public class ReportingYearTests
{
    private static DateTime Utc(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void ParsesStartYearGivenWresNotation()
    {
        ReportingYear.Parse("2024-25").StartYear.ShouldBe(2024);
        ReportingYear.Parse(" 2099-00 ").StartYear.ShouldBe(2099);
    }

    [Fact]
    public void ParsesWithNoErrorGivenWellFormedYear()
    {
        ReportingYear.TryParse("2024-25", out var year, out var error).ShouldBeTrue();

        year.ShouldBe(new ReportingYear(2024));
        error.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("2000-01", 2000)]
    [InlineData("2100-01", 2100)]
    public void AcceptsYearGivenFirstYearAtEdgeOfRange(string text, int startYear)
    {
        ReportingYear.TryParse(text, out var year, out _).ShouldBeTrue();

        year.StartYear.ShouldBe(startYear);
        // The dates the year computes are representable right up to the edge.
        year.EndUtc.ShouldBeGreaterThan(year.StartUtc);
    }

    [Theory]
    [InlineData("0000-01")]
    [InlineData("9999-00")]
    [InlineData("1999-00")]
    [InlineData("2101-02")]
    public void RefusesYearGivenFirstYearOutsideRange(string text)
    {
        ReportingYear.TryParse(text, out var year, out var error).ShouldBeFalse();

        year.ShouldBe(default);
        error.ShouldBe($"'{text}' is not a reporting year; write it as YYYY-YY, e.g. 2024-25 (the first year must be from 2000 to 2100)");
    }

    [Fact]
    public void RefusesYearGivenSecondPartNotNextYear()
    {
        ReportingYear.TryParse("2024-26", out _, out var error).ShouldBeFalse();

        error.ShouldBe("'2024-26' is not a reporting year; write it as YYYY-YY, e.g. 2024-25 (the second part must be 25, the year after 2024)");
    }

    [Theory]
    [InlineData("2024-5")]
    [InlineData("2024/25")]
    [InlineData("2024-25-26")]
    public void RefusesYearGivenWrongShape(string text)
    {
        ReportingYear.TryParse(text, out _, out var error).ShouldBeFalse();

        error.ShouldBe($"'{text}' is not a reporting year; write it as YYYY-YY, e.g. 2024-25");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void RefusesYearGivenNothing(string? text)
    {
        ReportingYear.TryParse(text, out _, out var error).ShouldBeFalse();

        error.ShouldBe("no reporting year was given; write it as YYYY-YY, e.g. 2024-25");
    }

    [Theory]
    [InlineData("2024-26")]
    [InlineData("2024/25")]
    [InlineData("24-25")]
    [InlineData("2024-2025")]
    [InlineData("2024")]
    [InlineData("")]
    [InlineData(null)]
    public void RejectsGivenMalformedOrInconsistentYear(string? text)
    {
        ReportingYear.TryParse(text, out _).ShouldBeFalse();
        Should.Throw<DomainRuleException>(() => ReportingYear.Parse(text)).Message.ShouldContain("YYYY-YY");
    }

    [Theory]
    [InlineData(2024, "2024-25")]
    [InlineData(2099, "2099-00")]
    [InlineData(2009, "2009-10")]
    public void FormatsAsWresNotationGivenStartYear(int startYear, string expected)
    {
        var year = new ReportingYear(startYear);

        year.ToString().ShouldBe(expected);
        ReportingYear.Parse(year.ToString()).ShouldBe(year);
    }

    [Fact]
    public void StartsAt23UtcOn31MarchGivenBstInForceOn1April()
    {
        // BST began on 30 March 2025, so 1 April 00:00 UK time is 31 March 23:00 UTC.
        var year = new ReportingYear(2025);

        year.StartUtc.ShouldBe(Utc(2025, 3, 31, 23, 0));
        year.StartUtc.Kind.ShouldBe(DateTimeKind.Utc);
        year.EndUtc.ShouldBe(Utc(2026, 3, 31, 23, 0));
    }

    [Fact]
    public void FallsInOldYearGivenOneMinuteBeforeMidnightOn31MarchUkTime()
    {
        // 31 March 2025 23:59 BST = 22:59 UTC.
        ReportingYear.Containing(Utc(2025, 3, 31, 22, 59)).ShouldBe(ReportingYear.Parse("2024-25"));
        ReportingYear.Parse("2024-25").Contains(Utc(2025, 3, 31, 22, 59)).ShouldBeTrue();
    }

    [Fact]
    public void FallsInNewYearGivenMidnightOn1AprilUkTime()
    {
        // 1 April 2025 00:00 BST = 31 March 23:00 UTC: still 31 March in UTC, already the new year in the UK.
        ReportingYear.Containing(Utc(2025, 3, 31, 23, 0)).ShouldBe(ReportingYear.Parse("2025-26"));
        ReportingYear.Parse("2024-25").Contains(Utc(2025, 3, 31, 23, 0)).ShouldBeFalse();
        ReportingYear.Parse("2025-26").Contains(Utc(2025, 3, 31, 23, 0)).ShouldBeTrue();
    }

    [Fact]
    public void FallsInNewYearGivenHalfPastMidnightBstOn1April()
    {
        ReportingYear.Containing(Utc(2025, 3, 31, 23, 30)).ShouldBe(new ReportingYear(2025));
    }

    [Fact]
    public void UsesGmtGivenWinterDate()
    {
        // In GMT local time equals UTC: 31 December is in the year that started the previous April.
        ReportingYear.Containing(Utc(2024, 12, 31, 23, 59)).ShouldBe(new ReportingYear(2024));
        ReportingYear.Containing(Utc(2025, 1, 1, 0, 0)).ShouldBe(new ReportingYear(2024));
    }

    [Fact]
    public void StartsInsideYearGivenStartInstant()
    {
        var year = new ReportingYear(2023);

        year.Contains(year.StartUtc).ShouldBeTrue();
        year.Contains(year.StartUtc.AddTicks(-1)).ShouldBeFalse();
        year.Contains(year.EndUtc.AddTicks(-1)).ShouldBeTrue();
        ReportingYear.Containing(year.StartUtc).ShouldBe(year);
        ReportingYear.Containing(year.StartUtc.AddTicks(-1)).ShouldBe(year.Previous);
    }

    [Fact]
    public void SnapshotsOn31MarchGivenEndOfYear()
    {
        ReportingYear.Parse("2024-25").SnapshotDate.ShouldBe(new DateOnly(2025, 3, 31));
    }

    [Fact]
    public void OrdersByStartYearGivenTwoYears()
    {
        var earlier = new ReportingYear(2023);
        var later = new ReportingYear(2024);

        earlier.CompareTo(later).ShouldBeLessThan(0);
        later.Previous.ShouldBe(earlier);
        new[] { later, earlier }.Order().ShouldBe([earlier, later]);
    }
}
