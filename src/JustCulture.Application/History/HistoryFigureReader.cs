using System.Globalization;
using JustCulture.Application.Csv;
using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Reporting;

namespace JustCulture.Application.History;

/// <summary>One row's published figures, once read: the year, the WRES group, how many entered and the headcount.</summary>
internal readonly record struct HistoryFigures(ReportingYear Year, WresGroup Group, int Entering, int Headcount);

/// <summary>
/// The columns both history files share — Year, Group, Entering, Headcount — read the same way in each, every problem
/// added with its file, line and field, because both imports are all or nothing (docs/domain/wres-indicator-3.md).
/// </summary>
internal sealed class HistoryFigureReader(string sourceName, List<CsvError> errors)
{
    public void Error(int line, string field, string message) => errors.Add(new CsvError(sourceName, line, field, message));

    /// <summary>The row's figures, or null when any of them is wrong (each wrong one already reported).</summary>
    public HistoryFigures? Read(int line, string yearText, string groupText, string enteringText, string headcountText)
    {
        var ok = true;
        if (!ReportingYear.TryParse(yearText, out var year, out var yearError))
        {
            Error(line, "Year", yearError);
            ok = false;
        }

        WresGroup group = default;
        switch (groupText.ToUpperInvariant())
        {
            case "WHITE": group = WresGroup.White; break;
            case "BME": group = WresGroup.Bme; break;
            case "NOTSTATED": group = WresGroup.NotStated; break;
            default:
                Error(line, "Group", $"'{groupText}' is not a group; use White, BME or NotStated");
                ok = false;
                break;
        }

        var entering = Count(line, enteringText, "Entering");
        var headcount = Count(line, headcountText, "Headcount");
        if (entering is { } e && headcount is { } h && e > h)
        {
            Error(line, "Entering", string.Create(CultureInfo.InvariantCulture, $"{e} entering is more than the headcount {h}"));
            ok = false;
        }

        return ok && entering is not null && headcount is not null ? new HistoryFigures(year, group, entering.Value, headcount.Value) : null;
    }

    /// <summary>A ratio needs both groups: reports, on the first line of <paramref name="what"/>, each of White and BME it lacks.</summary>
    public void RequireWhiteAndBme(string what, int firstLine, IEnumerable<WresGroup> groups, string whole)
    {
        var present = groups.ToHashSet();
        foreach (var needed in new[] { WresGroup.White, WresGroup.Bme })
        {
            if (!present.Contains(needed))
            {
                Error(firstLine, "Group", $"{what} has no {(needed == WresGroup.Bme ? "BME" : "White")} row; every {whole} needs White and BME rows (NotStated is optional)");
            }
        }
    }

    private int? Count(int line, string text, string field)
    {
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            if (value >= 0)
            {
                return value;
            }

            Error(line, field, string.Create(CultureInfo.InvariantCulture, $"{value} is negative; a count of staff is 0 or more"));
            return null;
        }

        Error(line, field, $"'{text}' is not a whole number of staff (0 or more, digits only)");
        return null;
    }
}

/// <summary>How both history imports refuse a file: every problem listed, and nothing imported.</summary>
internal static class HistoryImportProblems
{
    /// <summary>The parser's problems as lines, and an empty file's.</summary>
    public static List<string> Of(IReadOnlyList<CsvError> parseErrors, int rows, string sourceName)
    {
        var errors = parseErrors.Select(e => e.ToString()).ToList();
        if (errors.Count == 0 && rows == 0)
        {
            errors.Add($"{sourceName}: the file has no rows after the header");
        }

        return errors;
    }

    public static void ThrowIfAny(List<string> errors, string sourceName)
    {
        if (errors.Count > 0)
        {
            throw Common.UseCaseException.Invalid($"{sourceName}: {errors.Count} problem(s); nothing was imported.", errors);
        }
    }
}
