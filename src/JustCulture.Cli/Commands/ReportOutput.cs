using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using JustCulture.Application.Clocks;
using JustCulture.Application.History;
using JustCulture.Application.Reports;
using JustCulture.Domain.Reporting;

namespace JustCulture.Cli.Commands;

/// <summary>Prints reports as text, JSON or CSV. Printing only: every figure comes from the application layer.</summary>
internal static class ReportOutput
{
    // Relaxed escaping: the warnings are prose with dashes and apostrophes a reader should see as written.
    private static readonly JsonSerializerOptions Indented = new(CliJson.Options) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Indicator3Json(ShownIndicator3 r) => JsonSerializer.Serialize(ReportDocuments.Indicator3(r), Indented) + Environment.NewLine;

    /// <summary>The shape of the WRES indicator-3 return (shared with the web export).</summary>
    public static string Indicator3Csv(ShownIndicator3 r) => ReportDocuments.Indicator3Csv(r);

    public static string Indicator3Text(ShownIndicator3 r)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"WRES indicator 3: relative likelihood of staff entering a formal disciplinary investigation, BME compared with white");
        text.AppendLine(Invariant, $"Basis: {r.BasisLabel}");
        text.AppendLine(Invariant, $"Source: {SourceText(r.Source)}{(r.ForPublication ? " — prepared for publication (small counts suppressed)" : string.Empty)}");
        text.AppendLine(ComputedAgainst.Statement(r.Checkpoint));
        text.AppendLine();
        text.AppendLine(Invariant, $"{"",-12}{"Entering",10}{"Headcount",12}{"Rate",10}");
        text.AppendLine(Invariant, $"{"White",-12}{r.White.Entering.Shown,10}{r.White.Headcount.Shown,12}{Percent(r.White.Rate),10}");
        text.AppendLine(Invariant, $"{"BME",-12}{r.Bme.Entering.Shown,10}{r.Bme.Headcount.Shown,12}{Percent(r.Bme.Rate),10}");
        text.AppendLine(Invariant, $"{"Not stated",-12}{r.NotStated.Entering.Shown,10}{r.NotStated.Headcount.Shown,12}  (excluded from the ratio)");
        text.AppendLine();
        text.AppendLine(Invariant, $"Relative likelihood: {(r.RelativeLikelihood is { } rl ? RelativeLikelihood.Format(rl) : "not calculable")}");
        text.AppendLine(Invariant, $"95% confidence interval ({IntervalMethods.Describe(r.CiMethod)}): {Interval(r.Ci95)}");
        text.AppendLine(Invariant, $"95% confidence interval, Katz log method (for comparison with earlier figures): {Interval(r.Ci95Katz)}");
        text.AppendLine(Invariant, $"Interpretation: {r.Interpretation}");
        text.AppendLine(Invariant, $"National: {(r.National is { } national ? $"{national.Sentence} Source: {national.Source}." : "no national figure is published for this year.")}");
        AppendWarnings(text, r.Warnings, string.Empty);
        return text.ToString();
    }

    /// <summary>The funnel document shared with the API (<c>GET /api/reports/funnel</c>).</summary>
    public static string FunnelJson(ShownFunnel f) => JsonSerializer.Serialize(ReportDocuments.Funnel(f), Indented) + Environment.NewLine;

    /// <summary>The funnel CSV, made from the same document (shared with <c>GET /api/reports/funnel?format=csv</c>).</summary>
    public static string FunnelCsv(ShownFunnel f) => ReportDocuments.FunnelCsv(ReportDocuments.Funnel(f));

    /// <summary>The same document as <c>GET /api/reports/organisations</c>.</summary>
    public static string OrganisationsJson(OrganisationFunnelDocument d) => JsonSerializer.Serialize(d, Indented) + Environment.NewLine;

    public static string OrganisationsText(OrganisationFunnelDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"Organisations compared {d.Year}: relative likelihood of BME staff entering a formal investigation, against precision");
        foreach (var o in d.Organisations)
        {
            var ratio = o.RelativeLikelihood is { } rl ? RelativeLikelihood.Format(rl) : "not calculable";
            text.AppendLine(Invariant, $"{o.Organisation}{(o.Highlighted ? " (this trust)" : string.Empty)}: BME {o.BmeEntering} of {o.BmeHeadcount}, white {o.WhiteEntering} of {o.WhiteHeadcount}, RL {ratio} — {o.Reading}");
        }

        text.AppendLine(Invariant, $"  {d.Method}");
        return text.ToString();
    }

    /// <summary>The same document as <c>GET /api/reports/stage-times</c>.</summary>
    public static string StageTimesJson(StageTimesDocument d) => JsonSerializer.Serialize(d, Indented) + Environment.NewLine;

    public static string StageTimesText(StageTimesDocument d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"Time in each stage {d.Year} (stages that ended 1 April – 31 March UK time): median working days (90th percentile), stages timed");
        foreach (var s in d.Stages)
        {
            text.AppendLine(Invariant, $"{s.StageName} (target {(s.TargetWorkingDays is { } t ? $"{t} working days" : "none")}): white {Cell(s.White)} · BME {Cell(s.Bme)} · not stated {Cell(s.NotStated)}");
        }

        foreach (var note in d.Notes)
        {
            text.AppendLine(Invariant, $"  {note}");
        }

        return text.ToString();

        static string Cell(StageTimeCell c) => c switch
        {
            { Withheld: true } => $"withheld ({c.Timed})",
            { MedianWorkingDays: { } m, Percentile90WorkingDays: { } p } => string.Create(Invariant, $"{m:0.#} ({p}), {c.Timed}"),
            _ => $"none ({c.Timed})",
        };
    }

    public static string FunnelText(ShownFunnel f)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"Disparity funnel {f.Year} (1 April – 31 March UK time): distinct staff at each stage, BME compared with white");
        text.AppendLine(Invariant, $"Source: {SourceText(f.Source)}{(f.ForPublication ? " — prepared for publication (small counts suppressed)" : string.Empty)}");
        text.AppendLine(ComputedAgainst.Statement(f.Checkpoint));
        foreach (var s in f.Stages)
        {
            text.AppendLine();
            text.AppendLine(Invariant, $"{s.Name}: {s.Definition}");
            text.AppendLine(Invariant, $"  White {s.White.Count.Shown} of {s.White.Headcount.Shown} · BME {s.Bme.Count.Shown} of {s.Bme.Headcount.Shown} · not stated {s.NotStated.Count.Shown} of {s.NotStated.Headcount.Shown}");
            text.AppendLine(Invariant, $"  Against headcount: RL {Ratio(s.AgainstHeadcount)}, 95% CI {Interval(s.AgainstHeadcount.Ci95)} — {s.AgainstHeadcount.Interpretation}");
            if (s.ConditionalOnPreviousStage is { } c)
            {
                text.AppendLine(Invariant, $"  Of those at the previous stage: white {s.White.InPreviousStage?.Shown} of {s.White.PreviousStageCount?.Shown}, BME {s.Bme.InPreviousStage?.Shown} of {s.Bme.PreviousStageCount?.Shown}: RL {Ratio(c)}, 95% CI {Interval(c.Ci95)}");
            }

            foreach (var warning in s.AgainstHeadcount.Warnings.Concat(s.ConditionalOnPreviousStage?.Warnings ?? []).Distinct(StringComparer.Ordinal))
            {
                text.AppendLine(Invariant, $"    ! {warning}");
            }
        }

        foreach (var b in f.Breakdowns)
        {
            text.AppendLine();
            if (b.Stage == BreakdownStages.Formal)
            {
                text.AppendLine(Invariant, $"Formal investigations by {BreakdownDimensions.Label(b.Dimension)} (entering of headcount):");
            }
            else
            {
                text.AppendLine(Invariant, $"Concerns raised, by {BreakdownDimensions.Label(b.Dimension)} (staff raised about, of that directorate's headcount):");
            }

            foreach (var r in b.Rows)
            {
                text.AppendLine(Invariant, $"  {r.Category,-40} white {r.White.Entering.Shown} of {r.White.Headcount.Shown} · BME {r.Bme.Entering.Shown} of {r.Bme.Headcount.Shown} · not stated {r.NotStated.Entering.Shown} of {r.NotStated.Headcount.Shown} · RL {Ratio(r.Likelihood)}");
            }
        }

        AppendWarnings(text, f.Warnings, string.Empty);
        return text.ToString();
    }

    private static void AppendWarnings(StringBuilder text, IReadOnlyList<string> warnings, string indent)
    {
        if (warnings.Count == 0)
        {
            return;
        }

        text.AppendLine();
        text.AppendLine(Invariant, $"{indent}Warnings:");
        foreach (var warning in warnings)
        {
            text.AppendLine(Invariant, $"{indent}  - {warning}");
        }
    }

    private static string SourceText(string source) => string.Join(" + ", source.Split('+').Select(s => s switch
    {
        FigureSources.Live => "live (recomputed from the decision log)",
        FigureSources.Export => "export (recomputed offline from a decision-log export)",
        FigureSources.Imported => "imported (published totals from before adoption)",
        _ => s,
    }));

    private static string Ratio(ShownLikelihood l) => l.RelativeLikelihood is { } rl ? RelativeLikelihood.Format(rl) : "not calculable";

    private static string Interval(Interval95? ci) => ci is null ? "none (the ratio is not calculable; see the warnings)"
        : ci.Upper is { } upper ? $"{RelativeLikelihood.Format(ci.Lower)}–{RelativeLikelihood.Format(upper)}"
        : $"{RelativeLikelihood.Format(ci.Lower)} to unbounded (see the warnings)";

    private static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.00", Invariant) + "%" : "—";
}
