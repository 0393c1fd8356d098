using System.Globalization;
using System.Text.Json.Nodes;
using JustCulture.Application.Csv;
using JustCulture.Application.Log;
using JustCulture.Domain.Reporting;

namespace JustCulture.Application.Reports;

/// <summary>A group's figures in the indicator-3 JSON: counts are numbers, or text such as "&lt;5" when suppressed.</summary>
public sealed record Indicator3GroupDocument(JsonNode Entering, JsonNode Headcount, double? Rate);

public sealed record Indicator3NotStatedDocument(JsonNode Entering, JsonNode Headcount);

/// <summary>The 95% interval; <see cref="Upper"/> is null when it is unbounded above.</summary>
public sealed record Indicator3IntervalDocument(double Lower, double? Upper);

/// <summary>
/// The signed checkpoint a report was computed against, in its JSON: size, root (hex), time and file, and the same
/// in words (<see cref="Statement"/>). Null in a report when the log is empty.
/// </summary>
public sealed record ReportCheckpointDocument(long TreeSize, string RootHex, DateTimeOffset SignedAt, string FileName, string Statement);

/// <summary>
/// Indicator 3 as JSON, the one shape the CLI prints and the API returns:
/// <c>{year, basis, white, bme, notStated, relativeLikelihood, ci95, ciMethod, ci95Katz, interpretation, warnings, national, checkpoint}</c>.
/// <c>ci95</c> is the interval shown (<c>ciMethod</c> says how it was computed: Koopman's score interval);
/// <c>ci95Katz</c> is Katz's log interval, kept for comparability. <c>national</c> is null when no national figure is published for the year.
/// </summary>
public sealed record Indicator3Document(
    string Year,
    string Basis,
    Indicator3GroupDocument White,
    Indicator3GroupDocument Bme,
    Indicator3NotStatedDocument NotStated,
    double? RelativeLikelihood,
    Indicator3IntervalDocument? Ci95,
    string CiMethod,
    Indicator3IntervalDocument? Ci95Katz,
    string Interpretation,
    IReadOnlyList<string> Warnings,
    NationalComparison? National,
    ReportCheckpointDocument? Checkpoint);

/// <summary>A relative likelihood in the funnel JSON; null figures are withheld or not calculable (the warnings say which).</summary>
public sealed record LikelihoodDocument(double? RelativeLikelihood, Indicator3IntervalDocument? Ci95, string Interpretation, IReadOnlyList<string> Warnings)
{
    /// <summary>How <see cref="Ci95"/> was computed: Koopman's score interval.</summary>
    public string CiMethod { get; init; } = IntervalMethods.KoopmanScore;
}

/// <summary>A group at one funnel stage: counts are numbers, or text such as "&lt;5" when suppressed.</summary>
public sealed record FunnelStageGroupDocument(JsonNode Count, JsonNode Headcount, double? Rate, JsonNode? InPreviousStage, JsonNode? PreviousStageCount, double? ConditionalRate);

public sealed record FunnelStageDocument(
    string Stage,
    string Name,
    string Definition,
    FunnelStageGroupDocument White,
    FunnelStageGroupDocument Bme,
    FunnelStageGroupDocument NotStated,
    LikelihoodDocument AgainstHeadcount,
    LikelihoodDocument? ConditionalOnPreviousStage);

public sealed record FunnelBreakdownRowDocument(string Category, Indicator3GroupDocument White, Indicator3GroupDocument Bme, Indicator3NotStatedDocument NotStated, LikelihoodDocument Likelihood);

public sealed record FunnelBreakdownDocument(string Dimension, string Stage, IReadOnlyList<FunnelBreakdownRowDocument> Rows);

/// <summary>
/// The disparity funnel as JSON, the one shape the CLI prints and the API returns:
/// <c>{year, source, publication, stages[], breakdowns[], warnings, checkpoint}</c>; its CSV is made from it too.
/// </summary>
public sealed record FunnelDocument(
    string Year,
    string Source,
    bool Publication,
    IReadOnlyList<FunnelStageDocument> Stages,
    IReadOnlyList<FunnelBreakdownDocument> Breakdowns,
    IReadOnlyList<string> Warnings,
    ReportCheckpointDocument? Checkpoint);

/// <summary>How every report says what it was computed against, in words: the same sentence on pages, in the CLI and in CSV.</summary>
public static class ComputedAgainst
{
    public const string EmptyLog = "an empty decision log (nothing has been recorded yet, so there is no checkpoint)";

    /// <summary>"Computed against: signed checkpoint of 2,403 entries, 1 December 2026 at 13:23 UK time (root a611fc08…, checkpoint-000000002403.txt)".</summary>
    public static string Statement(LogCheckpointSummary? checkpoint) => $"Computed against: {checkpoint?.Describe() ?? EmptyLog}";

    public static ReportCheckpointDocument? Document(LogCheckpointSummary? checkpoint) => checkpoint is null ? null
        : new(checkpoint.TreeSize, checkpoint.RootHex, checkpoint.SignedAt, checkpoint.FileName, Statement(checkpoint));
}

/// <summary>Turns a shown report into its exchange formats, so the CLI and the web give the same JSON and CSV.</summary>
public static class ReportDocuments
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static Indicator3Document Indicator3(ShownIndicator3 r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new Indicator3Document(
            r.Year,
            r.Basis,
            Group(r.White),
            Group(r.Bme),
            new Indicator3NotStatedDocument(Count(r.NotStated.Entering), Count(r.NotStated.Headcount)),
            r.RelativeLikelihood,
            r.Ci95 is { } ci ? new Indicator3IntervalDocument(ci.Lower, ci.Upper) : null,
            r.CiMethod,
            r.Ci95Katz is { } katz ? new Indicator3IntervalDocument(katz.Lower, katz.Upper) : null,
            r.Interpretation,
            r.Warnings,
            r.National,
            ComputedAgainst.Document(r.Checkpoint));
    }

    public static FunnelDocument Funnel(ShownFunnel f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new FunnelDocument(
            f.Year,
            f.Source,
            f.ForPublication,
            [.. f.Stages.Select(s => new FunnelStageDocument(s.Stage, s.Name, s.Definition, StageGroup(s.White), StageGroup(s.Bme), StageGroup(s.NotStated),
                Likelihood(s.AgainstHeadcount), s.ConditionalOnPreviousStage is { } c ? Likelihood(c) : null))],
            [.. f.Breakdowns.Select(b => new FunnelBreakdownDocument(b.Dimension, b.Stage, [.. b.Rows.Select(r => new FunnelBreakdownRowDocument(
                r.Category, Group(r.White), Group(r.Bme), new Indicator3NotStatedDocument(Count(r.NotStated.Entering), Count(r.NotStated.Headcount)), Likelihood(r.Likelihood)))]))],
            f.Warnings,
            ComputedAgainst.Document(f.Checkpoint));
    }

    /// <summary>
    /// The columns every report CSV ends with, saying on every row (as the year does) which signed checkpoint
    /// the figures were computed against: its size and full root to check, and the same in words.
    /// </summary>
    public static readonly IReadOnlyList<string> CheckpointColumns = ["CheckpointTreeSize", "CheckpointRoot", "ComputedAgainst"];

    /// <summary>
    /// The shape of the WRES indicator-3 return: one row per measure, one column per group, then the
    /// <see cref="CheckpointColumns"/>.
    /// </summary>
    public static string Indicator3Csv(ShownIndicator3 r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var checkpoint = CheckpointCells(r.Checkpoint);
        string[] Row(string measure, string white, string bme, string notStated) => [r.Year, r.Basis, measure, white, bme, notStated, .. checkpoint];
        return CsvExportWriter.Write(["ReportingYear", "Basis", "Measure", "White", "BME", "NotStated", .. CheckpointColumns],
        [
            Row("Headcount", r.White.Headcount.Shown, r.Bme.Headcount.Shown, r.NotStated.Headcount.Shown),
            Row("Number of staff entering the formal disciplinary process", r.White.Entering.Shown, r.Bme.Entering.Shown, r.NotStated.Entering.Shown),
            Row("Likelihood of staff entering the formal disciplinary process", Rate(r.White.Rate), Rate(r.Bme.Rate), string.Empty),
            Row("Relative likelihood of BME staff entering the formal disciplinary process compared to white staff", string.Empty, Number(r.RelativeLikelihood), string.Empty),
            Row("95% confidence interval lower (Koopman score)", string.Empty, Number(r.Ci95?.Lower), string.Empty),
            Row("95% confidence interval upper (Koopman score)", string.Empty, r.Ci95 is { Upper: null } ? "unbounded" : Number(r.Ci95?.Upper), string.Empty),
            Row("95% confidence interval lower (Katz log)", string.Empty, Number(r.Ci95Katz?.Lower), string.Empty),
            Row("95% confidence interval upper (Katz log)", string.Empty, r.Ci95Katz is { Upper: null } ? "unbounded" : Number(r.Ci95Katz?.Upper), string.Empty),
            Row(NationalMeasure(r.National), string.Empty, Number(r.National?.National), string.Empty),
        ]);
    }

    /// <summary>
    /// The funnel as CSV, made from its JSON document so both say the same: a row per stage, then a row per
    /// breakdown category (section "breakdown" for formal entrants, "breakdown-raised" for concerns raised),
    /// each ending with the <see cref="CheckpointColumns"/>.
    /// </summary>
    public static string FunnelCsv(FunnelDocument f)
    {
        ArgumentNullException.ThrowIfNull(f);
        string[] checkpoint = f.Checkpoint is { } stated ? [stated.TreeSize.ToString(Invariant), stated.RootHex, stated.Statement] : CheckpointCells(null);
        var rows = new List<string[]>();
        foreach (var s in f.Stages)
        {
            var c = s.ConditionalOnPreviousStage;
            rows.Add([f.Year, "stage", s.Stage, string.Empty, Cell(s.White.Count), Cell(s.White.Headcount), Cell(s.Bme.Count), Cell(s.Bme.Headcount),
                Cell(s.NotStated.Count), Cell(s.NotStated.Headcount), Number(s.AgainstHeadcount.RelativeLikelihood), Number(s.AgainstHeadcount.Ci95?.Lower), Upper(s.AgainstHeadcount.Ci95),
                Number(c?.RelativeLikelihood), Number(c?.Ci95?.Lower), Upper(c?.Ci95), .. checkpoint]);
        }

        foreach (var b in f.Breakdowns)
        {
            foreach (var r in b.Rows)
            {
                rows.Add([f.Year, b.Stage == BreakdownStages.Formal ? "breakdown" : $"breakdown-{b.Stage}", b.Dimension, r.Category,
                    Cell(r.White.Entering), Cell(r.White.Headcount), Cell(r.Bme.Entering), Cell(r.Bme.Headcount), Cell(r.NotStated.Entering), Cell(r.NotStated.Headcount),
                    Number(r.Likelihood.RelativeLikelihood), Number(r.Likelihood.Ci95?.Lower), Upper(r.Likelihood.Ci95), string.Empty, string.Empty, string.Empty, .. checkpoint]);
            }
        }

        return CsvExportWriter.Write(
            ["ReportingYear", "Section", "Name", "Category", "WhiteCount", "WhiteHeadcount", "BmeCount", "BmeHeadcount", "NotStatedCount", "NotStatedHeadcount",
                "RelativeLikelihood", "Ci95Lower", "Ci95Upper", "ConditionalRelativeLikelihood", "ConditionalCi95Lower", "ConditionalCi95Upper", .. CheckpointColumns],
            rows);
    }

    private static string NationalMeasure(NationalComparison? national) => national is null
        ? "National relative likelihood (none published for this year)"
        : $"National relative likelihood (WRES {national.WresDataYear} data, covering {national.ReportingYear}; {national.Source})";

    private static string[] CheckpointCells(LogCheckpointSummary? checkpoint) =>
        [checkpoint?.TreeSize.ToString(Invariant) ?? "0", checkpoint?.RootHex ?? string.Empty, ComputedAgainst.Statement(checkpoint)];

    private static FunnelStageGroupDocument StageGroup(ShownStageGroup g) => new(Count(g.Count), Count(g.Headcount), g.Rate,
        g.InPreviousStage is { } a ? Count(a) : null, g.PreviousStageCount is { } p ? Count(p) : null, g.ConditionalRate);

    private static LikelihoodDocument Likelihood(ShownLikelihood l) =>
        new(l.RelativeLikelihood, l.Ci95 is { } ci ? new Indicator3IntervalDocument(ci.Lower, ci.Upper) : null, l.Interpretation, l.Warnings);

    /// <summary>A count as the CSV shows it: the number, or the suppressed text ("&lt;5").</summary>
    private static string Cell(JsonNode count) => count.GetValueKind() == System.Text.Json.JsonValueKind.Number
        ? count.GetValue<int>().ToString(Invariant)
        : count.GetValue<string>();

    private static string Upper(Indicator3IntervalDocument? ci) => ci is null ? string.Empty : ci.Upper is { } u ? RelativeLikelihood.Format(u) : "unbounded";

    private static Indicator3GroupDocument Group(ShownGroup g) => new(Count(g.Entering), Count(g.Headcount), g.Rate);

    /// <summary>A number, or the suppressed text ("&lt;5") when a count is not published.</summary>
    private static JsonNode Count(ShownCount c) => c.Value is { } value ? JsonValue.Create(value) : JsonValue.Create(c.Shown);

    private static string Rate(double? rate) => rate is { } r ? r.ToString("0.000000", Invariant) : string.Empty;

    private static string Number(double? value) => value is { } v ? RelativeLikelihood.Format(v) : string.Empty;
}
