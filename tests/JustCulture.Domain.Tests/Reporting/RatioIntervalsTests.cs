using System.Globalization;
using JustCulture.Domain.Reporting;
using Xunit.Abstractions;

namespace JustCulture.Domain.Tests.Reporting;

public class RatioIntervalsTests(ITestOutputHelper output)
{
    [Theory]
    // Koopman (1984), Biometrics 40:513–517, worked example: 36 of 40 vs 16 of 80, 95% interval 2.94 to 7.15.
    [InlineData(36, 40, 16, 80, 2.94, 7.15)]
    // Both groups all counted: the score interval has the closed form n₁/(n₁ + z²) to (n₂ + z²)/n₂ (as PropCIs'
    // riskscoreci computes it for that case): 10/13.84 = 0.72 to 23.84/20 = 1.19.
    [InlineData(10, 10, 20, 20, 0.72, 1.19)]
    public void ReproducesPublishedScoreIntervalGivenItsCounts(int a, int n1, int b, int n2, double lower, double upper)
    {
        var interval = RatioIntervals.Koopman(a, n1, b, n2)!;

        RelativeLikelihood.Round(interval.Lower).ShouldBe(lower);
        RelativeLikelihood.Round(interval.Upper!.Value).ShouldBe(upper);
    }

    [Fact]
    public void MeetsCriticalValueAtBothLimitsGivenSmallCounts()
    {
        // The limits are where Koopman's chi-square statistic equals z² = 3.8415; inside, it is smaller.
        var interval = RatioIntervals.Koopman(2, 136, 5, 1480)!;
        var critical = RelativeLikelihood.Z95 * RelativeLikelihood.Z95;

        RatioIntervals.Statistic(2, 136, 5, 1480, interval.Lower).ShouldBe(critical, 1e-6);
        RatioIntervals.Statistic(2, 136, 5, 1480, interval.Upper!.Value).ShouldBe(critical, 1e-6);
        RatioIntervals.Statistic(2, 136, 5, 1480, (2.0 / 136) / (5.0 / 1480)).ShouldBe(0, 1e-9);
    }

    [Fact]
    public void GivesIntervalsGivenZeroCounts()
    {
        // No BME cases: from 0 to a finite upper limit. No white cases: a finite lower limit, no upper limit.
        // Nobody at all: 0 with no upper limit.
        var noBme = RatioIntervals.Koopman(0, 136, 5, 1480)!;
        noBme.Lower.ShouldBe(0);
        noBme.Upper.ShouldNotBeNull();
        RatioIntervals.Statistic(0, 136, 5, 1480, noBme.Upper!.Value).ShouldBe(RelativeLikelihood.Z95 * RelativeLikelihood.Z95, 1e-6);

        var noWhite = RatioIntervals.Koopman(2, 136, 0, 1480)!;
        noWhite.Lower.ShouldBeGreaterThan(0);
        noWhite.Upper.ShouldBeNull();

        RatioIntervals.Koopman(0, 136, 0, 1480).ShouldBe(new ConfidenceInterval(0, null));
        RatioIntervals.Koopman(1, 0, 1, 10).ShouldBeNull();
        RatioIntervals.Katz(2, 136, 0, 1480).ShouldBeNull();
    }

    /// <summary>
    /// Coverage at nominal 95% at the sizes of the published figures the product is used with, by simulation: the
    /// true proportions are the published ones, each replicate draws both counts from their binomial distributions
    /// (inverse CDF, seeded), and counts how often each interval contains the true ratio. 20,000 replicates, so the
    /// Monte Carlo standard error is about 0.15 percentage points. A Katz interval that cannot be computed (no white
    /// cases) covers nothing.
    /// </summary>
    [Theory]
    [InlineData(2, 136, 5, 1480)]
    [InlineData(1, 335, 2, 947)]
    [InlineData(9, 750, 17, 2500)]
    public void HoldsCoverageAtPublishedSizesGivenSimulation(int a, int n1, int b, int n2)
    {
        const int replicates = 20_000;
        var random = new Random(20150101 + n1);
        double p1 = (double)a / n1, p2 = (double)b / n2, truth = p1 / p2;
        var cdf1 = Cdf(n1, p1);
        var cdf2 = Cdf(n2, p2);
        int score = 0, katz = 0;
        for (var i = 0; i < replicates; i++)
        {
            var x = Draw(cdf1, random);
            var y = Draw(cdf2, random);
            score += Covers(RatioIntervals.Koopman(x, n1, y, n2), truth) ? 1 : 0;
            katz += Covers(RatioIntervals.Katz(x, n1, y, n2), truth) ? 1 : 0;
        }

        var scoreCoverage = (double)score / replicates;
        var katzCoverage = (double)katz / replicates;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{a}/{n1} vs {b}/{n2} (true ratio {truth:0.000}): Koopman score {scoreCoverage:P2}, Katz log {katzCoverage:P2} over {replicates} replicates"));
        scoreCoverage.ShouldBeGreaterThanOrEqualTo(0.93);
    }

    private static bool Covers(ConfidenceInterval? interval, double truth) =>
        interval is { } i && i.Lower <= truth && (i.Upper is not { } upper || truth <= upper);

    /// <summary>The binomial CDF for 0..n, by the recurrence P(k+1) = P(k)·(n−k)/(k+1)·p/(1−p).</summary>
    private static double[] Cdf(int n, double p)
    {
        var cdf = new double[n + 1];
        var pmf = Math.Pow(1 - p, n);
        var total = 0.0;
        for (var k = 0; k <= n; k++)
        {
            total += pmf;
            cdf[k] = total;
            pmf *= (double)(n - k) / (k + 1) * p / (1 - p);
        }

        return cdf;
    }

    private static int Draw(double[] cdf, Random random)
    {
        var u = random.NextDouble();
        var k = Array.BinarySearch(cdf, u);
        k = k < 0 ? ~k : k;
        return Math.Min(k, cdf.Length - 1);
    }
}
