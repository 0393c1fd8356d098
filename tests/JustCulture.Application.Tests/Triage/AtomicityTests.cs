using JustCulture.Domain.Concerns;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Application.Tests.Triage;

/// <summary>A failure in the middle of a step leaves no log entry and no state change.</summary>
public abstract class AtomicityTests : IAsyncLifetime
{
    private readonly FaultInjector _fault = new("decision_log");

    protected abstract TestProvider Provider { get; }

    private TestApp App { get; set; } = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartWithSmallTrustAsync(Provider, configure: services => services.AddSingleton<IInterceptor>(_fault));
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    private sealed record Snapshot(long LogEntries, long Queued, long MaxEntryId, int Concerns, int PendingTasks, int CompletedTasks, string Versions, string Stages);

    private Task<Snapshot> SnapshotAsync() => App.QueryAsync(async db =>
    {
        var versions = string.Join(",", await db.Concerns.OrderBy(c => c.Id).Select(c => c.Version).ToListAsync())
            + "|" + string.Join(",", await db.WorkflowInstances.OrderBy(w => w.Id).Select(w => w.Version + w.Status + w.VariablesJson).ToListAsync());
        var stages = string.Join(",", await db.ConcernActions.OrderBy(a => a.Id).Select(a => a.Stage.ToString() + a.Outcome + a.Route).ToListAsync());
        return new Snapshot(
            await db.DecisionLog.LongCountAsync(),
            await db.DecisionLogQueue.LongCountAsync(),
            await db.DecisionLog.MaxAsync(e => (long?)e.EntryId) ?? 0,
            await db.Concerns.CountAsync(),
            await db.Bookmarks.CountAsync(b => b.CompletedAtUtc == null),
            await db.Bookmarks.CountAsync(b => b.CompletedAtUtc != null),
            versions,
            stages);
    });

    /// <summary>EF wraps the failure of a save in DbUpdateException; the injected fault must be the cause.</summary>
    private static async Task FailsWithInjectedFaultAsync(Func<Task> step)
    {
        var failure = await Should.ThrowAsync<Exception>(step);
        var causes = new List<Exception>();
        for (var e = failure; e is not null; e = e.InnerException)
        {
            causes.Add(e);
        }

        causes.ShouldContain(e => e.Message.StartsWith("Injected failure", StringComparison.Ordinal), failure.ToString());
    }

    [Fact]
    public async Task LeavesNothingGivenFailureWhileOpeningConcern()
    {
        var before = await SnapshotAsync();
        _fault.Armed = true;

        await FailsWithInjectedFaultAsync(() => App.OpenConcernAsync("S001", SmallTrust.LineManager, "One", "Two"));

        _fault.Fired.ShouldBe(1);
        (await SnapshotAsync()).ShouldBe(before);
        (await App.QueryAsync(db => db.WorkflowInstances.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task LeavesNothingGivenFailureWhileReviewStartsFormalInvestigation()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);
        await App.AnswerChecklistAsync(concernId, SmallTrust.LineManager, SmallTrust.PathTo('A'));
        var review = await App.NextTaskAsync(concernId);
        var before = await SnapshotAsync();
        _fault.Armed = true;

        await FailsWithInjectedFaultAsync(() => App.CompleteAsync(review.TaskId, SmallTrust.Reviewer, "FormalInvestigation", "Serious.", "Deliberate harm alleged."));

        _fault.Fired.ShouldBe(1);
        (await SnapshotAsync()).ShouldBe(before);
        _fault.Armed = false;
        var retried = await App.CompleteAsync(review.TaskId, SmallTrust.Reviewer, "FormalInvestigation", "Serious.", "Deliberate harm alleged.");
        retried.ConcernStatus.ShouldBe(ConcernStatus.FormalInvestigation);
        var verification = await App.RunAsync<Log.VerifyLogHandler, LogVerification>(h => h.HandleAsync());
        verification.IsIntact.ShouldBeTrue(verification.Problem);
    }
}

public sealed class SqliteAtomicityTests : AtomicityTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresAtomicityTests : AtomicityTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
