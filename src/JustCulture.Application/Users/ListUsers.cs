using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Users;

public sealed record UserView(string UserId, string Name, string Role, string? StaffRef);

/// <summary>Every user and their role, for administrators.</summary>
public sealed class ListUsersHandler(JustCultureDbContext db)
{
    public async Task<IReadOnlyList<UserView>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var users = await db.Users.AsNoTracking().ToListAsync(cancellationToken);
        return users
            .OrderBy(u => u.Role).ThenBy(u => u.UserId, StringComparer.Ordinal)
            .Select(u => new UserView(u.UserId, u.Name, u.Role.ToString(), u.StaffRef))
            .ToList();
    }
}
