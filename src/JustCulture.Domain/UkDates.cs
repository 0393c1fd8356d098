using System.Globalization;

namespace JustCulture.Domain;

/// <summary>
/// The one way dates and times are written for people: UK long dates ("15 January 2027") and clock times
/// converted from UTC to UK time (GMT/BST) and labelled "UK time". Stored values stay UTC; machine formats
/// (CSV, JSON, the log's hash input) keep ISO 8601 and do not use this.
/// </summary>
public static class UkDates
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>"15 January 2027".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", EnGb);

    /// <summary>The UK calendar date of a UTC instant, "15 January 2027" (an instant at 23:30 UTC in summer is the next day in the UK).</summary>
    public static string Date(DateTime utc) => ToUk(utc).ToString("d MMMM yyyy", EnGb);

    /// <summary>"15 January 2027 at 14:05 UK time".</summary>
    public static string DateTime(DateTime utc) => ToUk(utc).ToString("d MMMM yyyy 'at' HH:mm", EnGb) + " UK time";

    /// <summary>The UK wall-clock time of a UTC instant.</summary>
    public static DateTime ToUk(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), London);

    /// <summary>The instant a UK calendar day begins (00:00 UK time), as UTC: where a range of UK dates starts.</summary>
    public static DateTime StartUtc(DateOnly ukDate) =>
        TimeZoneInfo.ConvertTimeToUtc(ukDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), London);

    /// <summary>The UK calendar date of a UTC instant.</summary>
    public static DateOnly UkDateOf(DateTime utc) => DateOnly.FromDateTime(ToUk(utc));
}
