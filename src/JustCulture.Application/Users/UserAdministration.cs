using JustCulture.Application.Common;
using JustCulture.Domain.Users;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Users;

/// <summary>
/// What every change to an existing user shares: one transaction that first locks the user and every
/// administrator's row (so two administrators changing users at once run one after the other, and the
/// last-administrator rule sees the other's change), loads the user, applies the change and logs it.
/// </summary>
internal static class UserAdministration
{
    public static Task<User> ChangeAsync(JustCultureDbContext db, DecisionLogWriter log, string userId, Func<User, CancellationToken, Task<DecisionLogEntry>> change,
        CancellationToken cancellationToken) =>
        StepTransaction.RunAsync(db, async ct =>
        {
            var id = (userId ?? string.Empty).Trim();
            // A no-op update: the same row lock on every provider, held until the transaction ends.
            await db.Users.Where(u => u.Role == Role.Administrator || u.UserId == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Role, u => u.Role), ct);
            var user = await FindAsync(db, id, ct);
            var entry = await change(user, ct);
            await log.AppendAsync(db, [entry], ct);
            return user;
        }, cancellationToken);

    public static async Task<User> FindAsync(JustCultureDbContext db, string userId, CancellationToken cancellationToken)
    {
        var id = (userId ?? string.Empty).Trim();
        return await db.Users.SingleOrDefaultAsync(u => u.UserId == id, cancellationToken)
            ?? throw UseCaseException.NotFound($"There is no user '{id}'.");
    }

    /// <summary>Refuses a change that would leave nobody able to administer users.</summary>
    public static async Task RefuseIfLastActiveAdministratorAsync(JustCultureDbContext db, User user, string field, string message, CancellationToken cancellationToken)
    {
        if (user.Role != Role.Administrator || !user.IsActive)
        {
            return;
        }

        var others = await db.Users.CountAsync(u => u.Role == Role.Administrator && u.DeactivatedAtUtc == null && u.UserId != user.UserId, cancellationToken);
        if (others == 0)
        {
            throw UseCaseException.RuleViolated(message, field);
        }
    }

    public static DecisionLogEntry Entry(string eventType, string question, string? answer, Actor actor, TimeProvider clock) => new()
    {
        EventType = eventType,
        Question = question,
        Answer = answer,
        ActorId = actor.UserId,
        ActorRole = actor.Role,
        OccurredAtUtc = clock.GetUtcNow().UtcDateTime,
    };
}
