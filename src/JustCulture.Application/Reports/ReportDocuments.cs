using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using JustCulture.Domain.Reporting;

namespace JustCulture.Application.Reports;

/// <summary>A group's figures in the indicator-3 JSON: counts are numbers, or text such as "&lt;5" when suppressed.</summary>
public sealed record Indicator3GroupDocument(JsonNode Entering, JsonNode Headcount, double? Rate);

public sealed record Indicator3NotStatedDocument(JsonNode Entering, JsonNode Headcount);

/// <summary>The 95% interval; <see cref="Upper"/> is null when it is unbounded above.</summary>
public sealed record Indicator3IntervalDocument(double Lower, double? Upper);

/// <summary>
/// Indicator 3 as JSON, the one shape the CLI prints and the API returns:
/// <c>{year, basis, white, bme, notStated, relativeLikelihood, ci95, interpretation, warnings}</c>.
/// </summary>
public sealed record Indicator3Document(
    string Year,
    string Basis,
    Indicator3GroupDocument White,
    Indicator3GroupDocument Bme,
    Indicator3NotStatedDocument NotStated,
    double? RelativeLikelihood,
    Indicator3IntervalDocument? Ci95,
    string Interpretation,
    IReadOnlyList<string> Warnings);

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
            r.Interpretation,
            r.Warnings);
    }

    /// <summary>The shape of the WRES indicator-3 return: one row per measure, one column per group.</summary>
    public static string Indicator3Csv(ShownIndicator3 r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var csv = new StringBuilder();
        csv.AppendLine("ReportingYear,Basis,Measure,White,BME,NotStated");
        void Row(string measure, string white, string bme, string notStated) =>
            csv.AppendLine(string.Join(',', new[] { r.Year, r.Basis, measure, white, bme, notStated }.Select(CsvField)));
        Row("Headcount", r.White.Headcount.Shown, r.Bme.Headcount.Shown, r.NotStated.Headcount.Shown);
        Row("Number of staff entering the formal disciplinary process", r.White.Entering.Shown, r.Bme.Entering.Shown, r.NotStated.Entering.Shown);
        Row("Likelihood of staff entering the formal disciplinary process", Rate(r.White.Rate), Rate(r.Bme.Rate), string.Empty);
        Row("Relative likelihood of BME staff entering the formal disciplinary process compared to white staff", string.Empty, Number(r.RelativeLikelihood), string.Empty);
        Row("95% confidence interval lower (Katz log)", string.Empty, Number(r.Ci95?.Lower), string.Empty);
        Row("95% confidence interval upper (Katz log)", string.Empty, r.Ci95 is { Upper: null } ? "unbounded" : Number(r.Ci95?.Upper), string.Empty);
        return csv.ToString();
    }

    /// <summary>Quotes a CSV field when it holds a comma, quote or line break.</summary>
    public static string CsvField(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
    }

    private static Indicator3GroupDocument Group(ShownGroup g) => new(Count(g.Entering), Count(g.Headcount), g.Rate);

    /// <summary>A number, or the suppressed text ("&lt;5") when a count is not published.</summary>
    private static JsonNode Count(ShownCount c) => c.Value is { } value ? JsonValue.Create(value) : JsonValue.Create(c.Shown);

    private static string Rate(double? rate) => rate is { } r ? r.ToString("0.000000", Invariant) : string.Empty;

    private static string Number(double? value) => value is { } v ? RelativeLikelihood.Format(v) : string.Empty;
}
