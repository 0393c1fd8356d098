using System.Collections.Concurrent;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace JustCulture.Application.Tests.Failover;

/// <summary>
/// The database survives losing its machine: a primary with a synchronous streaming-replication standby, the
/// application connected to both hosts (it writes to whichever is primary). Line managers keep raising concerns and
/// answering the checklist while the primary is killed with SIGKILL and the standby promoted; every decision the
/// application was told had been saved must be on the new primary, and the log there must verify against the
/// checkpoints signed before the loss.
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class PrimaryLossTests(ITestOutputHelper output)
{
    private static readonly string[] Subjects = ["S001", "S002", "S003", "S004"];
    private static readonly TimeSpan PhaseTimeout = TimeSpan.FromSeconds(90);

    [PostgresFact]
    public async Task KeepsEveryAcknowledgedDecisionGivenThePrimaryIsKilledAndTheStandbyPromoted()
    {
        await using var servers = await PostgresReplicatedPair.StartAsync();
        await servers.CreateDatabaseAsync("trust");
        await using var app = await TestApp.StartOnAsync(DatabaseLocation.Parse("postgres:" + servers.FailoverConnectionString("trust")));
        await SmallTrust.SeedAsync(app);

        var decisions = new Decisions();
        using var stop = new CancellationTokenSource();
        var workers = Subjects.Select(subject => Task.Run(() => RaiseAndAnswerAsync(app, subject, decisions, stop.Token))).ToList();

        await decisions.WaitForAsync(20, PhaseTimeout);
        // Signed while the first primary is alive: the new primary's log must be consistent with it.
        await app.CheckpointAsync();
        await decisions.WaitForAsync(decisions.Count + 8, PhaseTimeout);

        servers.KillPrimary();
        var acknowledgedBeforeLoss = decisions.Count;
        await Task.Delay(TimeSpan.FromSeconds(1));
        var failuresBeforePromotion = decisions.FailuresDuringLoss;
        var promoted = System.Diagnostics.Stopwatch.StartNew();
        servers.PromoteStandby();

        // The application finds the new primary by itself and carries on.
        var acknowledgedAtPromotion = decisions.Count;
        await decisions.WaitForAsync(acknowledgedAtPromotion + 1, PhaseTimeout);
        var firstAfterPromotion = promoted.Elapsed;
        await decisions.WaitForAsync(decisions.Count + 12, PhaseTimeout);
        await stop.CancelAsync();
        await Task.WhenAll(workers);

        output.WriteLine($"acknowledged before the loss: {acknowledgedBeforeLoss}; failed attempts before promotion: {failuresBeforePromotion}, "
            + $"in all: {decisions.FailuresDuringLoss}; first acknowledged {firstAfterPromotion.TotalMilliseconds:0} ms after promotion; acknowledged in all: {decisions.Count}");
        decisions.FailuresDuringLoss.ShouldBeGreaterThan(0, "the workers must have met the lost primary, or nothing was tested");
        acknowledgedBeforeLoss.ShouldBeGreaterThanOrEqualTo(28);
        var onNewPrimary = DatabaseLocation.Parse("postgres:" + PostgresReplicatedPair.DirectConnectionString(servers.StandbyPort, "trust"));
        await using (var db = onNewPrimary.CreateContext())
        {
            var concerns = decisions.Concerns.ToHashSet();
            var storedConcerns = await db.Concerns.Where(c => concerns.Contains(c.Id)).Select(c => c.Id).ToListAsync();
            storedConcerns.Count.ShouldBe(concerns.Count, "every concern whose opening was acknowledged must be there");
            var raised = await db.DecisionLog.CountAsync(e => e.EventType == LogEventTypes.ConcernOpened && concerns.Contains(e.ConcernId!.Value));
            raised.ShouldBe(concerns.Count);

            var answered = decisions.AnsweredTasks.ToHashSet();
            var completed = await db.Bookmarks.CountAsync(b => answered.Contains(b.Id) && b.CompletedAtUtc != null);
            completed.ShouldBe(answered.Count, "every answer that was acknowledged must be there");
            var answeredConcerns = decisions.AnsweredConcerns.ToHashSet();
            var answers = await db.DecisionLog
                .Where(e => e.EventType == LogEventTypes.QuestionAnswered && answeredConcerns.Contains(e.ConcernId!.Value))
                .Select(e => e.ConcernId)
                .Distinct()
                .CountAsync();
            answers.ShouldBe(answeredConcerns.Count);
        }

        await app.CheckpointAsync();
        var verification = await app.RunAsync<Log.VerifyLogHandler, LogVerification>(h => h.HandleAsync());
        verification.IsIntact.ShouldBeTrue(verification.Problem);
        verification.CheckpointsChecked.ShouldBeGreaterThanOrEqualTo(2, "the checkpoint signed before the loss and the one after");
    }

    /// <summary>One line manager's loop, bounded: raise a concern about the subject and answer its first question,
    /// recording only what the application acknowledged. A failure (the primary gone, no primary yet) is retried.</summary>
    private static async Task RaiseAndAnswerAsync(TestApp app, string subject, Decisions decisions, CancellationToken stop)
    {
        for (var iteration = 0; iteration < 400 && !stop.IsCancellationRequested; iteration++)
        {
            try
            {
                var concernId = await app.OpenConcernAsync(subject, SmallTrust.LineManager);
                decisions.ConcernOpened(concernId);
                var task = await app.NextTaskAsync(concernId);
                await app.CompleteAsync(task.TaskId, SmallTrust.LineManager, "No");
                decisions.TaskAnswered(concernId, task.TaskId);
            }
            catch (Exception ex) when (ex is not Shouldly.ShouldAssertException)
            {
                decisions.Failed();
                await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
            }
        }
    }

    /// <summary>What the application acknowledged: a handler that returned, never one that threw.</summary>
    private sealed class Decisions
    {
        private readonly ConcurrentQueue<Guid> _concerns = new();
        private readonly ConcurrentQueue<(Guid Concern, Guid Task)> _answers = new();
        private int _count;
        private int _failures;

        public int Count => Volatile.Read(ref _count);

        /// <summary>Failed attempts; a healthy primary gives none, so any are the loss being met.</summary>
        public int FailuresDuringLoss => Volatile.Read(ref _failures);

        public IEnumerable<Guid> Concerns => _concerns;

        public IEnumerable<Guid> AnsweredTasks => _answers.Select(a => a.Task);

        public IEnumerable<Guid> AnsweredConcerns => _answers.Select(a => a.Concern);

        public void ConcernOpened(Guid concernId)
        {
            _concerns.Enqueue(concernId);
            Interlocked.Increment(ref _count);
        }

        public void TaskAnswered(Guid concernId, Guid taskId)
        {
            _answers.Enqueue((concernId, taskId));
            Interlocked.Increment(ref _count);
        }

        public void Failed() => Interlocked.Increment(ref _failures);

        public async Task WaitForAsync(int count, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (Count < count)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Only {Count} of {count} decisions acknowledged within {timeout.TotalSeconds:0} s ({FailuresDuringLoss} failed attempts).");
                }

                await Task.Delay(50);
            }
        }
    }
}
