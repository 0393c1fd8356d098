using System.Data.Common;
using JustCulture.Application.Common;
using JustCulture.Application.Log;
using JustCulture.Application.Tasks;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Application.Tests.Cases;

/// <summary>The one door every action on a case passes: concurrency, access before disclosure, person-based
/// independence, and how few database round trips one step takes.</summary>
public abstract class CaseStepTests : IAsyncLifetime
{
    protected abstract TestProvider Provider { get; }

    protected TestApp App { get; private set; } = null!;

    protected CommandCounter Commands { get; } = new();

    public async Task InitializeAsync()
    {
        App = await TestApp.StartWithSmallTrustAsync(Provider, configure: services =>
        {
            services.AddSingleton<IInterceptor>(Commands);
            services.AddSingleton<IInterceptor>(Commands.Transactions);
        });
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    private async Task<UseCaseError?> TryCompleteAsync(Guid taskId, string userId, string answer, int? expectedVersion = null)
    {
        try
        {
            await App.CompleteAsync(taskId, userId, answer, expectedVersion: expectedVersion);
            return null;
        }
        catch (UseCaseException refusal)
        {
            return refusal.Error;
        }
    }

    private async Task LogIsIntactAsync()
    {
        var verification = await App.RunAsync<VerifyLogHandler, LogVerification>(h => h.HandleAsync());
        verification.IsIntact.ShouldBeTrue(verification.Problem);
    }

    [Fact]
    public async Task RecordsEveryAnswerGivenEightConcurrentAnswersToEightActionsOfOneConcern()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager, [.. Enumerable.Range(1, 8).Select(i => $"Action {i}")]);
        var tasks = await App.TasksAsync(concernId);
        tasks.Count.ShouldBe(8);

        // Each client answers its own action with the version its form showed: none may refuse another.
        var outcomes = await Task.WhenAll(tasks.Select(t => Task.Run(() => TryCompleteAsync(t.TaskId, SmallTrust.LineManager, "No", t.ActionVersion))));

        outcomes.ShouldAllBe(o => o == null);
        (await App.QueryAsync(db => db.DecisionLog.CountAsync(e => e.ConcernId == concernId && e.EventType == LogEventTypes.QuestionAnswered))).ShouldBe(8);
        var concern = await App.ConcernAsync(concernId);
        concern.Actions.ShouldAllBe(a => a.Version == 1);
        await LogIsIntactAsync();
    }

    [Fact]
    public async Task RecordsOneAnswerAndOneConflictGivenTrueRaceOnOneTask()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);
        var task = await App.NextTaskAsync(concernId);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => TryCompleteAsync(task.TaskId, SmallTrust.LineManager, "No", task.ActionVersion))));

        outcomes.Count(o => o is null).ShouldBe(1);
        outcomes.Count(o => o == UseCaseError.Conflict).ShouldBe(1);
        (await App.QueryAsync(db => db.DecisionLog.CountAsync(e => e.ConcernId == concernId && e.EventType == LogEventTypes.QuestionAnswered))).ShouldBe(1);
        await LogIsIntactAsync();
    }

    [Fact]
    public async Task RevealsNothingGivenNonPartyPostsToACompletedTask()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);
        var task = await App.NextTaskAsync(concernId);
        await App.CompleteAsync(task.TaskId, SmallTrust.LineManager, "No");

        var refusal = await Should.ThrowAsync<UseCaseException>(() => App.CompleteAsync(task.TaskId, SmallTrust.OtherLineManager, "No"));

        // Access is decided before the task's state: a non-party is refused as a non-party, told nothing of who acted or when.
        refusal.Error.ShouldBe(UseCaseError.Forbidden);
        refusal.Message.ShouldNotContain(SmallTrust.LineManager);
        refusal.Message.ShouldNotContain("completed");
        refusal.Message.ShouldNotContain(App.Clock.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        // A party who repeats the answer is told it moved on, still without who or when.
        var repeat = await Should.ThrowAsync<UseCaseException>(() => App.CompleteAsync(task.TaskId, SmallTrust.LineManager, "No"));
        repeat.Error.ShouldBe(UseCaseError.Conflict);
        repeat.Message.ShouldNotContain(SmallTrust.LineManager);
        repeat.Message.ShouldNotContain(App.Clock.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task RefusesReviewerGivenStaffFileMovesSubjectAwayFromTheRaiser()
    {
        // The reviewer's own record (X001) is above the subject's manager before the move (M001) and after it (M002).
        const string reviewer = SmallTrust.ReviewerWhoManagesSubject;
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);
        await App.AnswerChecklistAsync(concernId, SmallTrust.LineManager, SmallTrust.PathTo('G'));
        var review = await App.NextTaskAsync(concernId);

        // The staff file moves S001 to M002: M001 no longer line-manages the subject today.
        await App.ImportStaffAsync(SmallTrust.Csv.Replace("S001,Staff One,A,Band 5,Nursing and Midwifery Registered,Medicine,2020-01-06,M001",
            "S001,Staff One,A,Band 5,Nursing and Midwifery Registered,Medicine,2020-01-06,M002", StringComparison.Ordinal));

        var refusal = await Should.ThrowAsync<UseCaseException>(() =>
            App.CompleteAsync(review.TaskId, reviewer, "FormalInvestigation", "Formal.", "Informal would not do."));

        refusal.Error.ShouldBe(UseCaseError.Forbidden);
        refusal.Message.ShouldContain("in the line management of the person concerned");
        (await App.QueryAsync(db => db.DecisionLog.CountAsync(e => e.ConcernId == concernId && e.EventType == LogEventTypes.ReviewDecided))).ShouldBe(0);
        // Nor is the case in that account's inbox.
        (await App.RunAsync<ListTasksHandler, IReadOnlyList<TaskView>>(h => h.HandleAsync(new ListTasksQuery(ForUserId: reviewer)))).ShouldBeEmpty();
        // An independent reviewer still can.
        await App.CompleteAsync(review.TaskId, SmallTrust.Reviewer, "Support", "Occupational health referral.");
    }

    [Fact]
    public async Task RefusesReviewerGivenReviewerReportsToTheRaiser()
    {
        await App.ImportStaffAsync(SmallTrust.Csv + "\nH009,Reviewer In Team,A,Band 7,Administrative and Clerical,Medicine,2019-01-01,M001");
        await App.AddUserAsync("cm.team", "CommissioningManager", "H009");
        var concernId = await App.OpenConcernAsync("S002", SmallTrust.LineManager);
        await App.AnswerChecklistAsync(concernId, SmallTrust.LineManager, SmallTrust.PathTo('G'));
        var review = await App.NextTaskAsync(concernId);

        var refusal = await Should.ThrowAsync<UseCaseException>(() => App.CompleteAsync(review.TaskId, "cm.team", "Support", "Support."));

        refusal.Error.ShouldBe(UseCaseError.Forbidden);
        refusal.Message.ShouldContain("reports to");
    }

    [Fact]
    public async Task RefusesReviewerWithTheSameCategoryOnEverySurfaceGivenNotIndependent()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);
        await App.AnswerChecklistAsync(concernId, SmallTrust.LineManager, SmallTrust.PathTo('G'));
        var review = await App.NextTaskAsync(concernId);

        var complete = await Should.ThrowAsync<UseCaseException>(() => App.CompleteAsync(review.TaskId, SmallTrust.ReviewerWhoManagesSubject, "Support", "Support."));
        var read = await Should.ThrowAsync<UseCaseException>(() => App.RunAsync<JustCulture.Application.Review.GetReviewCaseHandler, JustCulture.Application.Review.ReviewCaseView>(
            h => h.HandleAsync(new JustCulture.Application.Review.GetReviewCaseQuery(concernId, SmallTrust.ReviewerWhoManagesSubject))));

        complete.Error.ShouldBe(UseCaseError.Forbidden);
        read.Error.ShouldBe(UseCaseError.Forbidden);
        read.Message.ShouldBe(complete.Message);
    }

    [Fact]
    public async Task RefusesWithFieldKeysGivenNulCharacterOrTooLongRationale()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);
        await App.AnswerChecklistAsync(concernId, SmallTrust.LineManager, SmallTrust.PathTo('G'));
        var review = await App.NextTaskAsync(concernId);

        var nul = await Should.ThrowAsync<UseCaseException>(() => App.CompleteAsync(review.TaskId, SmallTrust.Reviewer, "Support", "Bad\0text"));
        var tooLong = await Should.ThrowAsync<UseCaseException>(() => App.CompleteAsync(review.TaskId, SmallTrust.Reviewer, "Support", new string('x', 4001)));
        var missing = await Should.ThrowAsync<UseCaseException>(() => App.CompleteAsync(review.TaskId, SmallTrust.Reviewer, "Support"));

        nul.Error.ShouldBe(UseCaseError.Invalid);
        nul.FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("Rationale");
        tooLong.FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("Rationale");
        missing.Error.ShouldBe(UseCaseError.RuleViolated);
        missing.FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("Rationale");
        (await App.NextTaskAsync(concernId)).TaskId.ShouldBe(review.TaskId);
    }

    [Fact]
    public async Task RefusesConcernGivenMoreThanTwentyActions()
    {
        var refusal = await Should.ThrowAsync<UseCaseException>(() =>
            App.OpenConcernAsync("S001", SmallTrust.LineManager, [.. Enumerable.Range(1, 21).Select(i => $"Action {i}")]));

        refusal.Error.ShouldBe(UseCaseError.Invalid);
        refusal.FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("Actions");
        (await App.QueryAsync(db => db.Concerns.CountAsync())).ShouldBe(0);
    }
}

public sealed class SqliteCaseStepTests : CaseStepTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresCaseStepTests : CaseStepTests
{
    protected override TestProvider Provider => TestProvider.Postgres;

    /// <summary>PostgreSQL batches a step's writes into one round trip; SQLite runs in-process and sends
    /// each statement on its own, so the bound is the server database's.</summary>
    [Fact]
    public async Task TakesAtMostSixRoundTripsGivenOneAnswer()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager, "First", "Second");
        var task = await App.NextTaskAsync(concernId);

        Commands.Start();
        await App.CompleteAsync(task.TaskId, SmallTrust.LineManager, "No");
        var captured = Commands.Stop();

        // BEGIN, lock the concern, load the case, read its data key (to seal the entries' personal fields), save the batch, COMMIT.
        captured.Count.ShouldBeLessThanOrEqualTo(6, string.Join("\n---\n", captured));
        TestContext.Write(Provider, captured);
    }
}

/// <summary>Writes what a test captured where a person can read it after the run.</summary>
internal static class TestContext
{
    public static void Write(TestProvider provider, IReadOnlyList<string> captured)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, $"case-step-round-trips-{provider.ToString().ToLowerInvariant()}.txt"),
            $"{captured.Count} round trips for one answer ({provider})\n\n" + string.Join("\n\n---\n\n", captured));
    }
}

/// <summary>Counts what one step sends to the database: each command, and each BEGIN and COMMIT.</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private readonly List<string> _captured = [];
    private volatile bool _on;

    public CommandCounter() => Transactions = new TransactionCounter(this);

    public DbTransactionInterceptor Transactions { get; }

    public void Start()
    {
        lock (_captured)
        {
            _captured.Clear();
        }

        _on = true;
    }

    public IReadOnlyList<string> Stop()
    {
        _on = false;
        lock (_captured)
        {
            return [.. _captured];
        }
    }

    private void Add(string what)
    {
        if (_on)
        {
            lock (_captured)
            {
                _captured.Add(what);
            }
        }
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Add(command.CommandText);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Add(command.CommandText);
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Add(command.CommandText);
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public sealed class TransactionCounter(CommandCounter owner) : DbTransactionInterceptor
    {
        public override ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            owner.Add("BEGIN");
            return base.TransactionStartingAsync(connection, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            owner.Add("COMMIT");
            return base.TransactionCommittingAsync(transaction, eventData, result, cancellationToken);
        }
    }
}
