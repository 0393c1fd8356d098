using JustCulture.Domain.Reporting;

namespace JustCulture.Domain.Tests.Reporting;

public class NationalComparatorTests
{
    [Theory]
    // WRES data year → the reporting year it covers (1 April of the year before – 31 March) → the published figure.
    [InlineData(2016, "2015-16", 1.56)]
    [InlineData(2017, "2016-17", 1.37)]
    [InlineData(2018, "2017-18", 1.24)]
    [InlineData(2019, "2018-19", 1.22)]
    [InlineData(2020, "2019-20", 1.16)]
    [InlineData(2021, "2020-21", 1.14)]
    [InlineData(2022, "2021-22", 1.14)]
    public void MapsWresDataYearToReportingYearGivenShippedSeries(int dataYear, string reportingYear, double national)
    {
        NationalComparator.Covers(dataYear).ToString().ShouldBe(reportingYear);
        var figure = NationalComparator.For(ReportingYear.Parse(reportingYear)).ShouldNotBeNull();
        figure.WresDataYear.ShouldBe(dataYear);
        figure.RelativeLikelihood.ShouldBe(national);
        figure.Source.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public void GivesNoComparatorGivenYearWithoutPublishedFigure()
    {
        NationalComparator.For(ReportingYear.Parse("2014-15")).ShouldBeNull();
        NationalComparator.For(ReportingYear.Parse("2022-23")).ShouldBeNull();
        NationalComparator.Series.Count.ShouldBe(7);
    }

    [Fact]
    public void CitesEachSourceGivenShippedSeries()
    {
        NationalComparator.Series.Where(f => f.WresDataYear <= 2020).ShouldAllBe(f => f.Source.Contains("Workforce Race Equality Standard report 2021"));
        NationalComparator.Series.Where(f => f.WresDataYear >= 2021).ShouldAllBe(f => f.Source.Contains("Closing the gap"));
    }
}
