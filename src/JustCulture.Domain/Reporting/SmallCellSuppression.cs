using System.Globalization;

namespace JustCulture.Domain.Reporting;

/// <summary>
/// Small-cell suppression for anything published: counts from 1 up to <see cref="Threshold"/> − 1 are shown as
/// "&lt;threshold" so that a person cannot be identified from a small group. Zero is shown as 0 (nobody can be
/// identified from nobody). Auditors on screen see exact figures; only publication output is suppressed.
/// </summary>
public sealed record SmallCellSuppression
{
    public SmallCellSuppression(int threshold = DefaultThreshold)
    {
        if (threshold < 1)
        {
            throw new DomainRuleException($"The suppression threshold must be at least 1 (was {threshold}).");
        }

        Threshold = threshold;
    }

    public const int DefaultThreshold = 5;

    /// <summary>No suppression: every count shown exactly (threshold 1 suppresses nothing).</summary>
    public static SmallCellSuppression None { get; } = new(1);

    public static SmallCellSuppression Default { get; } = new();

    /// <summary>Counts from 1 to Threshold − 1 are suppressed.</summary>
    public int Threshold { get; }

    public bool IsSuppressed(int count) => count > 0 && count < Threshold;

    public string Format(int count) => IsSuppressed(count)
        ? string.Create(CultureInfo.InvariantCulture, $"<{Threshold}")
        : count.ToString(CultureInfo.InvariantCulture);
}
