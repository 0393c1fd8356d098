using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
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
        text.AppendLine();
        text.AppendLine(Invariant, $"{"",-12}{"Entering",10}{"Headcount",12}{"Rate",10}");
        text.AppendLine(Invariant, $"{"White",-12}{r.White.Entering.Shown,10}{r.White.Headcount.Shown,12}{Percent(r.White.Rate),10}");
        text.AppendLine(Invariant, $"{"BME",-12}{r.Bme.Entering.Shown,10}{r.Bme.Headcount.Shown,12}{Percent(r.Bme.Rate),10}");
        text.AppendLine(Invariant, $"{"Not stated",-12}{r.NotStated.Entering.Shown,10}{r.NotStated.Headcount.Shown,12}  (excluded from the ratio)");
        text.AppendLine();
        text.AppendLine(Invariant, $"Relative likelihood: {(r.RelativeLikelihood is { } rl ? RelativeLikelihood.Format(rl) : "not calculable")}");
        text.AppendLine(Invariant, $"95% confidence interval (Katz log method): {Interval(r.Ci95)}");
        text.AppendLine(Invariant, $"Interpretation: {r.Interpretation}");
        AppendWarnings(text, r.Warnings, string.Empty);
        return text.ToString();
    }

    public static string FunnelJson(ShownFunnel f)
    {
        var json = new JsonObject
        {
            ["year"] = f.Year,
            ["source"] = f.Source,
            ["publication"] = f.ForPublication,
            ["stages"] = new JsonArray([.. f.Stages.Select(s => (JsonNode?)new JsonObject
            {
                ["stage"] = s.Stage,
                ["name"] = s.Name,
                ["definition"] = s.Definition,
                ["white"] = StageGroup(s.White),
                ["bme"] = StageGroup(s.Bme),
                ["notStated"] = StageGroup(s.NotStated),
                ["againstHeadcount"] = Likelihood(s.AgainstHeadcount),
                ["conditionalOnPreviousStage"] = s.ConditionalOnPreviousStage is { } c ? Likelihood(c) : null,
            })]),
            ["breakdowns"] = new JsonArray([.. f.Breakdowns.Select(b => (JsonNode?)new JsonObject
            {
                ["dimension"] = b.Dimension,
                ["stage"] = b.Stage,
                ["rows"] = new JsonArray([.. b.Rows.Select(row => (JsonNode?)new JsonObject
                {
                    ["category"] = row.Category,
                    ["white"] = Group(row.White),
                    ["bme"] = Group(row.Bme),
                    ["notStated"] = new JsonObject { ["entering"] = Count(row.NotStated.Entering), ["headcount"] = Count(row.NotStated.Headcount) },
                    ["likelihood"] = Likelihood(row.Likelihood),
                })]),
            })]),
            ["warnings"] = new JsonArray([.. f.Warnings.Select(w => (JsonNode?)JsonValue.Create(w))]),
        };
        return json.ToJsonString(Indented) + Environment.NewLine;
    }

    public static string FunnelCsv(ShownFunnel f)
    {
        var csv = new StringBuilder();
        csv.AppendLine("ReportingYear,Section,Name,Category,WhiteCount,WhiteHeadcount,BmeCount,BmeHeadcount,NotStatedCount,NotStatedHeadcount,RelativeLikelihood,Ci95Lower,Ci95Upper,ConditionalRelativeLikelihood,ConditionalCi95Lower,ConditionalCi95Upper");
        void Row(params string[] fields) => csv.AppendLine(string.Join(',', fields.Select(Csv)));
        foreach (var s in f.Stages)
        {
            var c = s.ConditionalOnPreviousStage;
            Row(f.Year, "stage", s.Stage, string.Empty, s.White.Count.Shown, s.White.Headcount.Shown, s.Bme.Count.Shown, s.Bme.Headcount.Shown,
                s.NotStated.Count.Shown, s.NotStated.Headcount.Shown, Number(s.AgainstHeadcount.RelativeLikelihood), Number(s.AgainstHeadcount.Ci95?.Lower), Upper(s.AgainstHeadcount.Ci95),
                Number(c?.RelativeLikelihood), Number(c?.Ci95?.Lower), Upper(c?.Ci95));
        }

        foreach (var b in f.Breakdowns)
        {
            foreach (var r in b.Rows)
            {
                Row(f.Year, b.Stage == BreakdownStages.Formal ? "breakdown" : $"breakdown-{b.Stage}", b.Dimension, r.Category, r.White.Entering.Shown, r.White.Headcount.Shown, r.Bme.Entering.Shown, r.Bme.Headcount.Shown,
                    r.NotStated.Entering.Shown, r.NotStated.Headcount.Shown, Number(r.Likelihood.RelativeLikelihood), Number(r.Likelihood.Ci95?.Lower), Upper(r.Likelihood.Ci95),
                    string.Empty, string.Empty, string.Empty);
            }
        }

        return csv.ToString();
    }

    public static string FunnelText(ShownFunnel f)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant, $"Disparity funnel {f.Year} (1 April – 31 March UK time): distinct staff at each stage, BME compared with white");
        text.AppendLine(Invariant, $"Source: {SourceText(f.Source)}{(f.ForPublication ? " — prepared for publication (small counts suppressed)" : string.Empty)}");
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
                text.AppendLine(Invariant, $"Formal investigations by {b.Dimension} (entering of headcount):");
            }
            else
            {
                text.AppendLine(Invariant, $"Concerns raised, by {b.Dimension} (staff raised about, of that directorate's headcount):");
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

    private static JsonObject Group(ShownGroup g) => new() { ["entering"] = Count(g.Entering), ["headcount"] = Count(g.Headcount), ["rate"] = g.Rate };

    private static JsonObject StageGroup(ShownStageGroup g) => new()
    {
        ["count"] = Count(g.Count),
        ["headcount"] = Count(g.Headcount),
        ["rate"] = g.Rate,
        ["inPreviousStage"] = g.InPreviousStage is { } a ? Count(a) : null,
        ["previousStageCount"] = g.PreviousStageCount is { } p ? Count(p) : null,
        ["conditionalRate"] = g.ConditionalRate,
    };

    private static JsonObject Likelihood(ShownLikelihood l) => new()
    {
        ["relativeLikelihood"] = l.RelativeLikelihood,
        ["ci95"] = l.Ci95 is { } ci ? new JsonObject { ["lower"] = ci.Lower, ["upper"] = ci.Upper } : null,
        ["interpretation"] = l.Interpretation,
        ["warnings"] = new JsonArray([.. l.Warnings.Select(w => (JsonNode?)JsonValue.Create(w))]),
    };

    /// <summary>A number, or the suppressed text ("&lt;5") when a count is not published.</summary>
    private static JsonNode Count(ShownCount c) => c.Value is { } value ? JsonValue.Create(value) : JsonValue.Create(c.Shown);

    private static string Ratio(ShownLikelihood l) => l.RelativeLikelihood is { } rl ? RelativeLikelihood.Format(rl) : "not calculable";

    private static string Interval(Interval95? ci) => ci is null ? "none (the ratio is not calculable; see the warnings)"
        : ci.Upper is { } upper ? $"{RelativeLikelihood.Format(ci.Lower)}–{RelativeLikelihood.Format(upper)}"
        : $"{RelativeLikelihood.Format(ci.Lower)} to unbounded (see the warnings)";

    private static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.00", Invariant) + "%" : "—";

    private static string Rate(double? rate) => rate is { } r ? r.ToString("0.000000", Invariant) : string.Empty;

    private static string Number(double? value) => value is { } v ? RelativeLikelihood.Format(v) : string.Empty;

    private static string Upper(Interval95? ci) => ci is null ? string.Empty : ci.Upper is { } u ? RelativeLikelihood.Format(u) : "unbounded";

    private static string Csv(string field) => ReportDocuments.CsvField(field);
}
