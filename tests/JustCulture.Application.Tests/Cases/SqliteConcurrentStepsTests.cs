using JustCulture.Application.Common;
using JustCulture.Application.Log;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Tests.Cases;

/// <summary>SQLite has one writer. Each step's transaction takes the write lock at BEGIN (IMMEDIATE) and waits up
/// to the busy timeout for it, so concurrent steps queue instead of failing with SQLITE_BUSY on a lock upgrade.</summary>
public sealed class SqliteConcurrentStepsTests : IAsyncLifetime
{
    private TestApp App { get; set; } = null!;

    public async Task InitializeAsync() => App = await TestApp.StartWithSmallTrustAsync(TestProvider.Sqlite);

    public async Task DisposeAsync() => await App.DisposeAsync();

    [Fact]
    public async Task HoldsTheWriteLockFromBeginGivenAnEfTransaction()
    {
        await using var db = App.Database.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync();

        // No statement has run yet: a deferred BEGIN would hold no lock, and this second writer would get it.
        await using var other = new Microsoft.Data.Sqlite.SqliteConnection(App.Database.ConnectionString + ";Default Timeout=1");
        await other.OpenAsync();
        await using var begin = other.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE;";
        var busy = await Should.ThrowAsync<Microsoft.Data.Sqlite.SqliteException>(() => begin.ExecuteNonQueryAsync());

        busy.SqliteErrorCode.ShouldBe(5); // SQLITE_BUSY
    }

    [Fact]
    public async Task RecordsEveryStepGivenThirtyTwoConcurrentStepsOnOneFile()
    {
        var concerns = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            concerns.Add(await App.OpenConcernAsync($"S00{1 + (i % 4)}", SmallTrust.LineManager, "One", "Two", "Three", "Four"));
        }

        var tasks = new List<Application.Tasks.TaskView>();
        foreach (var concern in concerns)
        {
            tasks.AddRange(await App.TasksAsync(concern));
        }

        tasks.Count.ShouldBe(32);
        var outcomes = await Task.WhenAll(tasks.Select(t => Task.Run(async () =>
        {
            try
            {
                await App.CompleteAsync(t.TaskId, SmallTrust.LineManager, "No", expectedVersion: t.ActionVersion);
                return null;
            }
            catch (Exception ex) when (ex is UseCaseException or DbUpdateException or Microsoft.Data.Sqlite.SqliteException)
            {
                return ex.Message;
            }
        })));

        outcomes.ShouldAllBe(o => o == null);
        (await App.QueryAsync(db => db.DecisionLog.CountAsync(e => e.EventType == LogEventTypes.QuestionAnswered))).ShouldBe(32);
        var verification = await App.RunAsync<VerifyLogHandler, LogVerification>(h => h.HandleAsync());
        verification.IsIntact.ShouldBeTrue(verification.Problem);
    }
}
