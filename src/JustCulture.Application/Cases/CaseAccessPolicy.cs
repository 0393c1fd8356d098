using JustCulture.Application.Common;
using JustCulture.Domain.Concerns;
using JustCulture.Domain.Staff;
using JustCulture.Domain.Users;

namespace JustCulture.Application.Cases;

/// <summary>
/// The one rule for who may see or act on a case, used by every case query and step — pages, API and CLI
/// alike — and checked before anything about the case is revealed.
/// </summary>
public static class CaseAccessPolicy
{
    /// <summary>The refusal for <paramref name="actor"/>, or null when they may.</summary>
    /// <param name="actorStaff">The actor's own staff record (their person), if linked.</param>
    public static UseCaseException? Refusal(User? actor, StaffMember? actorStaff, CaseParties parties, CaseAccess access)
    {
        ArgumentNullException.ThrowIfNull(parties);
        if (actor is null)
        {
            return UseCaseException.Forbidden("Unknown user.");
        }

        var isRaiser = actor.Role == Role.LineManager && string.Equals(actor.UserId, parties.RaisedByUserId, StringComparison.Ordinal);
        switch (actor.Role)
        {
            case Role.LineManager when isRaiser && access is CaseAccess.View or CaseAccess.AnswerChecklist:
                return null;
            case Role.CommissioningManager when access is CaseAccess.View or CaseAccess.Review:
                return ReviewerConflict(actor, actorStaff, parties) is { } conflict ? UseCaseException.Forbidden(conflict) : null;
            default:
                // A non-party learns nothing about the case: not who raised it, not where it is.
                return UseCaseException.Forbidden(access switch
                {
                    CaseAccess.AnswerChecklist => "Only the line manager who raised this concern can answer its checklist.",
                    CaseAccess.Review => "Only an independent commissioning manager can review this case.",
                    _ => "You may not see this case.",
                });
        }
    }

    public static void Ensure(User? actor, StaffMember? actorStaff, CaseParties parties, CaseAccess access)
    {
        if (Refusal(actor, actorStaff, parties, access) is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>Why this commissioning manager is not independent of the case, or null.</summary>
    public static string? ReviewerConflict(User reviewer, StaffMember? reviewerStaff, CaseParties parties)
    {
        ArgumentNullException.ThrowIfNull(reviewer);
        // A link to a staff ref that is no longer in the staff table cannot be checked either.
        var person = reviewerStaff is null ? null : reviewer.StaffRef;
        return ReviewerIndependence.Conflict(reviewer.UserId, person, reviewerStaff?.Managers ?? [], parties);
    }

    /// <summary>The access a pending task needs: checklist questions are the raiser's, everything else the reviewer's.</summary>
    public static CaseAccess ForTaskRole(string role) =>
        string.Equals(role, nameof(Role.LineManager), StringComparison.Ordinal) ? CaseAccess.AnswerChecklist : CaseAccess.Review;
}
