using JustCulture.Application.Common;
using JustCulture.Domain.Users;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;

namespace JustCulture.Application.Users;

public sealed record SetUserActiveCommand(string UserId, bool Active, Actor Actor);

/// <summary>
/// Deactivates or reactivates a user — never deletes one, since decisions and cases name them. A deactivated
/// user cannot sign in and every request they make with an existing cookie or token is refused (the web app
/// checks the users table on each request); their sessions are also ended in the sign-in store.
/// </summary>
public sealed class SetUserActiveHandler(JustCultureDbContext db, TimeProvider clock, IEnumerable<ISignInAccounts> signInStores, DecisionLogWriter log)
{
    public async Task<User> HandleAsync(SetUserActiveCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var user = await UserAdministration.ChangeAsync(db, log, command.UserId, async (user, ct) =>
        {
            if (command.Active)
            {
                if (user.IsActive)
                {
                    throw UseCaseException.RuleViolated($"{user.UserId} is already active.", nameof(command.UserId));
                }

                user.Reactivate();
                return UserAdministration.Entry(LogEventTypes.UserReactivated, $"User {user.UserId} reactivated", null, command.Actor, clock);
            }

            if (!user.IsActive)
            {
                throw UseCaseException.RuleViolated($"{user.UserId} is already deactivated.", nameof(command.UserId));
            }

            if (string.Equals(user.UserId, command.Actor.UserId, StringComparison.Ordinal))
            {
                throw UseCaseException.RuleViolated("You cannot deactivate yourself: ask another administrator.", nameof(command.UserId));
            }

            await UserAdministration.RefuseIfLastActiveAdministratorAsync(db, user, nameof(command.UserId),
                "This is the last active administrator: make someone else an administrator first.", ct);
            user.Deactivate(clock.GetUtcNow().UtcDateTime);
            return UserAdministration.Entry(LogEventTypes.UserDeactivated, $"User {user.UserId} deactivated", null, command.Actor, clock);
        }, cancellationToken);

        if (!user.IsActive)
        {
            // After the commit: the users table already refuses them on every request; this also ends refresh tokens.
            foreach (var signIns in signInStores)
            {
                await signIns.EndSessionsAsync(user.UserId, cancellationToken);
            }
        }

        return user;
    }
}
