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

    public static bool TryParse(string? text, out ReportingYear year)
    {
        year = default;
        var match = Pattern().Match(text?.Trim() ?? string.Empty);
        if (!match.Success)
        {
            return false;
        }

        var start = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var end = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if ((start + 1) % 100 != end)
        {
            return false;
        }

        year = new ReportingYear(start);
        return true;
    }

    public static ReportingYear Parse(string? text) => TryParse(text, out var year)
        ? year
        : throw new DomainRuleException($"'{text}' is not a reporting year; write it as YYYY-YY, e.g. 2024-25");

    public int CompareTo(ReportingYear other) => StartYear.CompareTo(other.StartYear);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{StartYear}-{(StartYear + 1) % 100:00}");

    [GeneratedRegex(@"^(\d{4})-(\d{2})$")]
    private static partial Regex Pattern();
}
