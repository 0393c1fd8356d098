using System.Globalization;
using System.Text.Json;
using JustCulture.Application.Reports;
using JustCulture.Domain;
using JustCulture.Domain.Reporting;

namespace JustCulture.Web.Pages.Audit.Reports;

/// <summary>How report figures read on the page: presentation only, every figure comes from the application layer.</summary>
public static class ReportDisplay
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A ratio as people read it: a zero ratio is said in words, an undefined one too.</summary>
    public static string Ratio(double? value) => value switch
    {
        null => "not calculable",
        0 => "zero",
        { } v => RelativeLikelihood.Format(v),
    };

    /// <summary>An interval in words: an open one (no BME staff counted, or none of the white staff) has no upper limit.</summary>
    public static string Interval(Interval95? ci) => ci switch
    {
        null => "none",
        { Upper: null, Lower: 0 } => "0 with no upper limit (nobody counted in either group)",
        _ => ReportHeadline.Interval(ci),
    };

    /// <summary>What a ratio means; a zero one in words instead of "RL 0.00".</summary>
    public static string Meaning(double? ratio, string interpretation) => ratio == 0
        ? "Zero: no BME staff were counted while white staff were, so BME staff were less likely; with no BME count the interval has no upper limit and the figure says little on its own."
        : interpretation;

    /// <summary>
    /// The basis as a sentence. A year still in progress is said to be "to date", up to today, and its headcount is
    /// the snapshot imported so far: it never claims a year-end "as at" date that has not come yet.
    /// </summary>
    public static string BasisLabel(ReportSet reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        if (!reports.InProgress)
        {
            return reports.Indicator3.BasisLabel;
        }

        var year = ReportingYear.Parse(reports.Year);
        var toDate = $"1 April {year.StartYear.ToString(Invariant)} to {UkDates.Date(reports.Today)}";
        return reports.Basis == "rolling"
            ? $"Two-year rolling {year.Previous} + {year}, {year} is the year in progress (to date): {UkDates.Date(new DateOnly(year.Previous.StartYear, 4, 1))} to {UkDates.Date(reports.Today)}; entering and headcount are the two years' totals, the current year's headcount being the snapshot imported for it so far."
            : $"Single year {year}, year in progress (to date): {toDate}; distinct staff entering a formal investigation so far, against the headcount snapshot imported for {year} so far (the year-end position is not known yet).";
    }

    /// <summary>A year's name in a list or chart; the year in progress says so.</summary>
    public static string YearLabel(string year, ReportSet reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        return year == reports.CurrentYear ? $"{year} (in progress)" : year;
    }

    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.00", Invariant) + "%" : "—";

    /// <summary>A breakdown's dimension as words ("staffGroup" reads "staff group").</summary>
    public static string DimensionLabel(string dimension) => BreakdownDimensions.Label(dimension);

    public static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public static bool IsImported(string source) => source.Split('+').Contains(FigureSources.Imported, StringComparer.Ordinal);

    public static string SourceLabel(string source) => string.Join(" and ", source.Split('+').Select(s => s switch
    {
        FigureSources.Live => "recomputed from the decision log",
        FigureSources.Export => "recomputed from a decision-log export",
        FigureSources.Imported => "imported (published totals from before adoption)",
        _ => s,
    }));

    /// <summary>
    /// The trend as chart data. Serialised with the default encoder, which escapes &lt; and &gt;, so it is safe inside
    /// a <c>script type="application/json"</c> block.
    /// </summary>
    public static string TrendJson(IReadOnlyList<ShownIndicator3> trend, string currentYear) => JsonSerializer.Serialize(new
    {
        labels = trend.Select(t => IsImported(t.Source) ? $"{t.Year} (imported)" : t.Year == currentYear ? $"{t.Year} (in progress)" : t.Year),
        rl = trend.Select(t => t.RelativeLikelihood),
        lower = trend.Select(t => t.Ci95?.Lower),
        upper = trend.Select(t => t.Ci95?.Upper),
        national = trend.Select(t => t.National?.National),
        bandLower = RelativeLikelihood.NonAdverseLower,
        bandUpper = RelativeLikelihood.NonAdverseUpper,
    });

    public static string FunnelJson(ShownFunnel funnel) => JsonSerializer.Serialize(new
    {
        labels = funnel.Stages.Select(s => s.Name),
        againstHeadcount = funnel.Stages.Select(s => s.AgainstHeadcount.RelativeLikelihood),
        conditional = funnel.Stages.Select(s => s.ConditionalOnPreviousStage?.RelativeLikelihood),
        bandLower = RelativeLikelihood.NonAdverseLower,
        bandUpper = RelativeLikelihood.NonAdverseUpper,
    });

    /// <summary>
    /// One breakdown as chart data: each category's relative likelihood and 95% interval. An interval with no upper
    /// bound is drawn to the top of the axis (<c>open</c> marks it, so the chart can say so).
    /// </summary>
    public static string BreakdownJson(ShownBreakdown breakdown) => JsonSerializer.Serialize(new
    {
        title = Capitalised(DimensionLabel(breakdown.Dimension)),
        labels = breakdown.Rows.Select(r => r.Category),
        rl = breakdown.Rows.Select(r => r.Likelihood.RelativeLikelihood),
        lower = breakdown.Rows.Select(r => r.Likelihood.Ci95?.Lower),
        upper = breakdown.Rows.Select(r => r.Likelihood.Ci95?.Upper),
        open = breakdown.Rows.Select(r => r.Likelihood.Ci95 is { Upper: null }),
        bandLower = RelativeLikelihood.NonAdverseLower,
        bandUpper = RelativeLikelihood.NonAdverseUpper,
    });
}
