using System.Diagnostics;
using JustCulture.Application;
using JustCulture.Application.Concerns;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Benchmarks;

/// <summary>
/// Fills a running node's database (SQLite or PostgreSQL) with open tasks for one line manager, in this process,
/// through the product's own use case: each is a one-action concern raised by <see cref="OpenConcernHandler"/>,
/// so the rows, the first checklist task and the decision log entries (sealed, then integrated by the log's own
/// sequencer) are exactly what raising it over HTTP makes. Only the commits are shared: many concerns to a
/// transaction, each still whole inside it, as the scale seed does — so 50,000 take minutes, not an hour.
/// </summary>
internal static class OpenTaskFill
{
    private const int ConcernsPerCommit = 500;

    /// <summary>Raises concerns until <paramref name="raiserUserId"/> has <paramref name="target"/> open line-manager
    /// tasks; returns how many open tasks they then have.</summary>
    public static async Task<int> FillAsync(DatabaseLocation database, DecisionLogSettings log, string raiserUserId, IReadOnlyList<string> subjects, int target)
    {
        await using var services = new ServiceCollection()
            .AddJustCultureApplication(database, DependencyInjection.DefaultWorkflowsDirectory, log)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var sequencer = services.GetRequiredService<DecisionLogSequencer>();
        var clock = Stopwatch.StartNew();
        var open = await OpenTasksAsync(services, raiserUserId);
        var raised = 0;
        while (open + raised < target)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JustCultureDbContext>();
            var handler = scope.ServiceProvider.GetRequiredService<OpenConcernHandler>();
            var batch = Math.Min(ConcernsPerCommit, target - open - raised);
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                for (var i = 0; i < batch; i++, raised++)
                {
                    await handler.HandleAsync(new OpenConcernCommand(subjects[raised % subjects.Count], raiserUserId,
                        "Time-critical medication given late on a night shift", ["Administered the 02:00 dose at 03:40"], "Medication"));
                    // Each concern is saved: forgetting it keeps every later save's change detection small.
                    db.ChangeTracker.Clear();
                }

                await transaction.CommitAsync();
            }

            db.ChangeTracker.Clear();
            await sequencer.IntegrateAsync(db);
            if (raised % 2_500 < ConcernsPerCommit)
            {
                Console.Error.WriteLine($"  raised {raised:N0} concerns in {clock.Elapsed.TotalSeconds:F0} s");
            }
        }

        var now = await OpenTasksAsync(services, raiserUserId);
        Console.Error.WriteLine($"open line-manager tasks: {now:N0} ({raised:N0} concerns raised in-process in {clock.Elapsed.TotalSeconds:F1} s, {raised / Math.Max(0.001, clock.Elapsed.TotalSeconds):F0}/s)");
        return now;
    }

    private static async Task<int> OpenTasksAsync(IServiceProvider services, string raiserUserId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JustCultureDbContext>();
        return await (
            from b in db.Bookmarks
            where b.CompletedAtUtc == null && b.Role == "LineManager"
            join c in db.Concerns on b.CorrelationId equals c.Id
            where c.RaisedByUserId == raiserUserId
            select b.Id).CountAsync();
    }
}
