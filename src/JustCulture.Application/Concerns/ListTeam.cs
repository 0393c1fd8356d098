using JustCulture.Application.Common;
using JustCulture.Domain.Users;
using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Concerns;

/// <summary>A member of the signed-in line manager's own team: what they need to pick the right person, nothing more.</summary>
public sealed record TeamMemberView(string StaffRef, string Name, string Band, string StaffGroup);

/// <summary>
/// The staff a line manager may raise a concern about: those whose recorded line manager is the user's
/// own staff record. Ethnicity is deliberately not part of the view.
/// </summary>
public sealed class ListTeamHandler(JustCultureDbContext db)
{
    public async Task<IReadOnlyList<TeamMemberView>> HandleAsync(string lineManagerUserId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserId == lineManagerUserId, cancellationToken)
            ?? throw UseCaseException.NotFound($"Unknown user '{lineManagerUserId}'.");
        if (user.Role != Role.LineManager)
        {
            throw UseCaseException.Forbidden($"Only a line manager has a team to raise concerns about; {user.UserId} is {user.Role}.");
        }

        if (user.StaffRef is null)
        {
            return [];
        }

        return await db.Staff.AsNoTracking()
            .Where(s => s.LineManagerRef == user.StaffRef)
            .OrderBy(s => s.Name).ThenBy(s => s.StaffRef)
            .Select(s => new TeamMemberView(s.StaffRef, s.Name, s.Band, s.StaffGroup))
            .ToListAsync(cancellationToken);
    }
}
