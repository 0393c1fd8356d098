namespace JustCulture.Domain.Concerns;

/// <summary>
/// The people a case is about and who raised it, with their line management as it stood when the concern
/// was raised and as it stands now. Independence is decided between people (staff records), not accounts:
/// a second account of the same person, or a staff file that moves someone to another manager, must not
/// make a conflicted reviewer look independent.
/// </summary>
public sealed record CaseParties(
    string RaisedByUserId,
    string SubjectRef,
    IReadOnlyList<string> SubjectManagersNow,
    IReadOnlyList<string> SubjectManagersAtRaising,
    string? RaiserRef,
    IReadOnlyList<string> RaiserManagersNow,
    IReadOnlyList<string> RaiserManagersAtRaising);

/// <summary>
/// The commissioning review must be independent (docs/decisions/0006-one-case-step.md): the reviewer is not the person who
/// raised the concern, not the person concerned, not above either of them in line management, and does not
/// report to either of them.
/// </summary>
public static class ReviewerIndependence
{
    /// <summary>Why <paramref name="reviewerUserId"/> may not review the case, or null when they are independent.</summary>
    /// <param name="reviewerStaffRef">The reviewer's own staff record; without one, independence cannot be shown.</param>
    /// <param name="reviewerManagersNow">Everyone above the reviewer in line management today.</param>
    public static string? Conflict(string reviewerUserId, string? reviewerStaffRef, IReadOnlyList<string> reviewerManagersNow, CaseParties parties)
    {
        ArgumentNullException.ThrowIfNull(reviewerManagersNow);
        ArgumentNullException.ThrowIfNull(parties);
        if (string.Equals(reviewerUserId, parties.RaisedByUserId, StringComparison.Ordinal))
        {
            return $"{reviewerUserId} raised this concern and cannot review it.";
        }

        if (reviewerStaffRef is null)
        {
            return $"{reviewerUserId} is not linked to a staff record, so their independence from the case cannot be checked; an administrator can link the account to the reviewer's staff ref.";
        }

        if (string.Equals(reviewerStaffRef, parties.SubjectRef, StringComparison.Ordinal))
        {
            return $"{reviewerUserId} is the person concerned and cannot review the case.";
        }

        if (string.Equals(reviewerStaffRef, parties.RaiserRef, StringComparison.Ordinal))
        {
            return $"{reviewerUserId} is the person who raised this concern (under another account) and cannot review it.";
        }

        if (parties.SubjectManagersNow.Contains(reviewerStaffRef) || parties.SubjectManagersAtRaising.Contains(reviewerStaffRef))
        {
            return $"{reviewerUserId} is in the line management of the person concerned (now or when the concern was raised) and cannot review the case.";
        }

        if (parties.RaiserManagersNow.Contains(reviewerStaffRef) || parties.RaiserManagersAtRaising.Contains(reviewerStaffRef))
        {
            return $"{reviewerUserId} is in the line management of the manager who raised this concern and cannot review it.";
        }

        if (reviewerManagersNow.Contains(parties.SubjectRef)
            || (parties.RaiserRef is not null && reviewerManagersNow.Contains(parties.RaiserRef)))
        {
            return $"{reviewerUserId} reports to the person concerned or to the manager who raised this concern and cannot review it.";
        }

        return null;
    }
}
