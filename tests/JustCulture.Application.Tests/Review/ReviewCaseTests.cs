using JustCulture.Domain.Concerns;
using JustCulture.Application.Common;
using JustCulture.Application.Review;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Tests.Review;

public abstract class ReviewCaseTests : ReviewTestBase
{
    [Fact]
    public async Task ShowsChecklistAnswersAndPendingDecisionGivenCaseAwaitingReview()
    {
        var concernId = await OpenToReviewAsync("S001", 'B');

        var action = (await CaseAsync(concernId)).Actions.ShouldHaveSingleItem();

        action.Outcome.ShouldBe(ChecklistOutcome.B);
        action.ChecklistAnswers.Select(a => a.Answer).ShouldBe(SmallTrust.PathTo('B'));
        action.ChecklistAnswers[0].Question.ShouldContain("intention to cause harm");
        action.PendingTask.ShouldNotBeNull();
        action.PendingTask.Kind.ShouldBe(ReviewTaskKind.RouteDecision);
        action.PendingTask.Answers.Select(a => a.Answer).ShouldContain("FormalInvestigation");
        action.PendingTask.Answers.Single(a => a.Answer == "FormalInvestigation").RequiresInformalNotAppropriate.ShouldBeTrue();
        action.PendingTask.Answers.Single(a => a.Answer == "Support").RequiresInformalNotAppropriate.ShouldBeFalse();
    }

    [Fact]
    public async Task RecordsOneDecisionGivenSameFormSubmittedTwice()
    {
        var concernId = await OpenToReviewAsync("S001", 'G');
        var view = await CaseAsync(concernId);
        var task = view.Actions.Single().PendingTask!;

        var version = view.Actions.Single().Version;
        await App.CompleteAsync(task.TaskId, SmallTrust.Reviewer, "Support", "Training need.", expectedVersion: version);
        var second = await RefusedAsync(UseCaseError.Conflict,
            () => App.CompleteAsync(task.TaskId, SmallTrust.Reviewer, "Support", "Training need.", expectedVersion: version));

        second.Message.ShouldContain("already completed");
        (await App.QueryAsync(db => db.DecisionLog.CountAsync(e => e.EventType == LogEventTypes.ReviewDecided))).ShouldBe(1);
        var decided = (await CaseAsync(concernId)).Actions.Single();
        decided.Route.ShouldBe(CaseRoute.Support);
        decided.Decisions.Single(d => d.EventType == LogEventTypes.ReviewDecided).Rationale.ShouldBe("Training need.");
        decided.Decisions.Count(d => d.EventType == LogEventTypes.ConflictOfInterestDeclared).ShouldBe(1, "the refused resubmission declared nothing");
    }

    [Fact]
    public async Task AcceptsFormGivenAnotherActionOfTheCaseMovedOn()
    {
        var concernId = await App.OpenConcernAsync("S001", SmallTrust.LineManager, "First", "Second");
        await App.AnswerChecklistAsync(concernId, SmallTrust.LineManager, SmallTrust.PathTo('G'), actionOrdinal: 1);
        await App.AnswerChecklistAsync(concernId, SmallTrust.LineManager, SmallTrust.PathTo('D'), actionOrdinal: 2);
        var view = await CaseAsync(concernId);
        var first = view.Actions.Single(a => a.Ordinal == 1);
        var second = view.Actions.Single(a => a.Ordinal == 2);
        await App.CompleteAsync(second.PendingTask!.TaskId, SmallTrust.OtherReviewer, "SystemLearning", "Protocol unworkable.", expectedVersion: second.Version);

        // Versions are per action: the other action's decision does not make this form stale.
        await App.CompleteAsync(first.PendingTask!.TaskId, SmallTrust.Reviewer, "Support", "Training need.", expectedVersion: first.Version);

        (await CaseAsync(concernId)).Actions.Single(a => a.Ordinal == 1).Route.ShouldBe(CaseRoute.Support);
    }

    [Fact]
    public async Task RefusesStaleFormGivenSameActionMovedOn()
    {
        var concernId = await OpenToReviewAsync("S001", 'G');
        var action = (await CaseAsync(concernId)).Actions.Single();
        await App.CompleteAsync(action.PendingTask!.TaskId, SmallTrust.Reviewer, "InformalResolution", "Reflective discussion.", expectedVersion: action.Version);
        var resultForm = (await CaseAsync(concernId)).Actions.Single();
        await PlanAsync(concernId, "Two supervised shifts.", DateOnly.FromDateTime(App.Clock.UtcNow).AddDays(10), resultForm.Version);

        var refused = await RefusedAsync(UseCaseError.Conflict, () => App.CompleteAsync(resultForm.PendingTask!.TaskId, SmallTrust.Reviewer, "Resolved", "Done.",
            expectedVersion: resultForm.Version));

        refused.Message.ShouldContain("moved on");
        (await CaseAsync(concernId)).Actions.Single().Stage.ShouldBe(ActionStage.InformalResolution);
    }
}

public sealed class SqliteReviewCaseTests : ReviewCaseTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresReviewCaseTests : ReviewCaseTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
