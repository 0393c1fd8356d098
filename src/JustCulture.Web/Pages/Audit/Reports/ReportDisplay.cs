using System.Globalization;
using System.Text.Json;
using JustCulture.Application.Reports;
using JustCulture.Domain.Reporting;

namespace JustCulture.Web.Pages.Audit.Reports;

/// <summary>How report figures read on the page: presentation only, every figure comes from the application layer.</summary>
public static class ReportDisplay
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Ratio(double? value) => value is { } v ? RelativeLikelihood.Format(v) : "not calculable";

    public static string Interval(Interval95? ci) => ci is null ? "none"
        : ci.Upper is { } upper ? $"{RelativeLikelihood.Format(ci.Lower)} to {RelativeLikelihood.Format(upper)}"
        : $"{RelativeLikelihood.Format(ci.Lower)} to unbounded";

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
    public static string TrendJson(IReadOnlyList<ShownIndicator3> trend) => JsonSerializer.Serialize(new
    {
        labels = trend.Select(t => IsImported(t.Source) ? $"{t.Year} (imported)" : t.Year),
        rl = trend.Select(t => t.RelativeLikelihood),
        lower = trend.Select(t => t.Ci95?.Lower),
        upper = trend.Select(t => t.Ci95?.Upper),
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
