using JustCulture.Application.Checklist;
using JustCulture.Application.Common;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Application.Tests.Checklist;

/// <summary>
/// Checklist answers in progress are kept on the server for their owner only, resume where they were, go
/// with the submit (in its transaction), are discarded safely when they no longer fit, and are never decisions.
/// </summary>
public abstract class ChecklistDraftTests : IAsyncLifetime
{
    private readonly FaultInjector _fault = new("decision_log");

    protected abstract TestProvider Provider { get; }

    private TestApp App { get; set; } = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartWithSmallTrustAsync(Provider, configure: services => services.AddSingleton<IInterceptor>(_fault));
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    private Task<ChecklistDraftView> SaveAsync(Guid concernId, Dictionary<string, string> answers, string? current = null, string user = SmallTrust.LineManager, int action = 1) =>
        App.RunAsync<ChecklistDraftHandler, ChecklistDraftView>(h => h.SaveAsync(new SaveChecklistDraftCommand(concernId, action, user, answers, current)));

    private Task<ChecklistDraftView> LoadAsync(Guid concernId, string user = SmallTrust.LineManager, int action = 1) =>
        App.RunAsync<ChecklistDraftHandler, ChecklistDraftView>(h => h.LoadAsync(new LoadChecklistDraftQuery(concernId, action, user)));

    private Task<int> DraftCountAsync() => App.QueryAsync(db => db.ChecklistDrafts.CountAsync());

    private Task TamperAsync(Func<IQueryable<Persistence.Checklist.ChecklistDraftRecord>, Task> change) =>
        App.QueryAsync(async db =>
        {
            await change(db.ChecklistDrafts);
            return true;
        });

    private static Dictionary<string, string> PathToD() => new(StringComparer.Ordinal)
    {
        ["q1a"] = "No", ["q2a"] = "No", ["q2b"] = "No", ["q2c"] = "No", ["q3a"] = "No",
    };

    [Fact]
    public async Task ResumesAnswersAndQuestionGivenDraftSavedEarlier()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);

        await SaveAsync(concernId, new() { ["q1a"] = "No", ["q2a"] = "No", ["q2b"] = "No" }, current: "q2a");
        var resumed = await LoadAsync(concernId);

        resumed.Answers.ShouldBe(new Dictionary<string, string> { ["q1a"] = "No", ["q2a"] = "No", ["q2b"] = "No" }, ignoreOrder: true);
        resumed.CurrentQuestion.ShouldBe("q2a");
        resumed.Preview.Next.ShouldNotBeNull().QuestionId.ShouldBe("2c");
        resumed.SavedAtUtc.ShouldBe(App.Clock.UtcNow);
        resumed.DiscardedMessage.ShouldBeNull();
    }

    [Fact]
    public async Task ReplacesDraftGivenSavedAgain()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);
        await SaveAsync(concernId, new() { ["q1a"] = "No" }, current: "q1a");

        await SaveAsync(concernId, new() { ["q1a"] = "Yes" });

        var resumed = await LoadAsync(concernId);
        resumed.Answers.ShouldBe(new Dictionary<string, string> { ["q1a"] = "Yes" });
        resumed.CurrentQuestion.ShouldBeNull();
        resumed.Preview.Outcome.ShouldNotBeNull().Outcome.ShouldBe("A");
        (await DraftCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task KeepsDraftsApartGivenTwoActionsOfOneConcern()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager, "First action", "Second action");

        await SaveAsync(concernId, new() { ["q1a"] = "Yes" }, action: 1);
        await SaveAsync(concernId, new() { ["q1a"] = "No" }, action: 2);

        (await LoadAsync(concernId, action: 1)).Answers["q1a"].ShouldBe("Yes");
        (await LoadAsync(concernId, action: 2)).Answers["q1a"].ShouldBe("No");
        var withDraft = await App.RunAsync<ChecklistDraftHandler, IReadOnlySet<int>>(h => h.ActionsWithDraftAsync(concernId, SmallTrust.LineManager));
        withDraft.Order().ShouldBe([1, 2]);
        (await App.RunAsync<ChecklistDraftHandler, IReadOnlySet<int>>(h => h.ActionsWithDraftAsync(concernId, SmallTrust.OtherLineManager))).ShouldBeEmpty();
    }

    [Fact]
    public async Task RefusesReadAndOverwriteGivenAnotherLineManagerOfTheSameTeam()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);
        await SaveAsync(concernId, new() { ["q1a"] = "No" }, current: "q1a");

        var read = await Should.ThrowAsync<UseCaseException>(() => LoadAsync(concernId, SmallTrust.OtherLineManager));
        var write = await Should.ThrowAsync<UseCaseException>(() => SaveAsync(concernId, new() { ["q1a"] = "Yes" }, user: SmallTrust.OtherLineManager));
        var reviewer = await Should.ThrowAsync<UseCaseException>(() => LoadAsync(concernId, SmallTrust.Reviewer));

        read.Error.ShouldBe(UseCaseError.Forbidden);
        write.Error.ShouldBe(UseCaseError.Forbidden);
        reviewer.Error.ShouldBe(UseCaseError.Forbidden);
        var owner = await LoadAsync(concernId);
        owner.Answers.ShouldBe(new Dictionary<string, string> { ["q1a"] = "No" });
        owner.CurrentQuestion.ShouldBe("q1a");
        (await App.QueryAsync(db => db.ChecklistDrafts.Select(d => d.UserId).ToListAsync())).ShouldBe([SmallTrust.LineManager]);
    }

    [Fact]
    public async Task DeletesDraftGivenChecklistSubmitted()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager, "First action", "Second action");
        await SaveAsync(concernId, PathToD(), action: 1);
        await SaveAsync(concernId, new() { ["q1a"] = "No" }, action: 2);

        await App.RunAsync<SubmitChecklistHandler, SubmitChecklistResult>(h => h.HandleAsync(new SubmitChecklistCommand(concernId, 1, SmallTrust.LineManager, PathToD(), null)));

        // Only the submitted action's draft goes; the other action's walk in progress stays.
        (await DraftCountAsync()).ShouldBe(1);
        (await LoadAsync(concernId, action: 2)).Answers.ShouldBe(new Dictionary<string, string> { ["q1a"] = "No" });
        (await Should.ThrowAsync<UseCaseException>(() => LoadAsync(concernId, action: 1))).Error.ShouldBe(UseCaseError.Conflict);
    }

    [Fact]
    public async Task KeepsDraftGivenSubmitFailsWhileWritingTheLog()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);
        await SaveAsync(concernId, PathToD());
        _fault.Armed = true;

        await Should.ThrowAsync<Exception>(() => App.RunAsync<SubmitChecklistHandler, SubmitChecklistResult>(
            h => h.HandleAsync(new SubmitChecklistCommand(concernId, 1, SmallTrust.LineManager, PathToD(), null))));

        _fault.Fired.ShouldBe(1);
        _fault.Armed = false;
        // The delete ran in the submit's transaction, so the rollback brought the draft back with everything else.
        (await DraftCountAsync()).ShouldBe(1);
        (await LoadAsync(concernId)).Preview.Outcome.ShouldNotBeNull().Outcome.ShouldBe("D");
    }

    [Fact]
    public async Task RefusesSaveGivenChecklistAlreadySubmitted()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);
        await App.AnswerChecklistAsync(concernId, SmallTrust.LineManager, SmallTrust.PathTo('A'));

        var refusal = await Should.ThrowAsync<UseCaseException>(() => SaveAsync(concernId, new() { ["q1a"] = "No" }));

        refusal.Error.ShouldBe(UseCaseError.Conflict);
        (await DraftCountAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData("q1a", "Perhaps", null)]
    [InlineData("q9z", "No", null)]
    [InlineData("review", "SystemLearning", null)]
    [InlineData("q1a", "No", "nowhere")]
    public async Task RefusesSaveGivenAnswerOrQuestionTheChecklistDoesNotHave(string question, string answer, string? current)
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);

        var refusal = await Should.ThrowAsync<UseCaseException>(() => SaveAsync(concernId, new() { [question] = answer }, current));

        refusal.Error.ShouldBe(UseCaseError.Invalid);
        refusal.FieldProblems.ShouldContain(p => p.Field == "Answers");
        (await DraftCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task RefusesSaveGivenMoreAnswersThanTheChecklistHasQuestions()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);
        var answers = Enumerable.Range(0, 500).ToDictionary(i => $"q{i}", _ => "No");

        var refusal = await Should.ThrowAsync<UseCaseException>(() => SaveAsync(concernId, answers));

        refusal.Error.ShouldBe(UseCaseError.Invalid);
        (await DraftCountAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData("""{"q1a":"Maybe"}""")]
    [InlineData("""{"q1a":"No","not-a-question":"No"}""")]
    [InlineData("not json at all")]
    [InlineData("""["q1a"]""")]
    [InlineData("null")]
    public async Task DiscardsDraftWithMessageGivenStoredAnswersTamperedWith(string json)
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);
        await SaveAsync(concernId, new() { ["q1a"] = "No" });
        await TamperAsync(d => d.ExecuteUpdateAsync(s => s.SetProperty(r => r.AnswersJson, json)));

        var loaded = await LoadAsync(concernId);

        loaded.DiscardedMessage.ShouldBe(ChecklistDraftHandler.DiscardedMessage);
        loaded.Answers.ShouldBeEmpty();
        loaded.Preview.Next.ShouldNotBeNull().QuestionId.ShouldBe("1a");
        (await DraftCountAsync()).ShouldBe(0);
        (await LoadAsync(concernId)).DiscardedMessage.ShouldBeNull("the message is given once, when the draft is cleared");
    }

    [Fact]
    public async Task DiscardsDraftGivenItWasSavedAgainstAnotherDefinitionVersion()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);
        await SaveAsync(concernId, new() { ["q1a"] = "No" });
        await TamperAsync(d => d.ExecuteUpdateAsync(s => s.SetProperty(r => r.DefinitionVersion, r => r.DefinitionVersion + 1)));

        var loaded = await LoadAsync(concernId);

        loaded.DiscardedMessage.ShouldNotBeNull();
        loaded.Answers.ShouldBeEmpty();
        (await DraftCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task DiscardsDraftGivenStoredQuestionToResumeAtIsNotInTheChecklist()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);
        await SaveAsync(concernId, new() { ["q1a"] = "No" });
        await TamperAsync(d => d.ExecuteUpdateAsync(s => s.SetProperty(r => r.CurrentQuestion, "review")));

        (await LoadAsync(concernId)).DiscardedMessage.ShouldNotBeNull();
        (await DraftCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task WritesNothingToTheLogOrCaseGivenDraftsSavedAndLoaded()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager);
        var before = await App.QueryAsync(async db => (await db.DecisionLog.LongCountAsync(), (await db.Concerns.SingleAsync()).Version,
            await db.WorkflowInstances.Select(w => w.Version).SingleAsync()));

        await SaveAsync(concernId, new() { ["q1a"] = "No", ["q2a"] = "No" }, current: "q1a");
        await SaveAsync(concernId, PathToD());
        await LoadAsync(concernId);

        var after = await App.QueryAsync(async db => (await db.DecisionLog.LongCountAsync(), (await db.Concerns.SingleAsync()).Version,
            await db.WorkflowInstances.Select(w => w.Version).SingleAsync()));
        after.ShouldBe(before);
        (await App.QueryAsync(db => db.DecisionLog.CountAsync(e => e.EventType == LogEventTypes.OutcomeRecorded))).ShouldBe(0);
        (await App.NextTaskAsync(concernId)).StepId.ShouldBe("1a");
        (await App.ConcernAsync(concernId)).Actions.Single().Outcome.ShouldBeNull();
    }
}

public sealed class SqliteChecklistDraftTests : ChecklistDraftTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresChecklistDraftTests : ChecklistDraftTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
