using System.Globalization;
using JustCulture.Application.Common;

namespace JustCulture.Application.Retention;

/// <summary>
/// How long a person's case records are kept after the last decision on any of them, in whole years, and where
/// that figure came from — shown beside every list of what is due, so nobody has to guess which setting won.
/// </summary>
/// <param name="Source">In words: "the default" or "the setting &lt;name&gt;".</param>
public sealed record RetentionPeriod(int Years, string Source)
{
    public const int DefaultYears = 6;
    public const int MinYears = 1;
    public const int MaxYears = 100;

    public static RetentionPeriod Default { get; } = new(DefaultYears, "the default");

    /// <summary>"6 years", "1 year".</summary>
    public string Words => Years == 1 ? "1 year" : string.Create(CultureInfo.InvariantCulture, $"{Years} years");

    /// <summary>The period a setting gives; no value means the default. Anything but a whole number of years in
    /// range is refused naming the setting, rather than falling back to the default: a mistyped period must not
    /// quietly erase records earlier than intended.</summary>
    /// <param name="settingName">How the setting is spelled where it was given (an option, an environment variable
    /// or a configuration key), for the message and <see cref="Source"/>.</param>
    public static RetentionPeriod Parse(string? text, string settingName)
    {
        if (text is null)
        {
            return Default;
        }

        var trimmed = text.Trim();
        if (!int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var years) || years < MinYears || years > MaxYears)
        {
            throw UseCaseException.Invalid(settingName,
                $"{settingName} must be a whole number of years from {MinYears} to {MaxYears}; '{trimmed}' is not.");
        }

        return new RetentionPeriod(years, $"the setting {settingName}");
    }
}
