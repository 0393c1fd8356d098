using JustCulture.Application.Reports;

namespace JustCulture.Application.Tests.Reports;

/// <summary>The plain-English summary: built only from the figures shown, zero and undefined ratios said in words.</summary>
public sealed class ReportHeadlineTests
{
    private static ShownCount Count(int n) => new(n, n.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static ShownIndicator3 Indicator3(int bme, int bmeHeadcount, int white, int whiteHeadcount, double? rl, Interval95? ci) =>
        new("2025-26", "single", "Single year", "live", false,
            new ShownGroup(Count(white), Count(whiteHeadcount), null), new ShownGroup(Count(bme), Count(bmeHeadcount), null),
            new ShownNotStated(Count(0), Count(0)), rl, ci, "interpretation", []);

    private static ShownLikelihood Likelihood(double? rl, Interval95? ci) => new(rl, ci, "interpretation", []);

    private static ShownStage Stage(string name, ShownLikelihood against, ShownLikelihood? conditional)
    {
        var group = new ShownStageGroup(Count(1), Count(10), null, null, null, null);
        return new ShownStage(name, name, "definition", group, group, group, against, conditional);
    }

    private static ShownFunnel Funnel(params ShownStage[] stages) => new("2025-26", "live", false, stages,
        [new ShownBreakdown("band", BreakdownStages.Formal, [
            new ShownBreakdownRow("Band 5", new ShownGroup(Count(1), Count(10), null), new ShownGroup(Count(1), Count(10), null), new ShownNotStated(Count(0), Count(0)), Likelihood(2.5, new(1.2, 4.1))),
            new ShownBreakdownRow("Band 6", new ShownGroup(Count(1), Count(10), null), new ShownGroup(Count(1), Count(10), null), new ShownNotStated(Count(0), Count(0)), Likelihood(1.1, new(0.6, 2.0))),
        ])], []);

    [Fact]
    public void SaysFigureIntervalBandAndWhereDisparityEntersGivenAdverseYear()
    {
        var headline = ReportHeadline.Of(Indicator3(20, 200, 30, 1000, 3.33, new(1.9, 5.8)),
            Funnel(Stage("Concern raised", Likelihood(1.1, new(0.9, 1.3)), null), Stage("Outcome G or A", Likelihood(2.0, new(1.2, 3.0)), Likelihood(1.8, new(1.1, 2.9)))), inProgress: false);

        headline.Figure.ShouldBe("In 2025-26, BME staff were 3.33 times as likely as white staff to enter a formal disciplinary investigation (95% confidence interval 1.90 to 5.80, Koopman score interval (Koopman 1984)).");
        headline.National.ShouldBeNull(); // no national figure is published for 2025-26
        headline.Band!.ShouldStartWith("This is above the non-adverse range of 0.80 to 1.25");
        headline.Band.ShouldContain("The interval excludes 1");
        headline.Funnel.ShouldContain("first enters at “Outcome G or A”: of those at the previous stage (“Concern raised”), BME staff were 1.80 times as likely");
        headline.Breakdowns.ShouldBe("Breakdown cells whose 95% confidence interval excludes 1: pay band “Band 5” 2.50 (1.20 to 4.10).");
    }

    [Theory]
    // 2019-20 is covered by WRES 2020 data, national 1.16.
    [InlineData(3.33, 1.9, 5.8, "The trust's figure of 3.33 is above the national figure of 1.16 (WRES 2020 data, covering 2019-20). The 95% interval excludes the national figure, so the difference is beyond what chance would explain.")]
    [InlineData(1.50, 0.9, 2.4, "The trust's figure of 1.50 is above the national figure of 1.16 (WRES 2020 data, covering 2019-20). The 95% interval includes the national figure, so the difference could be chance.")]
    [InlineData(0.50, 0.2, 0.9, "The trust's figure of 0.50 is below the national figure of 1.16 (WRES 2020 data, covering 2019-20). The 95% interval excludes the national figure, so the difference is beyond what chance would explain.")]
    public void ComparesWithNationalFigureGivenYearWithPublishedFigure(double rl, double lower, double upper, string sentence)
    {
        var shown = Indicator3(20, 200, 30, 1000, rl, new(lower, upper)) with { Year = "2019-20" };
        shown = shown with { National = NationalComparison.Of(shown.Year, shown.Basis, shown.RelativeLikelihood, shown.Ci95) };

        var headline = ReportHeadline.Of(shown, Funnel(), inProgress: false);

        headline.National.ShouldBe(sentence);
        headline.Sentences.ShouldContain(sentence);
    }

    [Fact]
    public void SaysZeroInWordsGivenNoBmeStaffEntering()
    {
        var headline = ReportHeadline.Of(Indicator3(0, 200, 5, 1000, 0, new(0, null)), Funnel(Stage("Concern raised", Likelihood(1.0, new(0.8, 1.2)), null)), inProgress: true);

        headline.Figure.ShouldStartWith("In 2025-26 (year in progress, to date), no BME staff entered a formal disciplinary investigation while 5 white staff did, so the relative likelihood is zero");
        string.Join(" ", headline.Sentences).ShouldNotContain("0.00");
        headline.Funnel.ShouldStartWith("In the funnel, no stage's stage-to-stage ratio has a 95% confidence interval that excludes 1");
    }

    [Fact]
    public void SaysWhyThereIsNoRatioGivenNoWhiteStaffEntering()
    {
        var headline = ReportHeadline.Of(Indicator3(3, 200, 0, 1000, null, null), Funnel(), inProgress: false);

        headline.Figure.ShouldBe("In 2025-26, 3 BME staff but no white staff entered a formal disciplinary investigation, so the relative likelihood cannot be calculated: it would divide by zero.");
        headline.Band.ShouldBeNull();
    }

    [Theory]
    [InlineData(1.01, 2.0, true)]
    [InlineData(0.3, 0.99, true)]
    [InlineData(1.0, 2.0, false)]
    [InlineData(0.5, null, false)]
    [InlineData(1.2, null, true)]
    public void ExcludesOneOnlyGivenIntervalWhollyAboveOrBelowOne(double lower, double? upper, bool excludes) =>
        ReportHeadline.ExcludesOne(new Interval95(lower, upper)).ShouldBe(excludes);
}
