using JustCulture.Domain;
using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Common;

/// <summary>
/// Runs one workflow step — state changes plus their decision-log entries — as one database transaction:
/// either all of it is stored or none of it. A step run inside a larger unit that already holds a transaction
/// (seeding the demo trust, all or nothing) joins it: the unit's owner commits or rolls back.
/// </summary>
public static class StepTransaction
{
    public static async Task<T> RunAsync<T>(JustCultureDbContext db, Func<CancellationToken, Task<T>> step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(step);
        if (db.Database.CurrentTransaction is not null)
        {
            return await JoinAsync(db, step, cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var result = await step(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            await AbandonAsync(db, transaction);
            throw UseCaseException.Conflict("This has moved on since you loaded it. Reload it and try again.");
        }
        catch (DomainRuleException rule)
        {
            await AbandonAsync(db, transaction);
            throw UseCaseException.RuleViolated(rule.Message, rule.Field);
        }
        catch
        {
            await AbandonAsync(db, transaction);
            throw;
        }
    }

    private static async Task<T> JoinAsync<T>(JustCultureDbContext db, Func<CancellationToken, Task<T>> step, CancellationToken cancellationToken)
    {
        try
        {
            var result = await step(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            throw UseCaseException.Conflict("This has moved on since you loaded it. Reload it and try again.");
        }
        catch (DomainRuleException rule)
        {
            throw UseCaseException.RuleViolated(rule.Message, rule.Field);
        }
    }

    private static async Task AbandonAsync(JustCultureDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction)
    {
        await transaction.RollbackAsync(CancellationToken.None);
        // Nothing of a failed step may leak into the next one through the change tracker.
        db.ChangeTracker.Clear();
    }

    public static Task RunAsync(JustCultureDbContext db, Func<CancellationToken, Task> step, CancellationToken cancellationToken) =>
        RunAsync(db, async ct =>
        {
            await step(ct);
            return true;
        }, cancellationToken);
}
