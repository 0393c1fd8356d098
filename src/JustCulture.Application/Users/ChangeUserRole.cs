using JustCulture.Application.Common;
using JustCulture.Domain.Users;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;

namespace JustCulture.Application.Users;

public sealed record ChangeUserRoleCommand(string UserId, string Role, Actor Actor);

/// <summary>Gives a user another role, logged as AddUser logs the first one. The role is read from the users
/// table on every request, so it takes effect at the user's next request.</summary>
public sealed class ChangeUserRoleHandler(JustCultureDbContext db, TimeProvider clock, DecisionLogWriter log)
{
    public async Task<User> HandleAsync(ChangeUserRoleCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!UserRoles.TryParse(command.Role, out var role))
        {
            throw UseCaseException.Invalid(nameof(command.Role), UserRoles.ChooseMessage);
        }

        return await UserAdministration.ChangeAsync(db, log, command.UserId, async (user, ct) =>
        {
            if (user.Role == role)
            {
                throw UseCaseException.RuleViolated($"{user.UserId} already has this role.", nameof(command.Role));
            }

            await UserAdministration.RefuseIfLastActiveAdministratorAsync(db, user, nameof(command.Role),
                "This is the last active administrator: make someone else an administrator first.", ct);
            user.ChangeRole(role);
            return UserAdministration.Entry(LogEventTypes.UserRoleChanged, $"User {user.UserId} role changed", role.ToString(), command.Actor, clock);
        }, cancellationToken);
    }
}

/// <summary>Roles as commands spell them: by name, never by number.</summary>
public static class UserRoles
{
    public static string ChooseMessage { get; } = $"Choose a role: one of {string.Join(", ", Enum.GetNames<Role>())}.";

    public static bool TryParse(string? text, out Role role) =>
        Enum.TryParse(text, ignoreCase: true, out role) && Enum.IsDefined(role) && !int.TryParse(text, out _);
}
