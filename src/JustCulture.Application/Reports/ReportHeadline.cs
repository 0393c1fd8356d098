using System.Globalization;
using JustCulture.Domain.Reporting;

namespace JustCulture.Application.Reports;

/// <summary>
/// A year's reports in plain English, for the top of the dashboard and the board report: the figure and its
/// interval, where it sits against the non-adverse band, the funnel stage where a disparity enters, and the
/// breakdown cells that stand out. Words only from figures already shown (exact or for publication), never a
/// figure of its own, so the summary cannot disagree with the tables beneath it.
/// </summary>
/// <param name="Figure">The relative likelihood and its 95% interval, or why there is none, in words.</param>
/// <param name="Band">Inside, above or below 0.80–1.25, and whether the interval includes 1; null when there is no ratio.</param>
/// <param name="Funnel">The first stage whose stage-to-stage ratio's interval excludes 1, or that none does.</param>
/// <param name="Breakdowns">The breakdown cells whose interval excludes 1, or that none does.</param>
public sealed record ReportHeadline(string Figure, string? Band, string Funnel, string Breakdowns)
{
    /// <summary>Above or below the national figure for the year and whether the difference is beyond chance; null when none is published.</summary>
    public string? National { get; init; }

    public IEnumerable<string> Sentences => new[] { Figure, Band, National, Funnel, Breakdowns }.OfType<string>();

    /// <param name="inProgress">The year has not ended: it is said to be "to date".</param>
    public static ReportHeadline Of(ShownIndicator3 indicator3, ShownFunnel funnel, bool inProgress)
    {
        ArgumentNullException.ThrowIfNull(indicator3);
        ArgumentNullException.ThrowIfNull(funnel);
        var year = inProgress ? $"{indicator3.Year} (year in progress, to date)" : indicator3.Year;
        return new(FigureSentence(indicator3, year), BandSentence(indicator3.RelativeLikelihood, indicator3.Ci95), FunnelSentence(funnel), BreakdownSentence(funnel))
        {
            National = indicator3.National?.Sentence,
        };
    }

    /// <summary>True when a shown interval lies wholly above or wholly below 1 (read from the rounded figures people see).</summary>
    public static bool ExcludesOne(Interval95? ci) => ci is { } i && (i.Lower > 1.0 || i.Upper is < 1.0);

    /// <summary>"0.80 to 2.55", or "0.40 with no upper limit".</summary>
    public static string Interval(Interval95 ci)
    {
        ArgumentNullException.ThrowIfNull(ci);
        return ci.Upper is { } upper
            ? $"{RelativeLikelihood.Format(ci.Lower)} to {RelativeLikelihood.Format(upper)}"
            : $"{RelativeLikelihood.Format(ci.Lower)} with no upper limit";
    }

    private static string FigureSentence(ShownIndicator3 r, string year)
    {
        var basis = r.Basis == "rolling" ? " on the two-year rolling basis" : string.Empty;
        if (r.RelativeLikelihood is null)
        {
            if (r.ForPublication && r.Interpretation == ReportPublication.WithheldInterpretation)
            {
                return $"In {year}{basis}, the relative likelihood of BME staff entering a formal disciplinary investigation compared with white staff is not published: it rests on a count too small to show without identifying people.";
            }

            return (r.Bme.Entering.Value, r.White.Entering.Value) switch
            {
                (0, 0) when r.Bme.Headcount.Value > 0 && r.White.Headcount.Value > 0 =>
                    $"In {year}{basis}, no BME and no white staff entered a formal disciplinary investigation, so there is nothing to compare and no relative likelihood.",
                ( > 0, 0) when r.White.Headcount.Value > 0 =>
                    $"In {year}{basis}, {r.Bme.Entering.Shown} BME staff but no white staff entered a formal disciplinary investigation, so the relative likelihood cannot be calculated: it would divide by zero."
                    + (r.Ci95 is { } open ? $" Its 95% score interval still has a lower limit of {RelativeLikelihood.Format(open.Lower)} and no upper limit." : string.Empty),
                _ => $"In {year}{basis}, the relative likelihood of BME staff entering a formal disciplinary investigation compared with white staff cannot be calculated. {r.Interpretation}",
            };
        }

        var rl = r.RelativeLikelihood.Value;
        if (rl == 0)
        {
            var reach = r.Ci95 is { Upper: { } top } ? $"runs from 0 to {RelativeLikelihood.Format(top)}" : "has no upper limit";
            return $"In {year}{basis}, no BME staff entered a formal disciplinary investigation while {r.White.Entering.Shown} white staff did, so the relative likelihood is zero; its 95% confidence interval {reach}, so on its own the figure does not show that BME staff are less likely.";
        }

        var interval = r.Ci95 is { } ci ? $" (95% confidence interval {Interval(ci)}, {IntervalMethods.Describe(r.CiMethod)})" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"In {year}{basis}, BME staff were {RelativeLikelihood.Format(rl)} times as likely as white staff to enter a formal disciplinary investigation{interval}.");
    }

    private static string? BandSentence(double? ratio, Interval95? ci)
    {
        if (ratio is not { } rl)
        {
            return null;
        }

        var band = RelativeLikelihood.BandOf(rl) switch
        {
            LikelihoodBand.NonAdverse => "This is inside the non-adverse range of 0.80 to 1.25: no material difference under the four-fifths rule.",
            LikelihoodBand.BmeMoreLikely => "This is above the non-adverse range of 0.80 to 1.25: BME staff were more likely to enter one.",
            _ => "This is below the non-adverse range of 0.80 to 1.25: BME staff were less likely to enter one.",
        };
        var chance = ci is null ? string.Empty
            : ExcludesOne(ci) ? " The interval excludes 1, so the difference is unlikely to be chance alone."
            : " The interval includes 1, so the difference could be chance.";
        return band + chance;
    }

    /// <summary>
    /// Each stage's stage-to-stage ratio: the first stage's is against headcount (from the workforce to a concern
    /// being raised), every later stage's is of those at the stage it follows — named by the stage itself, as the later
    /// stages branch (suspension follows "concern raised", dismissal follows "sanction").
    /// </summary>
    private static string FunnelSentence(ShownFunnel funnel)
    {
        var withheld = 0;
        ShownStage? listedBefore = null;
        foreach (var stage in funnel.Stages)
        {
            var step = stage.ConditionalOnPreviousStage ?? stage.AgainstHeadcount;
            if (step.RelativeLikelihood is null && step.Interpretation == ReportPublication.WithheldInterpretation)
            {
                withheld++;
            }
            else if (step.RelativeLikelihood is { } rl && ExcludesOne(step.Ci95))
            {
                // A stage that does not name the stage it follows follows the one listed before it.
                var previousName = stage.ConditionalOnPreviousStage is null ? null : stage.PreviousStageName ?? listedBefore?.Name;
                var among = previousName is null ? "against headcount" : $"of those at the previous stage (“{previousName}”)";
                var direction = rl > 1 ? "more" : "less";
                return string.Create(CultureInfo.InvariantCulture,
                    $"In the funnel, a disparity first enters at “{stage.Name}”: {among}, BME staff were {RelativeLikelihood.Format(rl)} times as likely as white staff to reach it (95% confidence interval {Interval(step.Ci95!)}, excluding 1), so {direction} likely.")
                    + WithheldNote(withheld);
            }

            listedBefore = stage;
        }

        return funnel.Stages.Count == 0
            ? "There are no funnel stages to compare."
            : "In the funnel, no stage's stage-to-stage ratio has a 95% confidence interval that excludes 1: no stage shows a disparity entering that chance could not explain." + WithheldNote(withheld);
    }

    private static string WithheldNote(int withheld) => withheld == 0 ? string.Empty
        : string.Create(CultureInfo.InvariantCulture, $" (At {withheld} earlier stage(s) the ratio is not published because of small counts.)");

    private static string BreakdownSentence(ShownFunnel funnel)
    {
        var cells = funnel.Breakdowns
            .SelectMany(b => b.Rows.Where(r => r.Likelihood.RelativeLikelihood is not null && ExcludesOne(r.Likelihood.Ci95))
                .Select(r => string.Create(CultureInfo.InvariantCulture,
                    $"{BreakdownDimensions.Label(b.Dimension)} “{r.Category}” {RelativeLikelihood.Format(r.Likelihood.RelativeLikelihood!.Value)} ({Interval(r.Likelihood.Ci95!)})")))
            .ToList();
        return cells.Count == 0
            ? "No breakdown cell has a 95% confidence interval that excludes 1."
            : $"Breakdown cells whose 95% confidence interval excludes 1: {string.Join("; ", cells)}.";
    }
}
