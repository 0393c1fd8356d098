using System.Security.Cryptography;
using JustCulture.Application.Common;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace JustCulture.Application.Users;

/// <param name="Password">The temporary password the administrator chose, or null to generate one.</param>
public sealed record ResetUserPasswordCommand(string UserId, string? Password, Actor Actor);

/// <param name="GeneratedPassword">The generated password, to show the administrator once; null when they chose it.</param>
public sealed record PasswordResetResult(string UserId, string? GeneratedPassword);

/// <summary>
/// An administrator gives a user a temporary password (theirs or a generated one). The user's sessions end and
/// they must choose their own password at their next sign-in. Logged (never the password itself).
/// </summary>
public sealed class ResetUserPasswordHandler(JustCultureDbContext db, TimeProvider clock, IEnumerable<ISignInAccounts> signInStores, DecisionLogWriter log)
{
    public async Task<PasswordResetResult> HandleAsync(ResetUserPasswordCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var signIns = signInStores.FirstOrDefault() ?? throw new InvalidOperationException("This host keeps no password sign-ins.");
        var userId = (command.UserId ?? string.Empty).Trim();
        if (!await db.Users.AnyAsync(u => u.UserId == userId, cancellationToken))
        {
            throw UseCaseException.NotFound($"There is no user '{userId}'.");
        }

        if (!await signIns.ExistsAsync(userId, cancellationToken))
        {
            throw UseCaseException.RuleViolated($"{userId} signs in through the trust's identity provider and has no password here.", nameof(command.UserId));
        }

        var generated = command.Password is null ? GeneratePassword() : null;
        var password = command.Password ?? generated!;
        if (password.Length == 0)
        {
            throw UseCaseException.Invalid(nameof(command.Password), "Enter a temporary password, or generate one.");
        }

        var problems = await signIns.PasswordProblemsAsync(userId, password, cancellationToken);
        if (problems.Count > 0)
        {
            throw UseCaseException.InvalidFields(problems.Select(p => new FieldProblem(nameof(command.Password), p)).ToList());
        }

        await UserAdministration.ChangeAsync(db, log, userId, async (user, ct) =>
        {
            await signIns.SetPasswordAsync(user.UserId, password, mustChange: true, db.Database.GetDbConnection(), db.Database.CurrentTransaction!.GetDbTransaction(), ct);
            return UserAdministration.Entry(LogEventTypes.UserPasswordReset, $"User {user.UserId} password reset", null, command.Actor, clock);
        }, cancellationToken);
        return new PasswordResetResult(userId, generated);
    }

    /// <summary>16 characters from an alphabet without look-alikes (0/O, 1/l/I), always with every class the
    /// password rules ask for.</summary>
    public static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789", symbols = "-_!?#%+=";
        const string all = upper + lower + digits + symbols;
        var chars = new List<char>
        {
            upper[RandomNumberGenerator.GetInt32(upper.Length)],
            lower[RandomNumberGenerator.GetInt32(lower.Length)],
            digits[RandomNumberGenerator.GetInt32(digits.Length)],
            symbols[RandomNumberGenerator.GetInt32(symbols.Length)],
        };
        while (chars.Count < 16)
        {
            chars.Add(all[RandomNumberGenerator.GetInt32(all.Length)]);
        }

        return new string(chars.OrderBy(_ => RandomNumberGenerator.GetInt32(int.MaxValue)).ToArray());
    }
}
