using JustCulture.Domain.Reporting;

namespace JustCulture.Domain.Tests.Reporting;

public class RelativeLikelihoodTests
{
    [Theory]
    // docs/domain/wres-indicator-3.md test vectors (BME entering/headcount vs white entering/headcount → RL (95% Katz interval)).
    [InlineData(9, 750, 17, 2500, 1.76, 0.79, 3.94)]
    [InlineData(3, 300, 5, 1200, 2.40, 0.58, 9.99)]
    [InlineData(120, 30000, 300, 90000, 1.20, 0.97, 1.48)]
    public void KeepsKatzIntervalGivenPublishedTestVectors(int a, int n1, int b, int n2, double ratio, double lower, double upper)
    {
        var estimate = RelativeLikelihood.Compute(a, n1, b, n2);

        RelativeLikelihood.Round(estimate.Ratio!.Value).ShouldBe(ratio);
        RelativeLikelihood.Round(estimate.KatzInterval!.Lower).ShouldBe(lower);
        RelativeLikelihood.Round(estimate.KatzInterval.Upper!.Value).ShouldBe(upper);
    }

    [Fact]
    public void ShowsKoopmanScoreIntervalGivenCounts()
    {
        var estimate = RelativeLikelihood.Compute(36, 40, 16, 80);

        estimate.IntervalMethod.ShouldBe(IntervalMethods.KoopmanScore);
        estimate.Interval.ShouldBe(RatioIntervals.Koopman(36, 40, 16, 80));
        // Koopman (1984), worked example: 36 of 40 vs 16 of 80 → 2.94 to 7.15.
        RelativeLikelihood.Round(estimate.Interval!.Lower).ShouldBe(2.94);
        RelativeLikelihood.Round(estimate.Interval.Upper!.Value).ShouldBe(7.15);
    }

    [Fact]
    public void ComputesRatesGivenCounts()
    {
        var estimate = RelativeLikelihood.Compute(9, 750, 17, 2500);

        estimate.BmeRate!.Value.ShouldBe(0.012, 1e-12);
        estimate.WhiteRate!.Value.ShouldBe(0.0068, 1e-12);
    }

    [Fact]
    public void ReadsAboveBandWithWideIntervalWarningsGivenFirstVector()
    {
        var estimate = RelativeLikelihood.Compute(9, 750, 17, 2500);

        estimate.Band.ShouldBe(LikelihoodBand.BmeMoreLikely);
        estimate.Interpretation.ShouldStartWith("Above 1.25: BME staff more likely");
        // 9 BME cases is fewer than 10; the score interval 0.81–3.86 is wider than 3× and crosses two bands (it starts
        // at 0.81, inside the non-adverse band, where Katz's 0.79 started below it).
        estimate.Warnings.ShouldContain(w => w.StartsWith("Small numbers: only 9 BME and 17 white", StringComparison.Ordinal));
        estimate.Warnings.ShouldContain(w => w.Contains("interval is wide (0.81–3.86)", StringComparison.Ordinal));
        estimate.Warnings.ShouldContain(w => w.Contains("spans more than one band (0.80–1.25 non-adverse, above 1.25)", StringComparison.Ordinal));
        // 8/750 ÷ 0.0068 = 1.57; 10/750 ÷ 0.0068 = 1.96.
        estimate.Warnings.ShouldContain("One BME case fewer or more would move the ratio from 1.76 to 1.57 or 1.96.");
    }

    [Fact]
    public void GivesNoWarningsGivenLargeCountsAndNarrowIntervalInsideBand()
    {
        // 120/30,000 vs 300/90,000: 1.20 (0.97–1.48) — large counts but the interval crosses 1.25, so one warning.
        var estimate = RelativeLikelihood.Compute(120, 30000, 300, 90000);
        estimate.Band.ShouldBe(LikelihoodBand.NonAdverse);
        estimate.Warnings.ShouldHaveSingleItem().ShouldContain("spans more than one band");

        // 1000/100,000 vs 1000/100,000: RL 1.00, interval about 0.92–1.09, entirely non-adverse.
        var clear = RelativeLikelihood.Compute(1000, 100000, 1000, 100000);
        clear.Ratio.ShouldBe(1.0);
        clear.Band.ShouldBe(LikelihoodBand.NonAdverse);
        clear.Interpretation.ShouldStartWith("0.80–1.25: non-adverse");
        clear.Warnings.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0.79, LikelihoodBand.BmeLessLikely)]
    [InlineData(0.795, LikelihoodBand.NonAdverse)] // published as 0.80
    [InlineData(0.80, LikelihoodBand.NonAdverse)]
    [InlineData(1.25, LikelihoodBand.NonAdverse)]
    [InlineData(1.254, LikelihoodBand.NonAdverse)] // published as 1.25
    [InlineData(1.256, LikelihoodBand.BmeMoreLikely)] // published as 1.26
    [InlineData(4.0, LikelihoodBand.BmeMoreLikely)]
    public void BandsByFourFifthsRuleGivenPublishedFigure(double ratio, LikelihoodBand band) =>
        RelativeLikelihood.BandOf(ratio).ShouldBe(band);

    [Fact]
    public void ReadsBelowBandGivenBmeLessLikely()
    {
        var estimate = RelativeLikelihood.Compute(20, 2000, 60, 3000); // 0.01 ÷ 0.02 = 0.50
        estimate.Ratio!.Value.ShouldBe(0.5, 1e-12);
        estimate.Band.ShouldBe(LikelihoodBand.BmeLessLikely);
        estimate.Interpretation.ShouldStartWith("Below 0.80: BME staff less likely");
    }

    [Fact]
    public void GivesZeroWithBoundedScoreIntervalGivenNoBmeCases()
    {
        var estimate = RelativeLikelihood.Compute(0, 400, 12, 1600);

        estimate.Ratio.ShouldBe(0);
        // The score interval needs no BME case to have an upper limit; Katz's cannot have one.
        estimate.Interval!.Lower.ShouldBe(0);
        RelativeLikelihood.Round(estimate.Interval.Upper!.Value).ShouldBe(1.27);
        estimate.KatzInterval.ShouldBe(new ConfidenceInterval(0, null));
        estimate.Band.ShouldBe(LikelihoodBand.BmeLessLikely);
        // A zero is not evidence of "less likely": the reading says so rather than the bare four-fifths band.
        estimate.Interpretation.ShouldStartWith("RL 0.00 because no BME staff entered a formal investigation");
        estimate.Interpretation.ShouldContain("does not show that BME staff are less likely");
        estimate.Warnings.ShouldContain(w => w.StartsWith("No BME staff entered a formal investigation, so the relative likelihood is 0", StringComparison.Ordinal)
            && w.Contains("runs from 0 to 1.27", StringComparison.Ordinal));
        estimate.Warnings.ShouldContain(w => w.StartsWith("Small numbers: only 0 BME and 12 white", StringComparison.Ordinal));
    }

    [Fact]
    public void GivesUndefinedGivenNoWhiteCasesButSomeBme()
    {
        var estimate = RelativeLikelihood.Compute(3, 400, 0, 1600);

        estimate.Ratio.ShouldBeNull();
        // Undefined ratio, but the score interval still bounds it below: at least 3.13 times as likely.
        RelativeLikelihood.Round(estimate.Interval!.Lower).ShouldBe(3.13);
        estimate.Interval.IsUnboundedAbove.ShouldBeTrue();
        estimate.KatzInterval.ShouldBeNull();
        estimate.Warnings.ShouldContain(w => w.Contains("still has a lower limit (3.13)", StringComparison.Ordinal));
        estimate.Band.ShouldBe(LikelihoodBand.Undefined);
        estimate.BmeRate.ShouldBe(0.0075);
        estimate.WhiteRate.ShouldBe(0);
        estimate.Interpretation.ShouldContain("only BME staff entered a formal investigation (3)");
        estimate.Warnings.ShouldContain(w => w.Contains("would divide by zero, so it is undefined", StringComparison.Ordinal));
    }

    [Fact]
    public void GivesUndefinedGivenNoCasesInEitherGroup()
    {
        var estimate = RelativeLikelihood.Compute(0, 400, 0, 1600);

        estimate.Ratio.ShouldBeNull();
        estimate.Interval.ShouldBe(new ConfidenceInterval(0, null));
        estimate.Warnings.ShouldContain(w => w.Contains("runs from 0 with no upper limit", StringComparison.Ordinal));
        estimate.Band.ShouldBe(LikelihoodBand.Undefined);
        estimate.Warnings.ShouldContain("No BME and no white staff entered a formal investigation, so there is nothing to compare: the ratio is 0 ÷ 0, undefined.");
    }

    [Theory]
    [InlineData(0, 0, 2, 100, "there are no BME staff in the headcount")]
    [InlineData(2, 100, 0, 0, "there are no white staff in the headcount")]
    [InlineData(0, 0, 0, 0, "there are no BME and no white staff in the headcount (everyone's ethnicity is not stated")]
    public void GivesUndefinedGivenZeroHeadcount(int a, int n1, int b, int n2, string reason)
    {
        var estimate = RelativeLikelihood.Compute(a, n1, b, n2);

        estimate.Ratio.ShouldBeNull();
        estimate.Interval.ShouldBeNull();
        estimate.Band.ShouldBe(LikelihoodBand.Undefined);
        estimate.Warnings.ShouldHaveSingleItem().ShouldContain(reason);
    }

    [Fact]
    public void GivesUndefinedGivenCountAboveHeadcount()
    {
        var estimate = RelativeLikelihood.Compute(3, 2, 1, 100);

        estimate.Ratio.ShouldBeNull();
        estimate.Warnings.ShouldHaveSingleItem().ShouldContain("more staff are counted than the headcount holds");
    }

    [Fact]
    public void WarnsThatIntervalCollapsedGivenEveryoneInBothGroupsCounted()
    {
        // 3 of 3 vs 8 of 8: Katz SE = √(1/3 − 1/3 + 1/8 − 1/8) = 0, so Katz's interval is 1.00–1.00. The score
        // interval does not collapse: n₁/(n₁ + z²) = 3/6.84 = 0.44 to (n₂ + z²)/n₂ = 11.84/8 = 1.48.
        var estimate = RelativeLikelihood.Compute(3, 3, 8, 8, "reached this stage");

        estimate.Ratio.ShouldBe(1.0);
        estimate.KatzInterval.ShouldBe(new ConfidenceInterval(1.0, 1.0));
        RelativeLikelihood.Round(estimate.Interval!.Lower).ShouldBe(0.44);
        RelativeLikelihood.Round(estimate.Interval.Upper!.Value).ShouldBe(1.48);
        estimate.Warnings.ShouldContain(w => w.StartsWith("Everyone in both groups reached this stage, so the Katz interval collapses to the single value 1.00", StringComparison.Ordinal));
        RelativeLikelihood.Compute(3, 4, 8, 8).Warnings.ShouldNotContain(w => w.StartsWith("Everyone in both groups", StringComparison.Ordinal));
    }

    [Fact]
    public void RejectsGivenNegativeCount() =>
        Should.Throw<DomainRuleException>(() => RelativeLikelihood.Compute(-1, 10, 1, 10)).Message.ShouldContain("cannot be negative");

    [Fact]
    public void UsesPolicyThresholdsGivenCustomPolicy()
    {
        // 30 and 40 cases: small under a threshold of 50, not under the default 10.
        RelativeLikelihood.Compute(30, 1000, 40, 2000).Warnings.ShouldNotContain(w => w.StartsWith("Small numbers", StringComparison.Ordinal));
        RelativeLikelihood.Compute(30, 1000, 40, 2000, policy: new SmallNumbersPolicy(MinimumEntering: 50))
            .Warnings.ShouldContain(w => w.StartsWith("Small numbers: only 30 BME and 40 white", StringComparison.Ordinal));
    }

    [Fact]
    public void FormatsUnboundedIntervalInWords() =>
        RelativeLikelihood.Format(new ConfidenceInterval(0, null)).ShouldBe("0.00–unbounded");
}

public class SmallCellSuppressionTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "<5")]
    [InlineData(4, "<5")]
    [InlineData(5, "5")]
    [InlineData(123, "123")]
    public void SuppressesOneToFourGivenDefaultThreshold(int count, string shown) =>
        SmallCellSuppression.Default.Format(count).ShouldBe(shown);

    [Fact]
    public void SuppressesBelowThresholdGivenConfiguredThreshold()
    {
        var suppression = new SmallCellSuppression(10);
        suppression.Format(9).ShouldBe("<10");
        suppression.Format(10).ShouldBe("10");
        suppression.Format(0).ShouldBe("0");
    }

    [Fact]
    public void ShowsEverythingGivenNone()
    {
        SmallCellSuppression.None.Format(1).ShouldBe("1");
        SmallCellSuppression.None.IsSuppressed(1).ShouldBeFalse();
    }

    [Fact]
    public void RejectsGivenThresholdBelowOne() =>
        Should.Throw<DomainRuleException>(() => new SmallCellSuppression(0)).Message.ShouldContain("at least 1");
}
