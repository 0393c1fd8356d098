using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.Tests.Support;
using JustCulture.TestSupport;

namespace JustCulture.Persistence.Tests.Log;

/// <summary>
/// docs/decisions/0013-incremental-log-verification.md: after a whole verification, the next reads only the entries
/// added since; a change among those is caught at once, a change to older rows at the next whole verification, which
/// comes once the last is older than the setting.
/// </summary>
[Collection(PostgresFixture.Collection)]
public class IncrementalVerificationTests
{
    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task ReadsOnlyTheNewEntriesGivenAWholeVerificationBefore(TestProvider provider)
    {
        using var log = await CreateLogAsync(provider);
        var (state, _) = StateOver(log);
        var whole = await VerifyAsync(log, state);
        whole.IsIntact.ShouldBeTrue(whole.Problem);
        whole.Incremental.ShouldBeFalse();
        whole.EntriesRead.ShouldBe(7);

        await log.StepsThenCheckpointAsync(2, 3);
        var next = await VerifyAsync(log, state);

        next.IsIntact.ShouldBeTrue(next.Problem);
        next.Incremental.ShouldBeTrue();
        next.EntriesRead.ShouldBe(5);
        next.EntriesChecked.ShouldBe(12);
        next.Checkpoint.ShouldNotBeNull().FilePath.ShouldBe(log.CheckpointPath(12));
        next.RootHex.ShouldBe((await log.VerifyAsync()).RootHex);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task NamesTheEntryAtOnceGivenAnEntryAddedSinceChanged(TestProvider provider)
    {
        using var log = await CreateLogAsync(provider);
        var (state, _) = StateOver(log);
        (await VerifyAsync(log, state)).IsIntact.ShouldBeTrue();
        await log.StepsThenCheckpointAsync(2, 3);
        await log.RemoveProtectionAsync();
        var id = await log.EntryIdAtAsync(10);
        (await log.Database.ExecuteAsync($"UPDATE decision_log SET answer = 'Maybe' WHERE entry_id = {id}")).ShouldBe(1);

        var result = await VerifyAsync(log, state);

        result.IsIntact.ShouldBeFalse();
        result.Problem.ShouldNotBeNull().ShouldContain("entry 10 was changed after it was written", Case.Sensitive);
        result.FirstBadEntryId.ShouldBe(id);
        // The incremental check found it; the verdict given is the whole verification's.
        result.Incremental.ShouldBeFalse();
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task NamesAnOldEntryAtTheNextWholeVerificationGivenItWasChangedBetween(TestProvider provider)
    {
        using var log = await CreateLogAsync(provider);
        var (state, clock) = StateOver(log);
        (await VerifyAsync(log, state)).IsIntact.ShouldBeTrue();
        await log.RemoveProtectionAsync();
        var id = await log.EntryIdAtAsync(3);
        (await log.Database.ExecuteAsync($"UPDATE decision_log SET answer = 'Maybe' WHERE entry_id = {id}")).ShouldBe(1);
        await log.StepsThenCheckpointAsync(1);

        // The accepted trade-off: rows before the kept prefix are not reread until the whole verification is due.
        var between = await VerifyAsync(log, state);
        between.IsIntact.ShouldBeTrue(between.Problem);
        between.EntriesRead.ShouldBe(1);

        clock.Advance(log.Settings.FullVerifyEvery);
        var due = await VerifyAsync(log, state);

        due.IsIntact.ShouldBeFalse();
        due.Problem.ShouldNotBeNull().ShouldContain("entry 3 was changed after it was written", Case.Sensitive);
        due.FirstBadSequence.ShouldBe(3);
        due.FirstBadEntryId.ShouldBe(id);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task ReadsNothingGivenNothingChangedSinceTheLastVerification(TestProvider provider)
    {
        using var log = await CreateLogAsync(provider);
        var (state, _) = StateOver(log);
        var whole = await VerifyAsync(log, state);
        whole.IsIntact.ShouldBeTrue(whole.Problem);

        var again = await VerifyAsync(log, state);

        again.IsIntact.ShouldBeTrue(again.Problem);
        again.Incremental.ShouldBeTrue();
        again.EntriesRead.ShouldBe(0);
        again.EntriesChecked.ShouldBe(whole.EntriesChecked);
        again.RootHex.ShouldBe(whole.RootHex);
        again.Checkpoint.ShouldNotBeNull().FilePath.ShouldBe(log.CheckpointPath(7));
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    [PostgresData]
    public async Task FindsTheRewrittenHeadGivenNothingElseChangedSinceTheLastVerification(TestProvider provider)
    {
        using var log = await CreateLogAsync(provider);
        var (state, _) = StateOver(log);
        (await VerifyAsync(log, state)).IsIntact.ShouldBeTrue();
        await log.RemoveProtectionAsync();
        (await log.Database.ExecuteAsync($"UPDATE decision_log_tree_heads SET root_hash = '{new string('0', 64)}' WHERE tree_size = 7")).ShouldBe(1);

        var result = await VerifyAsync(log, state);

        result.IsIntact.ShouldBeFalse();
        result.Problem.ShouldNotBeNull().ShouldContain("another root than its leaves give", Case.Sensitive);
    }

    [Theory]
    [InlineData(TestProvider.Sqlite)]
    public async Task VerifiesTheWholeLogGivenAWholeVerificationAskedFor(TestProvider provider)
    {
        using var log = await CreateLogAsync(provider);
        var (state, _) = StateOver(log);
        (await VerifyAsync(log, state)).IsIntact.ShouldBeTrue();
        await log.StepsThenCheckpointAsync(2);

        await using var db = log.CreateContext();
        var whole = await state.VerifyFullAsync(db);

        whole.IsIntact.ShouldBeTrue(whole.Problem);
        whole.Incremental.ShouldBeFalse();
        whole.EntriesRead.ShouldBe(9);
    }

    private static async Task<SignedLog> CreateLogAsync(TestProvider provider)
    {
        var log = await SignedLog.CreateAsync(provider, "incremental");
        await log.StepsThenCheckpointAsync(3, 4);
        return log;
    }

    private static (VerifiedLogState State, TestClock Clock) StateOver(SignedLog log)
    {
        var clock = new TestClock(new DateTime(2026, 4, 1, 9, 0, 0, DateTimeKind.Utc));
        return (new VerifiedLogState(log.Trust, clock), clock);
    }

    private static async Task<LogVerification> VerifyAsync(SignedLog log, VerifiedLogState state)
    {
        await using var db = log.CreateContext();
        return await state.VerifyAsync(db);
    }
}
