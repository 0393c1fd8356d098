using JustCulture.Application.Common;
using JustCulture.Domain.Users;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Users;

public sealed record AddUserCommand(string UserId, string Name, string Role, string? StaffRef, Actor Actor);

/// <summary>Adds a user with a role. Role changes are decisions about who may decide, so they are logged.</summary>
public sealed class AddUserHandler(JustCultureDbContext db, TimeProvider clock)
{
    public async Task<User> HandleAsync(AddUserCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (!Enum.TryParse<Role>(command.Role, ignoreCase: true, out var role) || !Enum.IsDefined(role))
        {
            throw UseCaseException.Invalid($"Unknown role '{command.Role}'; use one of {string.Join(", ", Enum.GetNames<Role>())}.");
        }

        if (await db.Users.AnyAsync(u => u.UserId == command.UserId, cancellationToken))
        {
            throw UseCaseException.Conflict($"User '{command.UserId}' already exists.");
        }

        if (!string.IsNullOrWhiteSpace(command.StaffRef) && !await db.Staff.AnyAsync(s => s.StaffRef == command.StaffRef, cancellationToken))
        {
            throw UseCaseException.NotFound($"Unknown staff ref '{command.StaffRef}': import the staff file first.");
        }

        return await StepTransaction.RunAsync(db, async ct =>
        {
            var user = User.Create(command.UserId, command.Name, role, command.StaffRef);
            db.Users.Add(user);
            await DecisionLogStore.AppendAsync(db, [new DecisionLogEntry
            {
                EventType = LogEventTypes.UserAdded,
                Question = $"User {user.UserId} added",
                Answer = user.Role.ToString(),
                ActorId = command.Actor.UserId,
                ActorRole = command.Actor.Role,
                OccurredAtUtc = clock.GetUtcNow().UtcDateTime,
            }], ct);
            return user;
        }, cancellationToken);
    }
}
