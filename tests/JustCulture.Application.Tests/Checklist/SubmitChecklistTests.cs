using JustCulture.Domain.Concerns;
using JustCulture.Application.Checklist;
using JustCulture.Application.Common;
using JustCulture.Application.Log;
using JustCulture.Application.Tests.Triage;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Application.Tests.Checklist;

/// <summary>A checked checklist walk is recorded in one go: all answers and the outcome, or nothing.</summary>
public abstract class SubmitChecklistTests : IAsyncLifetime
{
    private readonly FaultInjector _fault = new("decision_log");

    protected abstract TestProvider Provider { get; }

    private TestApp App { get; set; } = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartWithSmallTrustAsync(Provider, configure: services => services.AddSingleton<IInterceptor>(_fault));
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>The path to outcome G (SmallTrust.PathTo('G')) keyed by question activity.</summary>
    private static Dictionary<string, string> PathToG() => new(StringComparer.Ordinal)
    {
        ["q1a"] = "No", ["q2a"] = "No", ["q2b"] = "No", ["q2c"] = "No",
        ["q3a"] = "Yes", ["q3b"] = "Yes", ["q3c"] = "Yes",
        ["q4a"] = "No", ["q4b"] = "No", ["q4c"] = "No", ["q5a"] = "No",
    };

    private Task<SubmitChecklistResult> SubmitAsync(Guid concernId, IReadOnlyDictionary<string, string> answers, int? expectedVersion = null, string user = SmallTrust.LineManager, int action = 1) =>
        App.RunAsync<SubmitChecklistHandler, SubmitChecklistResult>(h => h.HandleAsync(new SubmitChecklistCommand(concernId, action, user, answers, expectedVersion)));

    private Task<long> LogCountAsync() => App.QueryAsync(db => db.DecisionLog.LongCountAsync());

    private async Task<UseCaseException> RefusedAsync(Func<Task> attempt, UseCaseError expected)
    {
        var before = await LogCountAsync();
        var refusal = await Should.ThrowAsync<UseCaseException>(attempt);
        refusal.Error.ShouldBe(expected, refusal.Message);
        (await LogCountAsync()).ShouldBe(before, "a refused submit must not write to the log");
        return refusal;
    }

    [Fact]
    public async Task RecordsEveryAnswerAndOutcomeGivenCompletePath()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);
        var version = (await App.ConcernAsync(concernId)).Actions.Single().Version;

        var result = await SubmitAsync(concernId, PathToG(), version);

        result.Outcome.ShouldBe("G");
        result.ConcernStatus.ShouldBe(ConcernStatus.AwaitingReview);
        var concern = await App.ConcernAsync(concernId);
        concern.Actions.Single().Outcome.ShouldBe(ChecklistOutcome.G);
        concern.Actions.Single().Version.ShouldBe(result.ActionVersion);
        var answered = await App.QueryAsync(db => db.DecisionLog.Where(e => e.ConcernId == concernId && e.EventType == LogEventTypes.QuestionAnswered)
            .OrderBy(e => e.EntryId).Select(e => new { e.ActivityId, e.Answer, e.ActorId, e.ActorRole }).ToListAsync());
        answered.Select(a => a.ActivityId).ShouldBe(["q1a", "q2a", "q2b", "q2c", "q3a", "q3b", "q3c", "q4a", "q4b", "q4c", "q5a"]);
        answered.Select(a => a.Answer).ShouldBe(SmallTrust.PathTo('G'));
        answered.ShouldAllBe(a => a.ActorId == SmallTrust.LineManager && a.ActorRole == "LineManager");
        (await App.QueryAsync(db => db.DecisionLog.CountAsync(e => e.ConcernId == concernId && e.EventType == LogEventTypes.OutcomeRecorded && e.Answer == "G"))).ShouldBe(1);
        // Every question's bookmark is kept and completed by the line manager; the review now waits.
        (await App.QueryAsync(db => db.Bookmarks.CountAsync(b => b.CorrelationId == concernId && b.CompletedBy == SmallTrust.LineManager))).ShouldBe(11);
        (await App.NextTaskAsync(concernId)).StepId.ShouldBe("review");
        var verification = await App.RunAsync<VerifyLogHandler, LogVerification>(h => h.HandleAsync());
        verification.IsIntact.ShouldBeTrue(verification.Problem);
    }

    [Fact]
    public async Task RecordsSameLogAsOneAnswerAtATimeGivenSamePath()
    {
        var stepwise = await App.OpenConcernAsync("S001", SmallTrust.LineManager);
        await App.AnswerChecklistAsync(stepwise, SmallTrust.LineManager, SmallTrust.PathTo('G'));
        var atOnce = await App.OpenConcernAsync("S002", SmallTrust.LineManager);

        await SubmitAsync(atOnce, PathToG());

        var shape = (Guid id) => App.QueryAsync(db => db.DecisionLog.Where(e => e.ConcernId == id).OrderBy(e => e.EntryId)
            .Select(e => e.EventType + "|" + e.ActivityId + "|" + e.Question + "|" + e.Answer).ToListAsync());
        (await shape(atOnce)).ShouldBe(await shape(stepwise));
    }

    [Fact]
    public async Task RecordsOnceGivenDoubleSubmit()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);
        var version = (await App.ConcernAsync(concernId)).Actions.Single(a => a.Ordinal == 1).Version;
        await SubmitAsync(concernId, PathToG(), version);

        var refusal = await RefusedAsync(() => SubmitAsync(concernId, PathToG(), version), UseCaseError.Conflict);

        refusal.Message.ShouldContain("moved on");
        (await App.QueryAsync(db => db.DecisionLog.CountAsync(e => e.ConcernId == concernId && e.EventType == LogEventTypes.OutcomeRecorded))).ShouldBe(1);
    }

    [Fact]
    public async Task RecordsOnceGivenConcurrentSubmits()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);
        var version = (await App.ConcernAsync(concernId)).Actions.Single(a => a.Ordinal == 1).Version;

        var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            try
            {
                await SubmitAsync(concernId, PathToG(), version);
                return (UseCaseError?)null;
            }
            catch (UseCaseException refusal)
            {
                return refusal.Error;
            }
        }));

        attempts.Count(a => a is null).ShouldBe(1);
        attempts.Count(a => a == UseCaseError.Conflict).ShouldBe(1);
        (await App.QueryAsync(db => db.DecisionLog.CountAsync(e => e.ConcernId == concernId && e.EventType == LogEventTypes.QuestionAnswered))).ShouldBe(11);
    }

    [Fact]
    public async Task RefusesStaleFormGivenSameActionMovedOn()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager, "First", "Second");
        var version = (await App.ConcernAsync(concernId)).Actions.Single(a => a.Ordinal == 1).Version;
        // One question answered on its own since the check-your-answers page was built.
        await App.CompleteAsync((await App.NextTaskAsync(concernId, 1)).TaskId, SmallTrust.LineManager, "No");

        var refusal = await RefusedAsync(() => SubmitAsync(concernId, PathToG(), version, action: 1), UseCaseError.Conflict);

        refusal.Message.ShouldContain("moved on");
        (await App.ConcernAsync(concernId)).Actions.Single(a => a.Ordinal == 1).Stage.ShouldBe(ActionStage.Checklist);
    }

    [Fact]
    public async Task SubmitsGivenOtherActionMovedOnSinceThePageWasBuilt()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager, "First", "Second");
        var versions = (await App.ConcernAsync(concernId)).Actions.ToDictionary(a => a.Ordinal, a => a.Version);
        await SubmitAsync(concernId, PathToG(), versions[2], action: 2);

        var result = await SubmitAsync(concernId, PathToG(), versions[1], action: 1);

        result.Outcome.ShouldBe("G");
    }

    [Fact]
    public async Task RefusesGivenUnansweredQuestionOnPath()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);
        var answers = PathToG();
        answers.Remove("q4b");

        var refusal = await RefusedAsync(() => SubmitAsync(concernId, answers), UseCaseError.Invalid);

        refusal.Message.ShouldContain("4b");
        (await App.NextTaskAsync(concernId)).StepId.ShouldBe("1a");
    }

    [Fact]
    public async Task RefusesGivenAnswerTheDefinitionDoesNotAllow()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);
        var answers = PathToG();
        answers["q3a"] = "Maybe";

        var refusal = await RefusedAsync(() => SubmitAsync(concernId, answers), UseCaseError.RuleViolated);

        refusal.Message.ShouldContain("Maybe");
    }

    [Fact]
    public async Task RefusesGivenAnswersOffThePath()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);
        var answers = new Dictionary<string, string>(StringComparer.Ordinal) { ["q1a"] = "Yes", ["q2a"] = "No" };

        var refusal = await RefusedAsync(() => SubmitAsync(concernId, answers), UseCaseError.Invalid);

        refusal.Message.ShouldContain("2a");
    }

    [Fact]
    public async Task RefusesGivenAnotherLineManager()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);

        await RefusedAsync(() => SubmitAsync(concernId, PathToG(), user: SmallTrust.OtherLineManager), UseCaseError.Forbidden);
        await RefusedAsync(() => SubmitAsync(concernId, PathToG(), user: SmallTrust.Reviewer), UseCaseError.Forbidden);
    }

    [Fact]
    public async Task LeavesNothingGivenFailureWhileWritingLog()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);
        var before = await App.QueryAsync(async db => new
        {
            Log = await db.DecisionLog.LongCountAsync(),
            Version = (await db.Concerns.SingleAsync()).Version,
            Completed = await db.Bookmarks.CountAsync(b => b.CompletedAtUtc != null),
            Pending = await db.Bookmarks.CountAsync(b => b.CompletedAtUtc == null),
            Instance = (await db.WorkflowInstances.SingleAsync()).VariablesJson + (await db.WorkflowInstances.SingleAsync()).Version,
        });
        _fault.Armed = true;

        var failure = await Should.ThrowAsync<Exception>(() => SubmitAsync(concernId, PathToG()));

        _fault.Fired.ShouldBe(1, failure.ToString());
        var after = await App.QueryAsync(async db => new
        {
            Log = await db.DecisionLog.LongCountAsync(),
            Version = (await db.Concerns.SingleAsync()).Version,
            Completed = await db.Bookmarks.CountAsync(b => b.CompletedAtUtc != null),
            Pending = await db.Bookmarks.CountAsync(b => b.CompletedAtUtc == null),
            Instance = (await db.WorkflowInstances.SingleAsync()).VariablesJson + (await db.WorkflowInstances.SingleAsync()).Version,
        });
        after.ShouldBe(before);
        (await App.ConcernAsync(concernId)).Actions.Single().Stage.ShouldBe(ActionStage.Checklist);
    }
}

public sealed class SqliteSubmitChecklistTests : SubmitChecklistTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresSubmitChecklistTests : SubmitChecklistTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
