using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.Tests.Support;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Persistence.Tests.Log;

/// <summary>
/// docs/decisions/0008-a-log-no-insider-can-rewrite.md: writers take no lock on the log. Many steps committing at
/// once, each in its own context and transaction, while the sequencer integrates — or two sequencers on two
/// "nodes" race for the same queue — lose no entry, keep each step's entries together and in order, and leave
/// one tree that verifies.
/// </summary>
[Collection(PostgresFixture.Collection)]
public class DecisionLogConcurrencyTests
{
    private const int Writers = 6;
    private const int StepsPerWriter = 4;
    private const int EntriesPerStep = 3;
    private const int Total = Writers * StepsPerWriter * EntriesPerStep;

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    [SqlServerData]
    public async Task IntegratesEveryStepContiguouslyGivenConcurrentWritersAndASequencer(TestProvider provider)
    {
        using var log = await SignedLog.CreateAsync(provider, "concurrent");

        await WriteConcurrentlyAsync(log, log.Sequencer);
        await log.CheckpointAsync();

        await ShouldHoldEveryStepContiguouslyAsync(log);
    }

    [Theory]
    [PostgresData]
    [SqlServerData]
    public async Task LeavesOneConsistentTreeGivenTwoSequencersRacingOnOneDatabase(TestProvider provider)
    {
        using var log = await SignedLog.CreateAsync(provider, "two_nodes");
        using var otherNodeTrust = new DecisionLogTrust(log.Settings);
        _ = log.Trust.SealKey; // make the key file before the second node reads it
        var otherNode = new DecisionLogSequencer(otherNodeTrust, TimeProvider.System);

        await WriteConcurrentlyAsync(log, log.Sequencer, otherNode);
        await using (var db = log.CreateContext())
        {
            await otherNode.IntegrateAsync(db);
        }

        await log.CheckpointAsync();

        await ShouldHoldEveryStepContiguouslyAsync(log);
        await using var check = log.CreateContext();
        (await check.DecisionLogLeaves.CountAsync()).ShouldBe(Total);
        (await check.DecisionLogLeaves.Select(l => l.EntryId).Distinct().CountAsync()).ShouldBe(Total);
        (await check.DecisionLogTreeHeads.OrderByDescending(h => h.TreeSize).Select(h => h.TreeSize).FirstAsync()).ShouldBe(Total);
        var verified = await DecisionLogVerifier.VerifyAsync(check, otherNodeTrust);
        verified.IsIntact.ShouldBeTrue(verified.Problem);
    }

    /// <summary>Every writer appends its steps in separate contexts while each sequencer integrates in a loop until they are done.</summary>
    private static async Task WriteConcurrentlyAsync(SignedLog log, params DecisionLogSequencer[] sequencers)
    {
        using var start = new SemaphoreSlim(0, Writers + sequencers.Length);
        using var done = new CancellationTokenSource();
        var writers = Enumerable.Range(1, Writers).Select(writer => Task.Run(async () =>
        {
            await start.WaitAsync();
            for (var step = 1; step <= StepsPerWriter; step++)
            {
                var entries = Enumerable.Range(1, EntriesPerStep).Select(n => LogEntries.Answer(n, actorId: $"writer-{writer}-step-{step}")).ToList();
                await using var db = log.CreateContext();
                await LogEntries.AppendAsync(db, log.Writer, entries);
            }
        })).ToList();
        var integrating = sequencers.Select(sequencer => Task.Run(async () =>
        {
            await start.WaitAsync();
            while (!done.IsCancellationRequested)
            {
                await using var db = log.CreateContext();
                await sequencer.IntegrateAsync(db);
            }
        })).ToList();

        start.Release(Writers + sequencers.Length);
        try
        {
            await Task.WhenAll(writers).WaitAsync(TimeSpan.FromMinutes(2));
        }
        finally
        {
            await done.CancelAsync();
            await Task.WhenAll(integrating).WaitAsync(TimeSpan.FromMinutes(1));
        }
    }

    private static async Task ShouldHoldEveryStepContiguouslyAsync(SignedLog log)
    {
        var integrated = await log.IntegratedAsync();
        integrated.Select(r => r.Sequence).ShouldBe(Enumerable.Range(1, Total).Select(i => (long)i));
        (await log.QueuedEntryIdsAsync()).ShouldBeEmpty();
        var steps = integrated.GroupBy(r => r.Entry.ActorId).ToList();
        steps.Count.ShouldBe(Writers * StepsPerWriter);
        foreach (var step in steps)
        {
            var sequences = step.Select(r => r.Sequence).ToList();
            sequences.ShouldBe(Enumerable.Range((int)sequences[0], EntriesPerStep).Select(i => (long)i), $"{step.Key}'s entries are not together");
            step.Select(r => r.Entry.ActivityId).ShouldBe(["q1", "q2", "q3"], $"{step.Key}'s entries are out of order");
        }

        var result = await log.VerifyAsync();
        result.IsIntact.ShouldBeTrue(result.Problem);
        result.EntriesChecked.ShouldBe(Total);
        result.Waiting.ShouldBe(0);
    }
}
