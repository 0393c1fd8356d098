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
        // Joining a caller's transaction: the caller commits, or rolls back and clears what it tracked.
        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var result = await step(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (owned is not null)
            {
                await owned.CommitAsync(cancellationToken);
            }

            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            await AbandonAsync(db, owned);
            throw UseCaseException.Conflict("This has moved on since you loaded it. Reload it and try again.");
        }
        catch (DomainRuleException rule)
        {
            await AbandonAsync(db, owned);
            throw UseCaseException.RuleViolated(rule.Message, rule.Field);
        }
        catch
        {
            await AbandonAsync(db, owned);
            throw;
        }
        finally
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
        }
    }

    private static async Task AbandonAsync(JustCultureDbContext db, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction? owned)
    {
        if (owned is null)
        {
            return;
        }

        await owned.RollbackAsync(CancellationToken.None);
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
