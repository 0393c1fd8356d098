using JustCulture.Application.Suspensions;
using JustCulture.Domain.Suspensions;

namespace JustCulture.Web.Hosting;

/// <summary>
/// <c>JustCulture:Suspension:MaxReviewDays</c> (default 14) and <c>JustCulture:Suspension:Approvers</c> (user IDs, a list or
/// one comma-separated value): read at start, so a mistyped setting stops the app naming it.
/// </summary>
public static class SuspensionSettings
{
    public const string Section = $"{JustCultureWebOptions.Section}:Suspension";

    public static SuspensionRules Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection("JustCulture:Suspension");
        var days = SuspensionRules.DefaultMaxReviewDays;
        if (section["MaxReviewDays"] is { Length: > 0 } text
            && !(int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out days) && days is >= 1 and <= Suspension.MaxReviewDaysLimit))
        {
            throw new InvalidOperationException($"{Section}:MaxReviewDays must be a whole number of days from 1 to {Suspension.MaxReviewDaysLimit}; it is '{text}'.");
        }

        var approvers = section.GetSection("Approvers");
        var named = approvers.Value is { } single
            ? single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : approvers.GetChildren().Select(c => c.Value ?? string.Empty).ToArray();
        return new SuspensionRules(days, named);
    }
}
