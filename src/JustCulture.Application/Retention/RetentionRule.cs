using JustCulture.Domain;

namespace JustCulture.Application.Retention;

/// <summary>
/// When a person's case records are due for erasure: every concern about them is finished (each action closed or gone to a formal investigation), and more than the
/// retention period has passed since the newest decision-log entry of all of them. Dates are UK calendar days,
/// as people count them: a last decision on 3 March 2020 with a six-year period is kept through 3 March 2026 and
/// due from 4 March 2026 — "more than" six years, never on the anniversary itself.
/// </summary>
public static class RetentionRule
{
    /// <summary>The first UK date on which more than the period has passed since <paramref name="lastActivityUtc"/>.</summary>
    public static DateOnly DueSince(DateTime lastActivityUtc, RetentionPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return UkDates.UkDateOf(lastActivityUtc).AddYears(period.Years).AddDays(1);
    }

    public static bool IsDue(bool allFinished, DateTime lastActivityUtc, DateOnly asOf, RetentionPeriod period) =>
        allFinished && asOf >= DueSince(lastActivityUtc, period);
}
