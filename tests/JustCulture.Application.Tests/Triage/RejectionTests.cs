using JustCulture.Domain.Concerns;
using JustCulture.Application.Common;
using JustCulture.Application.Concerns;
using JustCulture.Application.Tasks;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Tests.Triage;

/// <summary>Bad input is refused with the right kind of error, and refusals change nothing.</summary>
public abstract class RejectionTests : TriageTestBase
{
    private Task<long> LogCountAsync() => App.QueryAsync(db => db.DecisionLog.LongCountAsync());

    private async Task<UseCaseException> RefusedAsync(Func<Task> attempt, UseCaseError expected)
    {
        var before = await LogCountAsync();
        var refusal = await Should.ThrowAsync<UseCaseException>(attempt);
        refusal.Error.ShouldBe(expected, refusal.Message);
        (await LogCountAsync()).ShouldBe(before, "a refused request must not write to the log");
        return refusal;
    }

    [Fact]
    public async Task RefusesConcernGivenUnknownStaffRef()
    {
        var refusal = await RefusedAsync(() => App.OpenConcernAsync("NOPE", SmallTrust.LineManager), UseCaseError.NotFound);
        refusal.Message.ShouldContain("NOPE");
    }

    [Fact]
    public async Task RefusesConcernGivenRaiserIsNotALineManager() =>
        await RefusedAsync(() => App.OpenConcernAsync("S001", SmallTrust.Reviewer), UseCaseError.Forbidden);

    [Fact]
    public async Task RefusesConcernGivenRaiserDoesNotManageSubject()
    {
        var refusal = await RefusedAsync(() => App.OpenConcernAsync("S001", SmallTrust.OtherLineManager), UseCaseError.RuleViolated);
        refusal.Message.ShouldContain("not the line manager");
        (await App.QueryAsync(db => db.Concerns.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task RefusesConcernGivenNoActions() =>
        await RefusedAsync(() => App.RunAsync<OpenConcernHandler, Guid>(h => h.HandleAsync(new OpenConcernCommand("S001", SmallTrust.LineManager, "Summary", ["  "], "Conduct"))), UseCaseError.Invalid);

    [Fact]
    public async Task RefusesAnswerGivenAnswerNotAmongTasksAnswers()
    {
        var concernId = await OpenAboutS001Async();
        var task = await App.NextTaskAsync(concernId);

        var refusal = await RefusedAsync(() => App.CompleteAsync(task.TaskId, SmallTrust.LineManager, "Maybe"), UseCaseError.RuleViolated);

        refusal.Message.ShouldContain("Maybe");
        (await App.NextTaskAsync(concernId)).TaskId.ShouldBe(task.TaskId);
    }

    [Fact]
    public async Task RefusesChecklistAnswerGivenWrongRole()
    {
        var concernId = await OpenAboutS001Async();
        var task = await App.NextTaskAsync(concernId);

        await RefusedAsync(() => App.CompleteAsync(task.TaskId, SmallTrust.Reviewer, "No"), UseCaseError.Forbidden);
        await RefusedAsync(() => App.CompleteAsync(task.TaskId, SmallTrust.Auditor, "No"), UseCaseError.Forbidden);
    }

    [Fact]
    public async Task RefusesChecklistAnswerGivenAnotherLineManager()
    {
        var concernId = await OpenAboutS001Async();
        var task = await App.NextTaskAsync(concernId);

        var refusal = await RefusedAsync(() => App.CompleteAsync(task.TaskId, SmallTrust.OtherLineManager, "No"), UseCaseError.Forbidden);
        refusal.Message.ShouldContain("raised");
    }

    [Fact]
    public async Task RefusesReviewGivenReviewerManagesSubject()
    {
        var concernId = await OpenToReviewAsync();
        var review = await App.NextTaskAsync(concernId);

        var refusal = await RefusedAsync(() => App.CompleteAsync(review.TaskId, SmallTrust.ReviewerWhoManagesSubject, "NoFurtherAction", "x"), UseCaseError.Forbidden);
        refusal.Message.ShouldContain("in the line management of the person concerned");
    }

    [Fact]
    public async Task RefusesReviewGivenReviewerIsSubject()
    {
        var concernId = await App.OpenConcernAsync("S004", SmallTrust.LineManager);
        await App.AnswerChecklistAsync(concernId, SmallTrust.LineManager, SmallTrust.PathTo('D'));
        var review = await App.NextTaskAsync(concernId);

        var refusal = await RefusedAsync(() => App.CompleteAsync(review.TaskId, SmallTrust.ReviewerWhoIsSubject, "NoFurtherAction", "x"), UseCaseError.Forbidden);
        refusal.Message.ShouldContain("is the person concerned");
    }

    [Fact]
    public async Task HidesTaskFromReviewerGivenReviewerIsNotIndependent()
    {
        var concernId = await OpenToReviewAsync();

        var forConflicted = await App.RunAsync<ListTasksHandler, IReadOnlyList<TaskView>>(h => h.HandleAsync(new ListTasksQuery(concernId, SmallTrust.ReviewerWhoManagesSubject)));
        var forIndependent = await App.RunAsync<ListTasksHandler, IReadOnlyList<TaskView>>(h => h.HandleAsync(new ListTasksQuery(concernId, SmallTrust.Reviewer)));

        forConflicted.ShouldBeEmpty();
        forIndependent.Count.ShouldBe(1);
    }

    [Fact]
    public async Task RefusesReviewGivenNoRationale()
    {
        var concernId = await OpenToReviewAsync();
        var review = await App.NextTaskAsync(concernId);

        var refusal = await RefusedAsync(() => App.CompleteAsync(review.TaskId, SmallTrust.Reviewer, "NoFurtherAction", "   "), UseCaseError.RuleViolated);
        refusal.Message.ShouldContain("rationale", Case.Insensitive);
    }

    [Fact]
    public async Task RefusesFormalRouteGivenNoStatementWhyInformalIsNotAppropriate()
    {
        var concernId = await OpenToReviewAsync();
        var review = await App.NextTaskAsync(concernId);

        await RefusedAsync(() => App.CompleteAsync(review.TaskId, SmallTrust.Reviewer, "FormalInvestigation", "Serious."), UseCaseError.RuleViolated);

        (await App.ConcernAsync(concernId)).Status.ShouldBe(ConcernStatus.AwaitingReview);
        (await App.QueryAsync(db => db.DecisionLog.AnyAsync(e => e.EventType == LogEventTypes.FormalInvestigationStarted))).ShouldBeFalse();
    }

    [Fact]
    public async Task RefusesSecondCompletionGivenTaskAlreadyCompleted()
    {
        var concernId = await OpenAboutS001Async();
        var task = await App.NextTaskAsync(concernId);
        await App.CompleteAsync(task.TaskId, SmallTrust.LineManager, "No");

        var refusal = await RefusedAsync(() => App.CompleteAsync(task.TaskId, SmallTrust.LineManager, "No"), UseCaseError.Conflict);

        refusal.Message.ShouldContain("already completed");
        (await App.QueryAsync(db => db.DecisionLog.CountAsync(e => e.EventType == LogEventTypes.QuestionAnswered))).ShouldBe(1);
    }

    [Fact]
    public async Task RefusesAnswerGivenStaleVersion()
    {
        var concernId = await OpenAboutS001Async("First action", "Second action");
        var tasks = await App.TasksAsync(concernId);
        var first = tasks.Single(t => t.ActionOrdinal == 1);
        await App.CompleteAsync(first.TaskId, SmallTrust.LineManager, "No", expectedVersion: first.ActionVersion);
        var next = await App.NextTaskAsync(concernId, 1);

        var refusal = await RefusedAsync(() => App.CompleteAsync(next.TaskId, SmallTrust.LineManager, "No", expectedVersion: first.ActionVersion), UseCaseError.Conflict);
        refusal.Message.ShouldContain("moved on");
        // The concern's other action was not acted on, so its form is still current.
        var other = tasks.Single(t => t.ActionOrdinal == 2);
        await App.CompleteAsync(other.TaskId, SmallTrust.LineManager, "No", expectedVersion: other.ActionVersion);
    }

    [Fact]
    public async Task RecordsOneDecisionGivenTwoConcurrentCompletionsOfOneTask()
    {
        var concernId = await OpenAboutS001Async();
        var task = await App.NextTaskAsync(concernId);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            try
            {
                await App.CompleteAsync(task.TaskId, SmallTrust.LineManager, "No");
                return (UseCaseError?)null;
            }
            catch (UseCaseException ex)
            {
                return ex.Error;
            }
        }));

        attempts.Count(a => a is null).ShouldBe(1);
        attempts.Count(a => a == UseCaseError.Conflict).ShouldBe(1);
        (await App.QueryAsync(db => db.DecisionLog.CountAsync(e => e.EventType == LogEventTypes.QuestionAnswered))).ShouldBe(1);
        var verification = await App.RunAsync<Log.VerifyLogHandler, LogVerification>(h => h.HandleAsync());
        verification.IsIntact.ShouldBeTrue(verification.Problem);
    }
}

public sealed class SqliteRejectionTests : RejectionTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresRejectionTests : RejectionTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
