using System.Data.Common;
using JustCulture.Application.Common;
using JustCulture.Domain.Users;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace JustCulture.Application.Users;

/// <param name="Password">An initial password for a sign-in created with the user, in the same transaction;
/// null for a user who signs in through the trust's identity provider.</param>
/// <param name="Organisation">The work email and/or object id by which the trust's identity provider will know the
/// user, recorded with the user in the same transaction (checked by the host beforehand); null for none.</param>
public sealed record AddUserCommand(string UserId, string Name, string Role, string? StaffRef, Actor Actor, string? Password = null,
    OrganisationSignIn? Organisation = null);

/// <summary>How the trust's identity provider will know a user: a work email, an object id, or both.</summary>
public sealed record OrganisationSignIn(string? Email, string? ObjectId);

/// <summary>Password sign-ins, kept by the host (the web app's Identity store) in the product's database.</summary>
public interface ISignInAccounts
{
    /// <summary>What is wrong with <paramref name="password"/> for this user, checked before anything is stored.</summary>
    Task<IReadOnlyList<string>> PasswordProblemsAsync(string userId, string password, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Creates the sign-in on the caller's connection, inside the caller's transaction.</summary>
    Task CreateAsync(string userId, string password, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Records how the trust's identity provider will know the user (creating a sign-in without a password
    /// if there is none yet), on the caller's connection, inside the caller's transaction.</summary>
    Task LinkOrganisationAsync(string userId, OrganisationSignIn organisation, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Replaces the sign-in's password on the caller's connection and transaction, ends its sessions and
    /// clears any lockout; <paramref name="mustChange"/> makes the user choose their own at next sign-in.</summary>
    Task SetPasswordAsync(string userId, string password, bool mustChange, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Ends every session and refresh token of the sign-in (a new security stamp), if it has one.</summary>
    Task EndSessionsAsync(string userId, CancellationToken cancellationToken);
}

/// <summary>Adds a user with a role (and, when a password is given, their sign-in) in one transaction.
/// Role changes are decisions about who may decide, so they are logged.</summary>
public sealed class AddUserHandler(JustCultureDbContext db, TimeProvider clock, IEnumerable<ISignInAccounts> signInStores, DecisionLogWriter log)
{
    public const int MaxUserIdLength = 64;
    public const int MaxNameLength = 200;

    public AddUserHandler(JustCultureDbContext db, TimeProvider clock, DecisionLogWriter log)
        : this(db, clock, [], log)
    {
    }

    public async Task<User> HandleAsync(AddUserCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var signIns = signInStores.FirstOrDefault();
        var problems = new List<FieldProblem>();
        InputRules.Text(problems, nameof(command.UserId), command.UserId, "the user ID", MaxUserIdLength, required: true, multiline: false);
        InputRules.Text(problems, nameof(command.Name), command.Name, "the name", MaxNameLength, required: true, multiline: false);
        InputRules.Text(problems, nameof(command.StaffRef), command.StaffRef, "the staff ref", 32, required: false, multiline: false);
        if (!Enum.TryParse<Role>(command.Role, ignoreCase: true, out var role) || !Enum.IsDefined(role) || int.TryParse(command.Role, out _))
        {
            problems.Add(new(nameof(command.Role), $"Choose a role: one of {string.Join(", ", Enum.GetNames<Role>())}."));
        }

        if ((command.Password is not null || command.Organisation is not null) && signIns is null)
        {
            throw new InvalidOperationException("A sign-in was asked for but this host keeps no sign-ins.");
        }

        if (command.Password is not null)
        {

            if (command.Password.Length == 0)
            {
                problems.Add(new(nameof(command.Password), "Enter an initial password."));
            }
            else if (problems.All(p => p.Field != nameof(command.UserId)))
            {
                problems.AddRange((await signIns!.PasswordProblemsAsync(command.UserId.Trim(), command.Password, cancellationToken))
                    .Select(message => new FieldProblem(nameof(command.Password), message)));
            }
        }

        InputRules.ThrowIfAny(problems);
        var userId = command.UserId.Trim();
        var staffRef = string.IsNullOrWhiteSpace(command.StaffRef) ? null : command.StaffRef.Trim();
        if (await db.Users.AnyAsync(u => u.UserId == userId, cancellationToken)
            || (signIns is not null && await signIns.ExistsAsync(userId, cancellationToken)))
        {
            throw UseCaseException.Fields(UseCaseError.Conflict, [new(nameof(command.UserId), $"A user called '{userId}' already exists.")]);
        }

        if (staffRef is not null && !await db.Staff.AnyAsync(s => s.StaffRef == staffRef, cancellationToken))
        {
            throw UseCaseException.Fields(UseCaseError.NotFound, [new(nameof(command.StaffRef), $"Unknown staff ref '{staffRef}': import the staff file first.")]);
        }

        return await StepTransaction.RunAsync(db, async ct =>
        {
            // Reviewer independence is decided by the staff ref: two accounts for one person would let them review
            // their own case under another name. Checked inside the transaction; the unique index is the backstop.
            await StaffRefLinks.RefuseIfLinkedAsync(db, staffRef, nameof(command.StaffRef), ct);
            var user = User.Create(userId, command.Name, role, staffRef);
            db.Users.Add(user);
            if (command.Password is not null)
            {
                // Same connection, same transaction: a user is never left without the sign-in, nor the other way round.
                await signIns!.CreateAsync(user.UserId, command.Password, db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction(), ct);
            }

            if (command.Organisation is not null)
            {
                await signIns!.LinkOrganisationAsync(user.UserId, command.Organisation, db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction(), ct);
            }

            await log.AppendAsync(db, [new DecisionLogEntry
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
