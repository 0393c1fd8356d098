using System.Globalization;
using JustCulture.Domain.Reporting;

namespace JustCulture.Application.Reports;

/// <summary>A count as shown: <see cref="Value"/> is null when it is suppressed and <see cref="Shown"/> is e.g. "&lt;5".</summary>
public sealed record ShownCount(int? Value, string Shown)
{
    public static ShownCount Of(int count, SmallCellSuppression suppression)
    {
        ArgumentNullException.ThrowIfNull(suppression);
        return suppression.IsSuppressed(count) ? new(null, suppression.Format(count)) : new(count, suppression.Format(count));
    }

    public bool IsSuppressed => Value is null;
}

public sealed record ShownGroup(ShownCount Entering, ShownCount Headcount, double? Rate);

public sealed record ShownNotStated(ShownCount Entering, ShownCount Headcount);

public sealed record ShownLikelihood(double? RelativeLikelihood, Interval95? Ci95, string Interpretation, IReadOnlyList<string> Warnings);

/// <summary>
/// Indicator 3 as it is shown: exact for auditors on screen, or prepared for publication with small cells
/// suppressed. Either way the same shape, so every output (text, JSON, CSV, web) has one path.
/// </summary>
public sealed record ShownIndicator3(
    string Year,
    string Basis,
    string BasisLabel,
    string Source,
    bool ForPublication,
    ShownGroup White,
    ShownGroup Bme,
    ShownNotStated NotStated,
    double? RelativeLikelihood,
    Interval95? Ci95,
    string Interpretation,
    IReadOnlyList<string> Warnings)
{
    /// <summary>The signed checkpoint of the log the figures were computed against; null only when the log is empty.</summary>
    public Log.LogCheckpointSummary? Checkpoint { get; init; }

    /// <summary>How <see cref="Ci95"/> was computed (<see cref="IntervalMethods"/>).</summary>
    public string CiMethod { get; init; } = IntervalMethods.KoopmanScore;

    /// <summary>Katz's log interval, for comparability; withheld with the ratio.</summary>
    public Interval95? Ci95Katz { get; init; }

    /// <summary>The national figure for the year and how this figure compares with it; null when none is published for the year.</summary>
    public NationalComparison? National { get; init; }
}

public sealed record ShownStageGroup(ShownCount Count, ShownCount Headcount, double? Rate, ShownCount? InPreviousStage, ShownCount? PreviousStageCount, double? ConditionalRate);

public sealed record ShownStage(string Stage, string Name, string Definition, ShownStageGroup White, ShownStageGroup Bme, ShownStageGroup NotStated,
    ShownLikelihood AgainstHeadcount, ShownLikelihood? ConditionalOnPreviousStage)
{
    /// <summary>The name of the stage the conditional figure is of (not always the one listed before); null at the first stage.</summary>
    public string? PreviousStageName { get; init; }
}

public sealed record ShownBreakdownRow(string Category, ShownGroup White, ShownGroup Bme, ShownNotStated NotStated, ShownLikelihood Likelihood);

public sealed record ShownBreakdown(string Dimension, string Stage, IReadOnlyList<ShownBreakdownRow> Rows);

public sealed record ShownFunnel(string Year, string Source, bool ForPublication, IReadOnlyList<ShownStage> Stages, IReadOnlyList<ShownBreakdown> Breakdowns, IReadOnlyList<string> Warnings)
{
    /// <summary>The signed checkpoint of the log the figures were computed against; null only when the log is empty.</summary>
    public Log.LogCheckpointSummary? Checkpoint { get; init; }
}

/// <summary>
/// Prepares reports for showing. On screen for auditors every figure is exact. For publication, counts from 1 to
/// threshold − 1 become "&lt;threshold", and any figure that would let a suppressed count be worked back — a rate
/// over a shown headcount, a ratio, its interval, or a warning quoting counts — is withheld and the reason said.
/// Staff refs never appear in anything published.
/// </summary>
public static class ReportPublication
{
    public static ShownIndicator3 Indicator3(Indicator3Report report, SmallCellSuppression? publication)
    {
        ArgumentNullException.ThrowIfNull(report);
        var suppression = publication ?? SmallCellSuppression.None;
        var white = Group(report.White, suppression);
        var bme = Group(report.Bme, suppression);
        var notStated = new ShownNotStated(ShownCount.Of(report.NotStated.Entering, suppression), ShownCount.Of(report.NotStated.Headcount, suppression));
        if (publication is null)
        {
            return new(report.Year, report.Basis, report.BasisLabel, report.Source, false, white, bme, notStated,
                report.RelativeLikelihood, report.Ci95, report.Interpretation, report.Warnings)
            {
                Checkpoint = report.Checkpoint, CiMethod = report.CiMethod, Ci95Katz = report.Ci95Katz,
                National = NationalComparison.Of(report.Year, report.Basis, report.RelativeLikelihood, report.Ci95),
            };
        }

        var withheld = AnySuppressed(white.Entering, white.Headcount, bme.Entering, bme.Headcount);
        var warnings = new List<string>();
        if (withheld)
        {
            warnings.Add(WithheldReason(publication));
        }
        else
        {
            warnings.AddRange(report.StatisticalWarnings);
        }

        warnings.AddRange(report.PublicNotes);
        if (AnySuppressed(white.Entering, white.Headcount, bme.Entering, bme.Headcount, notStated.Entering, notStated.Headcount))
        {
            warnings.Add(SuppressionNote(publication));
        }

        return new(report.Year, report.Basis, report.BasisLabel, report.Source, true, white, bme, notStated,
            withheld ? null : report.RelativeLikelihood,
            withheld ? null : report.Ci95,
            withheld ? WithheldInterpretation : report.Interpretation,
            warnings)
        {
            Checkpoint = report.Checkpoint, CiMethod = report.CiMethod, Ci95Katz = withheld ? null : report.Ci95Katz,
            National = NationalComparison.Of(report.Year, report.Basis, withheld ? null : report.RelativeLikelihood, withheld ? null : report.Ci95),
        };
    }

    public static ShownFunnel Funnel(FunnelReport report, SmallCellSuppression? publication)
    {
        ArgumentNullException.ThrowIfNull(report);
        var suppression = publication ?? SmallCellSuppression.None;
        var anySuppressed = false;

        ShownStageGroup StageGroup(StageGroup g)
        {
            var count = ShownCount.Of(g.Count, suppression);
            var headcount = ShownCount.Of(g.Headcount, suppression);
            var inPrevious = g.InPreviousStage is { } both ? ShownCount.Of(both, suppression) : null;
            var previous = g.PreviousStageCount is { } p ? ShownCount.Of(p, suppression) : null;
            anySuppressed |= AnySuppressed(count, headcount) || inPrevious?.IsSuppressed == true || previous?.IsSuppressed == true;
            return new(count, headcount, AnySuppressed(count, headcount) ? null : g.Rate, inPrevious, previous,
                inPrevious?.IsSuppressed == true || previous?.IsSuppressed == true ? null : g.ConditionalRate);
        }

        ShownLikelihood Ratio(Likelihood likelihood, params ShownCount?[] inputs) =>
            publication is not null && inputs.Any(c => c?.IsSuppressed == true)
                ? new ShownLikelihood(null, null, WithheldInterpretation, [WithheldReason(publication)])
                : new ShownLikelihood(likelihood.RelativeLikelihood, likelihood.Ci95, likelihood.Interpretation, likelihood.Warnings);

        var stages = report.Stages.Select(s =>
        {
            var white = StageGroup(s.White);
            var bme = StageGroup(s.Bme);
            return new ShownStage(s.Stage, s.Name, s.Definition, white, bme, StageGroup(s.NotStated),
                Ratio(s.AgainstHeadcount, white.Count, white.Headcount, bme.Count, bme.Headcount),
                s.ConditionalOnPreviousStage is { } conditional
                    ? Ratio(conditional, white.InPreviousStage, white.PreviousStageCount, bme.InPreviousStage, bme.PreviousStageCount)
                    : null)
            {
                PreviousStageName = s.PreviousStageName,
            };
        }).ToList();

        var breakdowns = report.Breakdowns.Select(b => new ShownBreakdown(b.Dimension, b.Stage, b.Rows.Select(r =>
        {
            var white = Group(r.White, suppression);
            var bme = Group(r.Bme, suppression);
            var notStated = new ShownNotStated(ShownCount.Of(r.NotStated.Entering, suppression), ShownCount.Of(r.NotStated.Headcount, suppression));
            anySuppressed |= AnySuppressed(white.Entering, white.Headcount, bme.Entering, bme.Headcount, notStated.Entering, notStated.Headcount);
            return new ShownBreakdownRow(r.Category, white, bme, notStated, Ratio(r.Likelihood, white.Entering, white.Headcount, bme.Entering, bme.Headcount));
        }).ToList())).ToList();

        if (publication is null)
        {
            return new(report.Year, report.Source, false, stages, breakdowns, report.Warnings) { Checkpoint = report.Checkpoint };
        }

        List<string> warnings = [.. report.PublicNotes];
        if (anySuppressed)
        {
            warnings.Add(SuppressionNote(publication));
        }

        return new(report.Year, report.Source, true, stages, breakdowns, warnings) { Checkpoint = report.Checkpoint };
    }

    public const string WithheldInterpretation = "Not published: the ratio rests on a suppressed small count.";

    private static string WithheldReason(SmallCellSuppression publication) => string.Create(CultureInfo.InvariantCulture,
        $"The relative likelihood and its interval are not published because a count they rest on is below {publication.Threshold}: with the other figures shown they would reveal it.");

    private static string SuppressionNote(SmallCellSuppression publication) => string.Create(CultureInfo.InvariantCulture,
        $"Counts from 1 to {publication.Threshold - 1} are shown as \"<{publication.Threshold}\" so that no one can be identified; rates and ratios that would reveal them are withheld.");

    private static ShownGroup Group(GroupFigures figures, SmallCellSuppression suppression)
    {
        var entering = ShownCount.Of(figures.Entering, suppression);
        var headcount = ShownCount.Of(figures.Headcount, suppression);
        return new(entering, headcount, AnySuppressed(entering, headcount) ? null : figures.Rate);
    }

    private static bool AnySuppressed(params ShownCount?[] counts) => counts.Any(c => c?.IsSuppressed == true);
}
