using System.Globalization;
using System.Text.RegularExpressions;

namespace JustCulture.Domain.Reporting;

/// <summary>
/// A WRES reporting year, 1 April – 31 March in UK local time, written "2024-25".
/// Boundaries are computed in Europe/London so that an event at 00:30 BST on 1 April falls in the new year.
/// </summary>
public readonly partial record struct ReportingYear(int StartYear) : IComparable<ReportingYear>
{
    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>Start of the year (1 April 00:00 UK time) as UTC.</summary>
    public DateTime StartUtc => TimeZoneInfo.ConvertTimeToUtc(new DateTime(StartYear, 4, 1, 0, 0, 0, DateTimeKind.Unspecified), UkTime);

    /// <summary>Exclusive end (1 April 00:00 UK time of the next year) as UTC.</summary>
    public DateTime EndUtc => new ReportingYear(StartYear + 1).StartUtc;

    /// <summary>The headcount snapshot date used by the WRES return: 31 March at the end of the year.</summary>
    public DateOnly SnapshotDate => new(StartYear + 1, 3, 31);

    public ReportingYear Previous => new(StartYear - 1);

    public static ReportingYear Containing(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), UkTime);
        return new ReportingYear(local.Month >= 4 ? local.Year : local.Year - 1);
    }

    public bool Contains(DateTime utc) => utc >= StartUtc && utc < EndUtc;

    /// <summary>
    /// The earliest first year accepted. WRES began with 2015-16; imported history may go back a little further,
    /// and nothing real is older than 2000.
    /// </summary>
    public const int EarliestStartYear = 2000;

    /// <summary>
    /// The latest first year accepted: far enough ahead for any real use, and it keeps every date the year
    /// computes (1 April, 31 March, the UK-time boundaries) well inside what <see cref="DateTime"/> can hold.
    /// </summary>
    public const int LatestStartYear = 2100;

    /// <summary>How a reporting year is written, for messages.</summary>
    public const string Notation = "YYYY-YY, e.g. 2024-25";

    public static bool TryParse(string? text, out ReportingYear year) => TryParse(text, out year, out _);

    /// <summary>
    /// The one parser of "YYYY-YY" for every input (API, CLI, imports): the second part must be the year after the
    /// first, and the first year must be from <see cref="EarliestStartYear"/> to <see cref="LatestStartYear"/>.
    /// </summary>
    /// <param name="error">Why the text is refused, starting with the text as given; the caller adds which field it was.</param>
    public static bool TryParse(string? text, out ReportingYear year, out string error)
    {
        year = default;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            error = $"no reporting year was given; write it as {Notation}";
            return false;
        }

        var match = Pattern().Match(trimmed);
        if (!match.Success)
        {
            error = $"'{trimmed}' is not a reporting year; write it as {Notation}";
            return false;
        }

        var start = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var end = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if ((start + 1) % 100 != end)
        {
            error = string.Create(CultureInfo.InvariantCulture,
                $"'{trimmed}' is not a reporting year; write it as {Notation} (the second part must be {(start + 1) % 100:00}, the year after {start:0000})");
            return false;
        }

        if (start is < EarliestStartYear or > LatestStartYear)
        {
            error = string.Create(CultureInfo.InvariantCulture,
                $"'{trimmed}' is not a reporting year; write it as {Notation} (the first year must be from {EarliestStartYear} to {LatestStartYear})");
            return false;
        }

        year = new ReportingYear(start);
        error = string.Empty;
        return true;
    }

    public static ReportingYear Parse(string? text) => TryParse(text, out var year, out var error)
        ? year
        : throw new DomainRuleException(error);

    public int CompareTo(ReportingYear other) => StartYear.CompareTo(other.StartYear);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{StartYear:0000}-{(StartYear + 1) % 100:00}");

    [GeneratedRegex(@"^([0-9]{4})-([0-9]{2})$")]
    private static partial Regex Pattern();
}
