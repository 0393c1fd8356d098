using System.Globalization;

namespace JustCulture.Web.Pages.Shared;

/// <summary>How pages and the API read what people type before a use case checks it.</summary>
public static class FormInput
{
    /// <summary>A choice by its name only: a number or an unknown name is no choice, so the use case refuses it beside its field.</summary>
    public static T? Choice<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed : null;

    /// <summary>
    /// An NHS.UK date input's three boxes: (null, true) when all are empty, (date, true) for a real date, and
    /// (null, false) for a partial or impossible one.
    /// </summary>
    public static (DateOnly? Date, bool Readable) Date(string? day, string? month, string? year)
    {
        if (string.IsNullOrWhiteSpace(day) && string.IsNullOrWhiteSpace(month) && string.IsNullOrWhiteSpace(year))
        {
            return (null, true);
        }

        return int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            && int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && y is >= 1900 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? (new DateOnly(y, m, d), true)
            : (null, false);
    }
}
