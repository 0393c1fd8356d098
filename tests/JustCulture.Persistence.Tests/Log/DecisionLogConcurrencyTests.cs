using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.Tests.Support;
using JustCulture.TestSupport;

namespace JustCulture.Persistence.Tests.Log;

/// <summary>
/// docs/decisions/0003-hash-chained-decision-log.md, docs/decisions/0002-sqlite-and-postgresql-hand-written-migrations.md: the log stays one unbroken chain when several writers (app nodes sharing one database)
/// append at once, each in its own context and transaction.
/// </summary>
[Collection(PostgresFixture.Collection)]
public class DecisionLogConcurrencyTests
{
    private const int Writers = 8;
    private const int EntriesPerWriter = 5;

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task KeepsOneContiguousChainGivenEightConcurrentWriters(TestProvider provider)
    {
        using var database = await ProviderDatabase.CreateMigratedAsync(provider, "concurrent");
        using var start = new SemaphoreSlim(0, Writers);

        var writers = Enumerable.Range(1, Writers).Select(writer => Task.Run(async () =>
        {
            await using var db = database.CreateContext();
            await start.WaitAsync();
            var entries = Enumerable.Range(1, EntriesPerWriter).Select(n => LogEntries.Answer(n, actorId: $"writer-{writer}")).ToList();
            await LogEntries.AppendAsync(db, entries);
        })).ToList();
        start.Release(Writers);
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromMinutes(2));

        var stored = await LogEntries.ReadAllAsync(database);
        stored.Select(e => e.Sequence).ShouldBe(Enumerable.Range(1, Writers * EntriesPerWriter).Select(i => (long)i));
        stored.Select(e => e.Hash).ShouldBeUnique();
        // Each step's entries are sealed together: one writer's five entries are never interleaved with another's.
        foreach (var writer in stored.GroupBy(e => e.ActorId))
        {
            var sequences = writer.Select(e => e.Sequence).ToList();
            sequences.ShouldBe(Enumerable.Range((int)sequences[0], EntriesPerWriter).Select(i => (long)i), $"{writer.Key}'s entries");
            writer.Select(e => e.ActivityId).ShouldBe(["q1", "q2", "q3", "q4", "q5"]);
        }

        stored.Select(e => e.ActorId).Distinct().Count().ShouldBe(Writers);
        await using var verifyDb = database.CreateContext();
        var result = await DecisionLogStore.VerifyAsync(verifyDb);
        result.IsIntact.ShouldBeTrue(result.Problem);
        result.LastSequence.ShouldBe(Writers * EntriesPerWriter);
    }
}
