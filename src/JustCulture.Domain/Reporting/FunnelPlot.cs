namespace JustCulture.Domain.Reporting;

/// <summary>One organisation in a funnel plot: its BME and white staff entering and headcounts for the year.</summary>
public sealed record FunnelUnit(string Name, int BmeEntering, int BmeHeadcount, int WhiteEntering, int WhiteHeadcount, bool Highlighted = false)
{
    /// <summary>The organisation's white rate, b ÷ n₂; null without white headcount.</summary>
    public double? WhiteRate => WhiteHeadcount == 0 ? null : (double)WhiteEntering / WhiteHeadcount;

    /// <summary>
    /// The precision axis: how many BME staff would have entered at the organisation's white rate, E = n₁ × b ÷ n₂.
    /// The relative likelihood is then O ÷ E with O the BME staff who entered (an indirectly standardised ratio).
    /// </summary>
    public double Expected => WhiteRate is { } rate ? BmeHeadcount * rate : 0;

    public double? Ratio => Expected > 0 ? BmeEntering / Expected : null;
}

/// <summary>Where an organisation sits against one target's limits.</summary>
public enum FunnelPosition
{
    /// <summary>Not plotted: no white staff entered (or no headcount), so there is no ratio or precision.</summary>
    NotPlotted,
    Within95,
    Above95,
    Below95,
    Above998,
    Below998,
}

/// <summary>The limits around a target at one precision (expected count).</summary>
public sealed record FunnelLimitPoint(double Expected, double Lower95, double Upper95, double Lower998, double Upper998);

/// <summary>
/// Overdispersion around a target, assessed as FunnelPlotR does for standardised ratios (Spiegelhalter 2012,
/// "Statistical methods for healthcare regulation", the SHMI method): z-scores on the square-root scale,
/// zᵢ = 2(√Oᵢ − √(θ₀Eᵢ)), winsorised at their 10th and 90th percentiles; φ = Σz²/k; and when kφ exceeds k − 1, an
/// additive random-effects variance τ² = (kφ − (k − 1)) / (Σwᵢ − Σwᵢ²/Σwᵢ) with wᵢ = 4Eᵢ.
/// </summary>
/// <param name="Assessed">False with fewer than <see cref="FunnelPlot.MinimumUnitsForOverdispersion"/> organisations plotted.</param>
public sealed record Overdispersion(bool Assessed, int Units, double Phi, double Tau2)
{
    public bool Present => Assessed && Tau2 > 0;
}

/// <summary>A target's limits: the curve to draw, the overdispersion found and how the limits were made.</summary>
public sealed record FunnelTarget(string Name, double Target, Overdispersion Overdispersion, IReadOnlyList<FunnelLimitPoint> Curve)
{
    /// <summary>"exact-binomial", or "random-effects" when overdispersion is present.</summary>
    public string LimitsMethod => Overdispersion.Present ? "random-effects" : "exact-binomial";
}

/// <summary>
/// Funnel-plot statistics for comparing organisations' relative likelihoods (Spiegelhalter 2005, "Funnel plots for
/// comparing institutional performance", Stat Med 24:1185–1202; docs/domain/wres-indicator-3.md "Many organisations").
/// Each organisation is plotted at its ratio O ÷ E against its precision E (<see cref="FunnelUnit.Expected"/>).
/// <list type="bullet">
/// <item>Without overdispersion the limits are exact binomial: under the target θ₀ the BME staff entering are
/// Binomial(n₁, θ₀·p_w), and the limit at probability P is Spiegelhalter's interpolated quantile
/// (r_P − α)/n₁ with r_P the smallest r with F(r) ≥ P and α = (F(r_P) − P)/(F(r_P) − F(r_P − 1)), divided by p_w.
/// Each organisation is judged at its own n₁ and white rate; the curves are drawn at the pooled white rate.</item>
/// <item>With overdispersion (see <see cref="Overdispersion"/>) the limits are (√θ₀ ± z·√(1/(4E) + τ²))², as FunnelPlotR
/// draws its adjusted limits.</item>
/// </list>
/// 95% limits are at P = 0.025 and 0.975 (z 1.96), 99.8% at 0.001 and 0.999 (z 3.09).
/// </summary>
public static class FunnelPlot
{
    public const int MinimumUnitsForOverdispersion = 3;
    public const double Z998 = 3.090232306167813;

    /// <summary>Spiegelhalter's interpolated binomial limit for a proportion: n trials, probability p, at cumulative probability P.</summary>
    public static double BinomialLimit(int n, double p, double probability)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        if (p <= 0)
        {
            return 0;
        }

        if (p >= 1)
        {
            return 1;
        }

        var previous = 0.0;
        var cumulative = 0.0;
        var pmf = Math.Exp(n * Math.Log(1 - p));
        for (var r = 0; r <= n; r++)
        {
            previous = cumulative;
            cumulative += pmf;
            if (cumulative >= probability || r == n)
            {
                var step = cumulative - previous;
                var alpha = step > 0 ? Math.Clamp((cumulative - probability) / step, 0, 1) : 0;
                return Math.Max(0, r - alpha) / n;
            }

            pmf *= (double)(n - r) / (r + 1) * p / (1 - p);
        }

        return 1;
    }

    /// <summary>The four limits (95% and 99.8%, lower and upper) on the ratio scale for n₁ BME staff at white rate p_w.</summary>
    public static FunnelLimitPoint ExactLimits(int bmeHeadcount, double whiteRate, double target)
    {
        var p = Math.Min(1, target * whiteRate);
        double Limit(double probability) => BinomialLimit(bmeHeadcount, p, probability) / whiteRate;
        return new(bmeHeadcount * whiteRate, Limit(0.025), Limit(0.975), Limit(0.001), Limit(0.999));
    }

    /// <summary>Random-effects limits at precision E: (√θ₀ ± z·√(1/(4E) + τ²))², the lower one no less than 0.</summary>
    public static FunnelLimitPoint RandomEffectsLimits(double expected, double target, double tau2)
    {
        var root = Math.Sqrt(target);
        var sd = Math.Sqrt((1 / (4 * expected)) + tau2);
        static double Square(double v) => v <= 0 ? 0 : v * v;
        return new(expected, Square(root - (RelativeLikelihood.Z95 * sd)), Square(root + (RelativeLikelihood.Z95 * sd)),
            Square(root - (Z998 * sd)), Square(root + (Z998 * sd)));
    }

    public static Overdispersion Assess(IReadOnlyList<FunnelUnit> units, double target)
    {
        ArgumentNullException.ThrowIfNull(units);
        var plotted = units.Where(u => u.Expected > 0).ToList();
        var k = plotted.Count;
        if (k < MinimumUnitsForOverdispersion)
        {
            return new(false, k, 0, 0);
        }

        var z = plotted.Select(u => 2 * (Math.Sqrt(u.BmeEntering) - Math.Sqrt(target * u.Expected))).ToList();
        var sorted = z.Order().ToList();
        double low = Quantile(sorted, 0.1), high = Quantile(sorted, 0.9);
        var phi = z.Select(v => Math.Clamp(v, low, high)).Sum(v => v * v) / k;
        var w = plotted.Select(u => 4 * u.Expected).ToList();
        var sw = w.Sum();
        var tau2 = Math.Max(0, ((k * phi) - (k - 1)) / (sw - (w.Sum(x => x * x) / sw)));
        return new(true, k, phi, tau2);
    }

    /// <summary>The target's curve across the plotted range of precision, and its overdispersion.</summary>
    public static FunnelTarget Target(string name, double target, IReadOnlyList<FunnelUnit> units, int points = 80)
    {
        ArgumentNullException.ThrowIfNull(units);
        var od = Assess(units, target);
        var plotted = units.Where(u => u.Expected > 0).ToList();
        if (plotted.Count == 0)
        {
            return new(name, target, od, []);
        }

        var pooledWhiteRate = (double)plotted.Sum(u => u.WhiteEntering) / plotted.Sum(u => u.WhiteHeadcount);
        var maxExpected = plotted.Max(u => u.Expected) * 1.15;
        var minExpected = Math.Min(0.5, plotted.Min(u => u.Expected) * 0.8);
        var curve = new List<FunnelLimitPoint>();
        for (var i = 0; i < points; i++)
        {
            var expected = minExpected * Math.Pow(maxExpected / minExpected, (double)i / (points - 1));
            if (od.Present)
            {
                curve.Add(RandomEffectsLimits(expected, target, od.Tau2));
            }
            else
            {
                var n = Math.Max(1, (int)Math.Round(expected / pooledWhiteRate));
                curve.Add(ExactLimits(n, pooledWhiteRate, target) with { Expected = expected });
            }
        }

        return new(name, target, od, curve);
    }

    /// <summary>An organisation's position against a target, judged at its own precision.</summary>
    public static FunnelPosition Position(FunnelUnit unit, FunnelTarget target)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(target);
        if (unit.Ratio is not { } ratio)
        {
            return FunnelPosition.NotPlotted;
        }

        var limits = target.Overdispersion.Present
            ? RandomEffectsLimits(unit.Expected, target.Target, target.Overdispersion.Tau2)
            : ExactLimits(unit.BmeHeadcount, unit.WhiteRate!.Value, target.Target);
        return ratio > limits.Upper998 ? FunnelPosition.Above998
            : ratio < limits.Lower998 ? FunnelPosition.Below998
            : ratio > limits.Upper95 ? FunnelPosition.Above95
            : ratio < limits.Lower95 ? FunnelPosition.Below95
            : FunnelPosition.Within95;
    }

    public static string Describe(FunnelPosition position) => position switch
    {
        FunnelPosition.Within95 => "within the 95% limits",
        FunnelPosition.Above95 => "above the 95% limit (inside 99.8%)",
        FunnelPosition.Below95 => "below the 95% limit (inside 99.8%)",
        FunnelPosition.Above998 => "above the 99.8% limit",
        FunnelPosition.Below998 => "below the 99.8% limit",
        _ => "not plotted: no white staff entered, so there is no ratio",
    };

    /// <summary>The sample quantile by linear interpolation (R's type 7, as FunnelPlotR's winsorisation uses).</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double probability)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var h = (sorted.Count - 1) * probability;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
