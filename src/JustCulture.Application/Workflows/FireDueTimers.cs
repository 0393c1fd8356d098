using JustCulture.Application.Common;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.Workflows;
using JustCulture.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace JustCulture.Application.Workflows;

/// <summary>What one round of the timer picker did.</summary>
/// <param name="Fired">Timers that fired, their instances run on and their steps committed.</param>
/// <param name="Failed">Timers whose firing failed; each instance was left as it was and the timer retries later.</param>
/// <param name="Skipped">Due timers another node claimed or fired first.</param>
public sealed record TimerRound(int Fired, int Failed, int Skipped);

/// <summary>A durable timer still waiting, for the administrator's view.</summary>
public sealed record WaitingTimerView(Guid TimerId, Guid ConcernId, string ActivityId, DateTime DueAtUtc, int Attempts, string? LastError);

/// <summary>
/// Picks up due durable timers and fires them (docs/domain/workflow-runtime.md, "Durable timers"). Safe with several
/// nodes: a node first claims a due timer with a lease (a conditional update only one node can win), then fires it
/// as one case step — the case locked, the instance run on from the timer, its transitions, bookmarks, new timers and
/// log entries committed together, and the timer stamped as fired in that same transaction. If two nodes still race
/// (a lease ran out mid-step), the stamp's and the instance's concurrency checks let only one commit.
/// A firing that fails leaves the instance unchanged and backs the timer off.
/// </summary>
public sealed class FireDueTimersHandler(JustCultureDbContext db, TriageWorkflow triage, WorkflowRunner runner, TimeProvider clock,
    DecisionLogWriter log, ILogger<FireDueTimersHandler>? logger = null)
{
    /// <summary>Who the log records as firing a timer: the service, never a person.</summary>
    public static readonly Actor TimerService = new("timer-service", "System");

    /// <summary>How long a claim holds: far longer than one step, so only a node that died loses its claim.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>The longest a failing timer waits before its next attempt.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    private readonly ILogger _logger = logger ?? NullLogger<FireDueTimersHandler>.Instance;

    /// <param name="node">This node's name, stored on the claim so an operator can see who holds a timer.</param>
    /// <param name="batch">At most this many timers in one round, oldest due first.</param>
    public async Task<TimerRound> HandleAsync(string node, int batch = 50, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(node);
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.WorkflowTimers.AsNoTracking()
            .Where(t => t.FiredAtUtc == null && t.DueAtUtc <= now && (t.LeasedUntilUtc == null || t.LeasedUntilUtc < now))
            .OrderBy(t => t.DueAtUtc).ThenBy(t => t.Id)
            .Select(t => t.Id)
            .Take(batch)
            .TagWith("timers: due")
            .ToListAsync(cancellationToken);

        int fired = 0, failed = 0, skipped = 0;
        foreach (var timerId in due)
        {
            if (!await ClaimAsync(timerId, node, now, cancellationToken))
            {
                skipped++;
                continue;
            }

            try
            {
                if (await FireAsync(timerId, cancellationToken))
                {
                    fired++;
                }
                else
                {
                    skipped++;
                }
            }
            catch (Exception failure) when (failure is WorkflowExecutionException or WorkflowResumeException or UseCaseException)
            {
                failed++;
                await BackOffAsync(timerId, failure, cancellationToken);
            }
        }

        return new TimerRound(fired, failed, skipped);
    }

    /// <summary>Timers still waiting, soonest first.</summary>
    public async Task<IReadOnlyList<WaitingTimerView>> WaitingAsync(int take = 100, CancellationToken cancellationToken = default) =>
        await db.WorkflowTimers.AsNoTracking()
            .Where(t => t.FiredAtUtc == null)
            .OrderBy(t => t.DueAtUtc).ThenBy(t => t.Id)
            .Take(take)
            .Select(t => new WaitingTimerView(t.Id, t.CorrelationId, t.ActivityId, t.DueAtUtc, t.Attempts, t.LastError))
            .ToListAsync(cancellationToken);

    // Only one node can move an unclaimed (or expired) lease to itself: the others' updates match no row.
    private async Task<bool> ClaimAsync(Guid timerId, string node, DateTime now, CancellationToken cancellationToken)
    {
        var until = now + Lease;
        var claimed = await db.WorkflowTimers
            .Where(t => t.Id == timerId && t.FiredAtUtc == null && (t.LeasedUntilUtc == null || t.LeasedUntilUtc < now))
            .TagWith("timers: claim")
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LeasedBy, node).SetProperty(t => t.LeasedUntilUtc, until), cancellationToken);
        return claimed == 1;
    }

    /// <returns>False when the timer had already fired (another node's step committed first).</returns>
    private async Task<bool> FireAsync(Guid timerId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        try
        {
            return await StepTransaction.RunAsync(db, async ct =>
            {
                var timer = await db.WorkflowTimers.AsNoTracking().SingleAsync(t => t.Id == timerId, ct);
                // The same lock every case step takes first, so a person's step on this case and the timer queue.
                await db.Concerns.Where(c => c.Id == timer.CorrelationId)
                    .TagWith("timers: lock the case")
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version), ct);
                var instance = await db.WorkflowInstances
                    .Include(w => w.Bookmarks)
                    .Include(w => w.Timers.Where(t => t.FiredAtUtc == null))
                    .SingleAsync(w => w.Id == timer.WorkflowInstanceId, ct);
                if (!instance.Timers.Any(t => t.Id == timerId))
                {
                    return false;
                }

                var concern = await db.Concerns.Include(c => c.Actions).SingleAsync(c => c.Id == timer.CorrelationId, ct);
                var action = concern.ActionForInstance(instance.Id);
                var definition = triage.PinnedTo(instance.DefinitionId, instance.DefinitionVersion, instance.DefinitionSha256);
                var now = clock.GetUtcNow().UtcDateTime;
                var run = runner.FireTimer(definition, WorkflowInstanceMapping.ToState(instance), timerId, now);
                var entries = TriageStepRecorder.Record(concern, action, definition, run, TimerService, answer: null, now);
                WorkflowInstanceMapping.Apply(instance, run.State, now, TimerService.UserId);
                action.MarkChanged();
                concern.Touch();
                await log.AppendAsync(db, entries, ct);
                return true;
            }, cancellationToken);
        }
        catch (UseCaseException conflict) when (conflict.Error == UseCaseError.Conflict)
        {
            // Another node's firing of this timer committed between our claim and our commit: not a failure.
            if (await FiredAsync(timerId, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    private Task<bool> FiredAsync(Guid timerId, CancellationToken cancellationToken) =>
        db.WorkflowTimers.AsNoTracking().AnyAsync(t => t.Id == timerId && t.FiredAtUtc != null, cancellationToken);

    // The instance stays as it was (the step rolled back); the timer keeps its place and is tried again later.
    private async Task BackOffAsync(Guid timerId, Exception failure, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var timer = await db.WorkflowTimers.SingleAsync(t => t.Id == timerId, cancellationToken);
        timer.Attempts++;
        var wait = TimeSpan.FromMinutes(Math.Min(MaxBackoff.TotalMinutes, Math.Pow(2, Math.Min(timer.Attempts, 10))));
        timer.LeasedUntilUtc = clock.GetUtcNow().UtcDateTime + wait;
        timer.LastError = failure.Message.Length > 1000 ? failure.Message[..1000] : failure.Message;
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        // The runtime's messages name the file and activity, never a person or free text.
        _logger.LogWarning("Timer {TimerId} failed to fire (attempt {Attempts}); next attempt in {Wait}: {Reason}", timerId, timer.Attempts, wait, timer.LastError);
    }
}
