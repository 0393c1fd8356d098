using JustCulture.Application.Common;
using JustCulture.Domain.Concerns;
using JustCulture.Domain.Staff;
using JustCulture.Domain.Users;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Review;

/// <summary>The checks every review use case makes before it reads or changes a case.</summary>
internal static class ReviewAccess
{
    public static async Task<User> ReviewerAsync(JustCultureDbContext db, string reviewerUserId, CancellationToken cancellationToken)
    {
        var reviewer = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserId == reviewerUserId, cancellationToken)
            ?? throw UseCaseException.Forbidden($"Unknown user '{reviewerUserId}'.");
        if (reviewer.Role != Role.CommissioningManager)
        {
            throw UseCaseException.Forbidden($"Only a commissioning manager reviews cases; {reviewer.UserId} is {reviewer.Role}.");
        }

        return reviewer;
    }

    /// <summary>Refuses a reviewer who is not independent of the case (raised it, manages or is the subject).</summary>
    public static void EnsureIndependent(Concern concern, User reviewer, StaffMember subject)
    {
        if (concern.ReviewerConflict(reviewer, subject) is { } conflict)
        {
            throw UseCaseException.Forbidden(conflict);
        }
    }

    /// <summary>Unblinding is per reviewer and per case, and the log is its only record.</summary>
    public static Task<bool> IsUnblindedAsync(JustCultureDbContext db, Guid concernId, string reviewerUserId, CancellationToken cancellationToken) =>
        db.DecisionLog.AsNoTracking().AnyAsync(
            e => e.EventType == LogEventTypes.CaseUnblinded && e.ConcernId == concernId && e.ActorId == reviewerUserId,
            cancellationToken);
}
