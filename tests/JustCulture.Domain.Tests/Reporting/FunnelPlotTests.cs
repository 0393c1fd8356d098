using JustCulture.Domain.Reporting;

namespace JustCulture.Domain.Tests.Reporting;

public class FunnelPlotTests
{
    [Theory]
    // Worked by hand from the binomial distribution (Spiegelhalter 2005, appendix): r_P is the smallest r with
    // F(r) ≥ P, α = (F(r_P) − P) / (F(r_P) − F(r_P − 1)), limit = (r_P − α) / n.
    // Binomial(10, 0.5): F(1) = 11/1024 = 0.010742, F(2) = 56/1024 = 0.054688, F(7) = 968/1024 = 0.945313,
    // F(8) = 1013/1024 = 0.989258.
    //   P = 0.025: r = 2, α = (0.054688 − 0.025) / 0.043945 = 0.675556 → (2 − 0.675556) / 10 = 0.132444.
    //   P = 0.975: r = 8, α = (0.989258 − 0.975) / 0.043945 = 0.324444 → (8 − 0.324444) / 10 = 0.767556.
    [InlineData(10, 0.5, 0.025, 0.132444)]
    [InlineData(10, 0.5, 0.975, 0.767556)]
    // Binomial(20, 0.1): F(0) = 0.9^20 = 0.121577, F(4) = 0.956826, F(5) = 0.988747, F(6) = 0.997614, F(7) = 0.999584.
    //   P = 0.975: r = 5, α = (0.988747 − 0.975) / (0.988747 − 0.956826) = 0.430648 → (5 − 0.430648) / 20 = 0.228468.
    //   P = 0.999: r = 7, α = (0.999584 − 0.999) / (0.999584 − 0.997614) = 0.296564 → (7 − 0.296564) / 20 = 0.335172.
    //   P = 0.025: r = 0 already (F(0) = 0.12 ≥ 0.025): the limit is 0 (it cannot go below no cases).
    [InlineData(20, 0.1, 0.975, 0.228468)]
    [InlineData(20, 0.1, 0.999, 0.335172)]
    [InlineData(20, 0.1, 0.025, 0.0)]
    public void MatchesHandWorkedBinomialLimitsGivenTwoCases(int n, double p, double probability, double expected) =>
        FunnelPlot.BinomialLimit(n, p, probability).ShouldBe(expected, 1e-6);

    [Fact]
    public void GivesRatioLimitsGivenBmeHeadcountWhiteRateAndTarget()
    {
        // 20 BME staff, white rate 0.05, target 2: BME entering ~ Binomial(20, 0.1); the ratio limit is the proportion
        // limit ÷ 0.05, so the upper 99.8% limit is 0.335172 / 0.05 = 6.70 and the upper 95% 0.228468 / 0.05 = 4.57.
        var limits = FunnelPlot.ExactLimits(20, 0.05, 2.0);

        limits.Expected.ShouldBe(1.0, 1e-12);
        limits.Upper998.ShouldBe(6.70344, 1e-4);
        limits.Upper95.ShouldBe(4.56935, 1e-4);
        limits.Lower95.ShouldBe(0);
    }

    [Fact]
    public void GivesRandomEffectsLimitsOnSquareRootScaleGivenTau()
    {
        // E = 4, θ₀ = 1, τ² = 0: sd = √(1/16) = 0.25; (1 ± 1.96 × 0.25)² = 1.489991² = 2.220073 and 0.510009² = 0.260109.
        var limits = FunnelPlot.RandomEffectsLimits(4, 1, 0);
        limits.Upper95.ShouldBe(2.220073, 1e-5);
        limits.Lower95.ShouldBe(0.260109, 1e-5);
        // τ² = 0.0225 widens it: sd = √(0.0625 + 0.0225) = 0.291548; (1 + 1.96 × 0.291548)² = 1.571424² = 2.469373.
        FunnelPlot.RandomEffectsLimits(4, 1, 0.0225).Upper95.ShouldBe(2.469373, 1e-5);
    }

    [Fact]
    public void FindsNoOverdispersionGivenOrganisationsAtTheTarget()
    {
        // Every organisation's BME staff enter at its white rate: all z-scores are 0, φ = 0, τ² = 0.
        FunnelUnit[] units = [new("A", 10, 1000, 20, 2000), new("B", 5, 500, 10, 1000), new("C", 2, 200, 8, 800), new("D", 30, 3000, 30, 3000)];

        var od = FunnelPlot.Assess(units, 1.0);

        od.Assessed.ShouldBeTrue();
        od.Phi.ShouldBe(0, 1e-12);
        od.Present.ShouldBeFalse();
        FunnelPlot.Target("1", 1.0, units).LimitsMethod.ShouldBe("exact-binomial");
    }

    [Fact]
    public void WidensLimitsGivenOrganisationsVaryingMoreThanChance()
    {
        // Ratios from 0.2 to 5 on large counts: far more spread than binomial variation allows.
        FunnelUnit[] units =
        [
            new("A", 20, 1000, 100, 1000), new("B", 500, 1000, 100, 1000), new("C", 50, 1000, 100, 1000),
            new("D", 250, 1000, 100, 1000), new("E", 100, 1000, 100, 1000), new("F", 30, 1000, 100, 1000),
        ];

        var target = FunnelPlot.Target("1", 1.0, units);

        target.Overdispersion.Present.ShouldBeTrue();
        target.Overdispersion.Tau2.ShouldBeGreaterThan(0);
        target.LimitsMethod.ShouldBe("random-effects");
        // Exact binomial limits put B (ratio 5 on 100 expected) far beyond 99.8%; the random-effects limits are wider,
        // so it is no longer beyond 99.8%, and E (ratio 1.00) is inside.
        var exact = FunnelPlot.ExactLimits(1000, 0.1, 1.0);
        (units[1].Ratio > exact.Upper998).ShouldBeTrue();
        var widened = FunnelPlot.RandomEffectsLimits(units[1].Expected, 1.0, target.Overdispersion.Tau2);
        widened.Upper998.ShouldBeGreaterThan(exact.Upper998);
        FunnelPlot.Position(units[4], target).ShouldBe(FunnelPosition.Within95);
        FunnelPlot.Position(units[1], target).ShouldNotBe(FunnelPosition.Above998);
    }

    [Fact]
    public void PlacesOrganisationsAgainstExactLimitsGivenNoOverdispersion()
    {
        // Two organisations: overdispersion is not assessed, so the exact binomial limits judge each.
        FunnelUnit small = new("Small", 2, 8, 6, 40);   // 2 of 8 vs 6 of 40: E = 8 × 0.15 = 1.2, RL 1.67
        FunnelUnit large = new("Large", 90, 1000, 30, 1000); // E = 30, RL 3.00
        var target = FunnelPlot.Target("1", 1.0, [small, large]);

        target.Overdispersion.Assessed.ShouldBeFalse();
        small.Expected.ShouldBe(1.2, 1e-12);
        FunnelPlot.Position(small, target).ShouldBe(FunnelPosition.Within95);
        FunnelPlot.Position(large, target).ShouldBe(FunnelPosition.Above998);
        FunnelPlot.Position(new FunnelUnit("No white", 3, 100, 0, 100), target).ShouldBe(FunnelPosition.NotPlotted);
    }

    [Fact]
    public void InterpolatesQuantileAsRType7GivenSortedValues() =>
        FunnelPlot.Quantile([1, 2, 3, 4, 5], 0.1).ShouldBe(1.4, 1e-12);
}
