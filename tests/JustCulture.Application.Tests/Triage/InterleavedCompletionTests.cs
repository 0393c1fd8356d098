using JustCulture.Application.Common;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Application.Tests.Triage;

/// <summary>
/// Two people answer the same task at the same moment. Forced here step by step on PostgreSQL, where
/// statements of one read-committed transaction see different moments: the case step locks the
/// decision-log head before it reads anything, so the second answer waits for the first to commit, then
/// reads the task as completed. (SQLite write transactions run one at a time anyway; the race test
/// covers both providers.)
/// </summary>
[Collection(PostgresFixture.Collection)]
public sealed class InterleavedCompletionTests : IAsyncLifetime
{
    private readonly ReadPause _pause = new("bookmarks");

    private TestApp Held { get; set; } = null!;

    private TestApp Other { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Held = await TestApp.StartAsync(TestProvider.Postgres, configure: services => services.AddSingleton<IInterceptor>(_pause));
        Other = TestApp.OnSameDatabase(Held, workflowsDirectory: null);
        await SmallTrust.SeedAsync(Held);
    }

    public async Task DisposeAsync()
    {
        _pause.Release();
        await Other.DisposeAsync();
        await Held.DisposeAsync();
    }

    [PostgresFact]
    public async Task RefusesSecondAnswerGivenItArrivedWhileTheFirstWasBeingAnswered()
    {
        var concernId = await Held.OpenConcernAsync("S001", SmallTrust.LineManager);
        var task = await Held.NextTaskAsync(concernId);

        _pause.Arm();
        var held = Task.Run(() => Held.CompleteAsync(task.TaskId, SmallTrust.LineManager, "No"));
        await _pause.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        var other = Task.Run(() => Other.CompleteAsync(task.TaskId, SmallTrust.LineManager, "Yes"));
        await Task.Delay(TimeSpan.FromMilliseconds(700));
        other.IsCompleted.ShouldBeFalse("the second answer must wait while the first holds the step");
        _pause.Release();
        await held;

        var refusal = await Should.ThrowAsync<UseCaseException>(() => other);
        refusal.Error.ShouldBe(UseCaseError.Conflict);
        var answers = await Held.QueryAsync(db => db.DecisionLog
            .Where(e => e.EventType == LogEventTypes.QuestionAnswered)
            .Select(e => e.Answer)
            .ToListAsync());
        answers.ShouldBe(["No"]);
        (await Held.QueryAsync(db => db.Bookmarks.CountAsync(b => b.Id == task.TaskId && b.CompletedAtUtc != null))).ShouldBe(1);
        (await Held.RunAsync<Log.VerifyLogHandler, LogVerification>(h => h.HandleAsync())).IsIntact.ShouldBeTrue();
    }
}
