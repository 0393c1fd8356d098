using JustCulture.Domain.Suspensions;

namespace JustCulture.Application.Suspensions;

/// <summary>
/// The trust's settings for suspensions (web: <c>JustCulture:Suspension:*</c>): how far ahead a review may be set,
/// and who may approve — the named senior decision-makers (docs/domain/process-safeguards.md, "Suspension").
/// </summary>
public sealed class SuspensionRules
{
    public const int DefaultMaxReviewDays = 14;

    public SuspensionRules(int maxReviewDays = DefaultMaxReviewDays, IEnumerable<string>? approvers = null)
    {
        if (maxReviewDays is < 1 or > Suspension.MaxReviewDaysLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(maxReviewDays), maxReviewDays,
                $"JustCulture:Suspension:MaxReviewDays must be between 1 and {Suspension.MaxReviewDaysLimit}.");
        }

        MaxReviewDays = maxReviewDays;
        Approvers = (approvers ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A review date is at most this many days after the day it is set.</summary>
    public int MaxReviewDays { get; }

    /// <summary>User IDs of the senior decision-makers who may approve (each must also be an independent commissioning manager of the case).</summary>
    public IReadOnlySet<string> Approvers { get; }

    public bool IsApprover(string userId) => Approvers.Contains(userId);
}
