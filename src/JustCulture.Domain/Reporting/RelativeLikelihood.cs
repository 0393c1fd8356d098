using System.Globalization;

namespace JustCulture.Domain.Reporting;

/// <summary>The four-fifths reading of a relative likelihood (docs/domain/wres-indicator-3.md).</summary>
public enum LikelihoodBand
{
    /// <summary>No ratio could be computed (zero headcount, or no white staff entered).</summary>
    Undefined,

    /// <summary>Below 0.80.</summary>
    BmeLessLikely,

    /// <summary>0.80 to 1.25 inclusive.</summary>
    NonAdverse,

    /// <summary>Above 1.25.</summary>
    BmeMoreLikely,
}

/// <summary>When a figure is "small": thresholds for the plain-English warnings.</summary>
public sealed record SmallNumbersPolicy(int MinimumEntering = 10, double MaximumIntervalWidthRatio = 3.0)
{
    public static SmallNumbersPolicy Default { get; } = new();
}

/// <summary>A 95% confidence interval. <see cref="Upper"/> is null when the interval is unbounded above.</summary>
public sealed record ConfidenceInterval(double Lower, double? Upper)
{
    public bool IsUnboundedAbove => Upper is null;
}

/// <summary>
/// Relative likelihood of BME staff compared with white staff reaching a stage (entering a formal
/// investigation for WRES indicator 3), with its 95% interval, its four-fifths reading and the plain-English
/// explanations and warnings a reader needs to avoid over-reading small numbers.
/// </summary>
public sealed record RelativeLikelihoodEstimate(
    int BmeCount,
    int BmeHeadcount,
    int WhiteCount,
    int WhiteHeadcount,
    double? BmeRate,
    double? WhiteRate,
    double? Ratio,
    ConfidenceInterval? Interval,
    LikelihoodBand Band,
    string Interpretation,
    IReadOnlyList<string> Warnings)
{
    /// <summary>How <see cref="Interval"/> was computed (<see cref="IntervalMethods"/>): Koopman's score interval.</summary>
    public string IntervalMethod { get; init; } = IntervalMethods.KoopmanScore;

    /// <summary>Katz's log interval, kept alongside for comparability; null when it cannot be computed (no white cases).</summary>
    public ConfidenceInterval? KatzInterval { get; init; }
}

/// <summary>
/// Pure statistics for relative likelihoods. RL = (BME count ÷ BME headcount) ÷ (white count ÷ white headcount);
/// the 95% interval shown is Koopman's score interval (<see cref="RatioIntervals.Koopman"/>), which holds its
/// coverage at the small counts trusts have; Katz's log interval, SE(ln RL) = √(1/a − 1/n₁ + 1/b − 1/n₂),
/// ln RL ± 1.96·SE, is kept alongside (<see cref="RelativeLikelihoodEstimate.KatzInterval"/>). Zero cells are
/// explained in words rather than patched with a continuity correction a reader cannot see.
/// </summary>
public static class RelativeLikelihood
{
    /// <summary>The 97.5th percentile of the standard normal distribution.</summary>
    public const double Z95 = 1.959963984540054;

    public const double NonAdverseLower = 0.80;
    public const double NonAdverseUpper = 1.25;

    /// <summary>Computes the estimate. <paramref name="what"/> names the stage in sentences, e.g. "entered a formal investigation".</summary>
    public static RelativeLikelihoodEstimate Compute(
        int bmeCount,
        int bmeHeadcount,
        int whiteCount,
        int whiteHeadcount,
        string what = "entered a formal investigation",
        SmallNumbersPolicy? policy = null)
    {
        policy ??= SmallNumbersPolicy.Default;
        CheckNotNegative(bmeCount, bmeHeadcount, "BME");
        CheckNotNegative(whiteCount, whiteHeadcount, "white");
        double? bmeRate = bmeHeadcount == 0 ? null : (double)bmeCount / bmeHeadcount;
        double? whiteRate = whiteHeadcount == 0 ? null : (double)whiteCount / whiteHeadcount;
        var warnings = new List<string>();

        if (bmeHeadcount == 0 || whiteHeadcount == 0)
        {
            var missing = (bmeHeadcount, whiteHeadcount) switch
            {
                (0, 0) => "there are no BME and no white staff in the headcount (everyone's ethnicity is not stated, or no headcount was recorded)",
                (0, _) => "there are no BME staff in the headcount",
                _ => "there are no white staff in the headcount",
            };
            warnings.Add($"The relative likelihood cannot be calculated: {missing}, so there is no rate to compare.");
            return new(bmeCount, bmeHeadcount, whiteCount, whiteHeadcount, bmeRate, whiteRate, null, null, LikelihoodBand.Undefined,
                "Not calculable: a group has no staff in the headcount.", warnings);
        }

        if (bmeCount > bmeHeadcount || whiteCount > whiteHeadcount)
        {
            // Possible when people counted are missing from the headcount snapshot (e.g. left before 31 March).
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"The relative likelihood cannot be calculated: more staff are counted than the headcount holds (BME {bmeCount} of {bmeHeadcount}, white {whiteCount} of {whiteHeadcount}); check that the headcount snapshot covers everyone counted."));
            return new(bmeCount, bmeHeadcount, whiteCount, whiteHeadcount, bmeRate, whiteRate, null, null, LikelihoodBand.Undefined,
                "Not calculable: counts exceed the headcount.", warnings);
        }

        if (whiteCount == 0)
        {
            string reason;
            string interpretation;
            if (bmeCount == 0)
            {
                reason = $"No BME and no white staff {what}, so there is nothing to compare: the ratio is 0 ÷ 0, undefined.";
                interpretation = $"Not calculable: nobody {what}.";
            }
            else
            {
                reason = string.Create(CultureInfo.InvariantCulture,
                    $"{bmeCount} BME staff but no white staff {what}: the ratio would divide by zero, so it is undefined (it is not a finite number, and the interval is unbounded above).");
                interpretation = string.Create(CultureInfo.InvariantCulture,
                    $"Not calculable as a ratio: only BME staff {what} ({bmeCount}), none of the white staff did.");
            }

            warnings.Add(reason);
            var open = RatioIntervals.Koopman(bmeCount, bmeHeadcount, whiteCount, whiteHeadcount);
            warnings.Add(bmeCount == 0
                ? "With nobody counted in either group the data cannot narrow the ratio at all: the 95% score interval runs from 0 with no upper limit."
                : $"The 95% score interval still has a lower limit ({Format(open!.Lower)}) — the smallest ratio these counts are consistent with — but no upper limit.");
            AddSmallCountWarning(warnings, bmeCount, whiteCount, what, policy);
            return new(bmeCount, bmeHeadcount, whiteCount, whiteHeadcount, bmeRate, whiteRate, null, open, LikelihoodBand.Undefined, interpretation, warnings);
        }

        var ratio = bmeRate!.Value / whiteRate!.Value;
        var interval = RatioIntervals.Koopman(bmeCount, bmeHeadcount, whiteCount, whiteHeadcount)!;
        var katz = RatioIntervals.Katz(bmeCount, bmeHeadcount, whiteCount, whiteHeadcount);
        if (bmeCount == 0)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"No BME staff {what}, so the relative likelihood is 0. The 95% score interval runs from 0 to {Format(interval.Upper!.Value)}: the data cannot rule out BME staff being up to that many times as likely, so a zero here does not show that BME staff are less likely."));
        }
        else if (bmeCount == bmeHeadcount && whiteCount == whiteHeadcount)
        {
            // Katz's standard error is zero when every member of both groups is counted: its interval collapses
            // to the point, which is an artefact of that method, not certainty.
            warnings.Add($"Everyone in both groups {what}, so the Katz interval collapses to the single value {Format(ratio)}; that reflects the method, not certainty — with so few people the true figure is uncertain.");
        }

        var band = BandOf(ratio);
        AddSmallCountWarning(warnings, bmeCount, whiteCount, what, policy);
        if (bmeCount > 0 && (bmeCount < policy.MinimumEntering || whiteCount < policy.MinimumEntering))
        {
            // Show the swing one case makes: the clearest way to say "do not over-read this".
            var fewer = Format((double)(bmeCount - 1) / bmeHeadcount / whiteRate.Value);
            var more = Format((double)(bmeCount + 1) / bmeHeadcount / whiteRate.Value);
            warnings.Add($"One BME case fewer or more would move the ratio from {Format(ratio)} to {fewer} or {more}.");
        }

        AddIntervalWarnings(warnings, interval, band, policy);
        var reading = bmeCount == 0
            ? $"RL 0.00 because no BME staff {what}: formally below 0.80, but with no BME cases the interval reaches {Format(interval.Upper!.Value)}, so this does not show that BME staff are less likely."
            : Describe(band, ratio, what);
        return new(bmeCount, bmeHeadcount, whiteCount, whiteHeadcount, bmeRate, whiteRate, ratio, interval, band, reading, warnings) { KatzInterval = katz };
    }

    /// <summary>
    /// The four-fifths band of a ratio, judged on the figure as published (two decimals), so that a ratio shown
    /// as 1.25 is never labelled "above 1.25".
    /// </summary>
    public static LikelihoodBand BandOf(double ratio)
    {
        var shown = Round(ratio);
        return shown < NonAdverseLower ? LikelihoodBand.BmeLessLikely
            : shown > NonAdverseUpper ? LikelihoodBand.BmeMoreLikely
            : LikelihoodBand.NonAdverse;
    }

    /// <summary>Rounds to two decimals, half away from zero, as figures are published.</summary>
    public static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    public static string Format(double value) => Round(value).ToString("0.00", CultureInfo.InvariantCulture);

    public static string Format(ConfidenceInterval interval)
    {
        ArgumentNullException.ThrowIfNull(interval);
        return interval.Upper is { } upper ? $"{Format(interval.Lower)}–{Format(upper)}" : $"{Format(interval.Lower)}–unbounded";
    }

    private static string Describe(LikelihoodBand band, double ratio, string what) => band switch
    {
        LikelihoodBand.BmeLessLikely => $"Below 0.80: BME staff less likely than white staff to have {what} (RL {Format(ratio)}).",
        LikelihoodBand.NonAdverse => $"0.80–1.25: non-adverse; no material difference between BME and white staff under the four-fifths rule (RL {Format(ratio)}).",
        LikelihoodBand.BmeMoreLikely => $"Above 1.25: BME staff more likely than white staff to have {what} (RL {Format(ratio)}).",
        _ => "Not calculable.",
    };

    private static void AddSmallCountWarning(List<string> warnings, int bmeCount, int whiteCount, string what, SmallNumbersPolicy policy)
    {
        if (bmeCount < policy.MinimumEntering || whiteCount < policy.MinimumEntering)
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture,
                $"Small numbers: only {bmeCount} BME and {whiteCount} white staff {what} (fewer than {policy.MinimumEntering} in a group). A single case can move the ratio a long way; read the interval, not the point figure, and look at the trend over several years."));
        }
    }

    private static void AddIntervalWarnings(List<string> warnings, ConfidenceInterval interval, LikelihoodBand band, SmallNumbersPolicy policy)
    {
        if (interval.Upper is not { } upper)
        {
            return;
        }

        if (interval.Lower > 0 && upper / interval.Lower > policy.MaximumIntervalWidthRatio)
        {
            warnings.Add($"The 95% confidence interval is wide ({Format(interval)}): the true relative likelihood could plausibly be anywhere in that range.");
        }

        var lowerBand = BandOf(interval.Lower);
        var upperBand = BandOf(upper);
        if (lowerBand != band || upperBand != band)
        {
            var bands = Enumerable.Range((int)lowerBand, (int)upperBand - (int)lowerBand + 1).Select(b => Name((LikelihoodBand)b));
            warnings.Add($"The 95% interval ({Format(interval)}) spans more than one band ({string.Join(", ", bands)}): these figures cannot tell which is true, so the point figure's band is not statistically established.");
        }
    }

    private static string Name(LikelihoodBand band) => band switch
    {
        LikelihoodBand.BmeLessLikely => "below 0.80",
        LikelihoodBand.NonAdverse => "0.80–1.25 non-adverse",
        LikelihoodBand.BmeMoreLikely => "above 1.25",
        _ => "undefined",
    };

    private static void CheckNotNegative(int count, int headcount, string group)
    {
        if (count < 0 || headcount < 0)
        {
            throw new DomainRuleException($"The {group} count and headcount cannot be negative ({count} of {headcount}).");
        }
    }
}
