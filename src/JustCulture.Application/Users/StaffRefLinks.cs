using JustCulture.Application.Common;
using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Users;

/// <summary>A staff record belongs to at most one user account: the person who signs in as that user.</summary>
public static class StaffRefLinks
{
    /// <summary>Refuses (409, keyed by <paramref name="field"/>) a staff ref that another user already has.</summary>
    public static async Task RefuseIfLinkedAsync(JustCultureDbContext db, string? staffRef, string field, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (staffRef is null)
        {
            return;
        }

        var holder = await db.Users.Where(u => u.StaffRef == staffRef).Select(u => u.UserId).FirstOrDefaultAsync(cancellationToken);
        if (holder is not null)
        {
            throw UseCaseException.Fields(UseCaseError.Conflict,
                [new(field, $"Staff ref '{staffRef}' is already linked to user '{holder}': a staff record belongs to one user account.")]);
        }
    }
}
