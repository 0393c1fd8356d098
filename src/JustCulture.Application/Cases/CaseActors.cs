using JustCulture.Application.Common;
using JustCulture.Domain.Staff;
using JustCulture.Domain.Users;
using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Cases;

/// <summary>A signed-in user and their own staff record (the person the independence rule looks at).</summary>
public sealed record CaseActor(User User, StaffMember? Staff);

/// <summary>Loads the actor for queries over many cases (inboxes, queues), where the policy is applied per row.</summary>
internal static class CaseActors
{
    /// <summary>The actor; an unknown user is refused as forbidden (a signed-in account with no product user).</summary>
    public static async Task<CaseActor> LoadAsync(JustCultureDbContext db, string userId, CancellationToken cancellationToken) =>
        await FindAsync(db, userId, cancellationToken) ?? throw UseCaseException.Forbidden("Unknown user.");

    public static async Task<CaseActor?> FindAsync(JustCultureDbContext db, string userId, CancellationToken cancellationToken)
    {
        var row = await (
            from u in db.Users.AsNoTracking().Where(u => u.UserId == userId)
            join s in db.Staff.AsNoTracking() on u.StaffRef equals s.StaffRef into staff
            from s in staff.DefaultIfEmpty()
            select new { User = u, Staff = s })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : new CaseActor(row.User, row.Staff);
    }

    public static async Task<CaseActor> ReviewerAsync(JustCultureDbContext db, string userId, CancellationToken cancellationToken)
    {
        var actor = await LoadAsync(db, userId, cancellationToken);
        return actor.User.Role == Role.CommissioningManager
            ? actor
            : throw UseCaseException.Forbidden("Only a commissioning manager reviews cases.");
    }
}
