using JustCulture.Domain;
using JustCulture.Domain.Users;
using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Users;

public sealed record UserView(string UserId, string Name, string Role, string? StaffRef, bool IsActive = true, DateTime? DeactivatedAtUtc = null)
{
    public static UserView Of(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new(user.UserId, user.Name, user.Role.ToString(), user.StaffRef, user.IsActive, user.DeactivatedAtUtc);
    }
}

/// <param name="Search">Matches part of a user ID or name, or a role by its name or in words ("commissioning manager").</param>
/// <param name="Page">1-based; a page past the end gives the last page.</param>
public sealed record ListUsersQuery(string? Search = null, int Page = 1, int PageSize = ListUsersHandler.DefaultPageSize);

public sealed record UsersPage(IReadOnlyList<UserView> Users, int Page, int PageCount, int Total, string? Search);

/// <summary>Users and their roles for administrators, searched and paged in the database.</summary>
public sealed class ListUsersHandler(JustCultureDbContext db)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Every user, by role then user ID.</summary>
    public async Task<IReadOnlyList<UserView>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var users = await db.Users.AsNoTracking().ToListAsync(cancellationToken);
        return users
            .OrderBy(u => u.Role).ThenBy(u => u.UserId, StringComparer.Ordinal)
            .Select(UserView.Of)
            .ToList();
    }

    public async Task<UsersPage> HandleAsync(ListUsersQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim();
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        IQueryable<User> users = db.Users.AsNoTracking();
        if (search is not null)
        {
            var pattern = "%" + search.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
                .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            var roles = RolesMatching(search);
            users = users.Where(u => EF.Functions.Like(u.UserId.ToLower(), pattern, "\\")
                || EF.Functions.Like(u.Name.ToLower(), pattern, "\\")
                || roles.Contains(u.Role));
        }

        var total = await users.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + size - 1) / size);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var rows = await users.OrderBy(u => u.UserId).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new UsersPage(rows.Select(UserView.Of).ToList(), page, pageCount, total, search);
    }

    public async Task<UserView?> FindAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(userId);
        var id = userId.Trim();
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserId == id, cancellationToken);
        return user is null ? null : UserView.Of(user);
    }

    /// <summary>Roles whose name or words contain the search ("admin", "Auditor", "line manager").</summary>
    private static List<Role> RolesMatching(string search) =>
        Enum.GetValues<Role>()
            .Where(r => r.ToString().Contains(search.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)
                || Vocabulary.Role(r).Contains(search, StringComparison.OrdinalIgnoreCase))
            .ToList();
}
