namespace JustCulture.Domain.Reporting;

/// <summary>How a 95% interval for a relative likelihood was computed, as stated in every output (<c>ciMethod</c>).</summary>
public static class IntervalMethods
{
    /// <summary>Koopman's asymptotic score interval (Koopman 1984): the interval shown.</summary>
    public const string KoopmanScore = "koopman-score";

    /// <summary>Katz's log interval (Katz et al. 1978): kept alongside for comparability with earlier figures.</summary>
    public const string KatzLog = "katz-log";

    /// <summary>The method in words, for pages and text reports.</summary>
    public static string Describe(string method) => method switch
    {
        KoopmanScore => "Koopman score interval (Koopman 1984)",
        KatzLog => "Katz log interval (Katz et al. 1978)",
        _ => method,
    };
}

/// <summary>
/// 95% intervals for the ratio of two independent binomial proportions, φ = (a/n₁) ÷ (b/n₂)
/// (docs/domain/wres-indicator-3.md, "The 95% interval").
/// <list type="bullet">
/// <item><see cref="Koopman"/>: the asymptotic score interval of Koopman (1984), "Confidence intervals for the ratio
/// of two binomial proportions", Biometrics 40:513–517 — every φ whose Pearson chi-square test, with the two
/// proportions estimated by maximum likelihood under p₁ = φ·p₂, is not rejected at 5%. Fagerland, Lydersen &amp;
/// Laake (2015, Stat Methods Med Res 24:224–254) recommend it for small and moderate samples, where the Katz log
/// interval does not hold its coverage. It needs no special case for a zero count: with no BME cases the lower
/// limit is 0 and the upper limit is finite; with no white cases the lower limit is finite and the upper limit unbounded.</item>
/// <item><see cref="Katz"/>: SE(ln φ) = √(1/a − 1/n₁ + 1/b − 1/n₂), ln φ ± 1.96·SE — kept for comparison.</item>
/// </list>
/// </summary>
public static class RatioIntervals
{
    private const double SearchFloor = 1e-9;
    private const double SearchCeiling = 1e9;

    /// <summary>
    /// Koopman's score interval. Null only when a group has no headcount or a count exceeds it. Upper is null when
    /// the interval is unbounded above (no white cases, or no cases at all).
    /// </summary>
    public static ConfidenceInterval? Koopman(int a, int n1, int b, int n2, double z = RelativeLikelihood.Z95)
    {
        if (n1 <= 0 || n2 <= 0 || a < 0 || b < 0 || a > n1 || b > n2)
        {
            return null;
        }

        if (a == 0 && b == 0)
        {
            // Nothing observed in either group: every ratio is consistent with the data.
            return new ConfidenceInterval(0, null);
        }

        var critical = z * z;
        double centre = a == 0 ? SearchFloor : b == 0 ? SearchCeiling : ((double)a / n1) / ((double)b / n2);
        var lower = a == 0 ? 0 : Boundary(a, n1, b, n2, critical, SearchFloor, centre, rising: false) ?? 0;
        var upper = b == 0 ? null : Boundary(a, n1, b, n2, critical, centre, SearchCeiling, rising: true);
        return new ConfidenceInterval(lower, upper);
    }

    /// <summary>
    /// Katz's log interval, as before: null when there are no white cases (the ratio is undefined); from 0 with no
    /// upper limit when there are no BME cases.
    /// </summary>
    public static ConfidenceInterval? Katz(int a, int n1, int b, int n2, double z = RelativeLikelihood.Z95)
    {
        if (n1 <= 0 || n2 <= 0 || a < 0 || b < 0 || a > n1 || b > n2 || b == 0)
        {
            return null;
        }

        if (a == 0)
        {
            return new ConfidenceInterval(0, null);
        }

        var ratio = ((double)a / n1) / ((double)b / n2);
        var se = Math.Sqrt((1.0 / a) - (1.0 / n1) + (1.0 / b) - (1.0 / n2));
        var log = Math.Log(ratio);
        return new ConfidenceInterval(Math.Exp(log - (z * se)), Math.Exp(log + (z * se)));
    }

    /// <summary>
    /// Koopman's statistic U(φ) = (a − n₁p̃₁)²/(n₁p̃₁(1−p̃₁)) + (b − n₂p̃₂)²/(n₂p̃₂(1−p̃₂)), with p̃₁ = φ·p̃₂ the
    /// maximum-likelihood estimates under the hypothesis ratio φ (Koopman 1984, eq. 2).
    /// </summary>
    public static double Statistic(int a, int n1, int b, int n2, double phi)
    {
        double m = n1, n = n2, x = a, y = b;
        var t = (phi * (m + y)) + x + n;
        var discriminant = Math.Max(0, (t * t) - (4 * phi * (m + n) * (x + y)));
        var p1 = (t - Math.Sqrt(discriminant)) / (2 * (m + n));
        var p2 = p1 / phi;
        return Term(x, m, p1) + Term(y, n, p2);

        static double Term(double observed, double size, double p)
        {
            var expected = size * p;
            var variance = size * p * (1 - p);
            var difference = observed - expected;
            if (variance <= 0)
            {
                return Math.Abs(difference) < 1e-12 ? 0 : double.PositiveInfinity;
            }

            return difference * difference / variance;
        }
    }

    /// <summary>
    /// The φ between <paramref name="from"/> and <paramref name="to"/> where U(φ) crosses the critical value, by
    /// bisection on the log scale (U is 0 at the estimate and grows away from it). Null when it never crosses.
    /// </summary>
    private static double? Boundary(int a, int n1, int b, int n2, double critical, double from, double to, bool rising)
    {
        double inside = rising ? from : to, outside = rising ? to : from;
        if (Statistic(a, n1, b, n2, outside) <= critical)
        {
            return null;
        }

        double lo = Math.Log(inside), hi = Math.Log(outside);
        for (var i = 0; i < 200 && Math.Abs(hi - lo) > 1e-12; i++)
        {
            var mid = (lo + hi) / 2;
            if (Statistic(a, n1, b, n2, Math.Exp(mid)) > critical)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return Math.Exp((lo + hi) / 2);
    }
}
