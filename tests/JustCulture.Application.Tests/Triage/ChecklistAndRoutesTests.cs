using JustCulture.Domain.Concerns;
using JustCulture.Application.Common;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Tests.Triage;

/// <summary>Every checklist path to A–G and every review route, through the real use cases and database.</summary>
public abstract class ChecklistAndRoutesTests : TriageTestBase
{
    [Theory]
    [InlineData('A')]
    [InlineData('B')]
    [InlineData('C')]
    [InlineData('D')]
    [InlineData('E')]
    [InlineData('F')]
    [InlineData('G')]
    public async Task RecordsOutcomeAndAwaitsReviewGivenChecklistPath(char outcome)
    {
        var concernId = await OpenToReviewAsync(outcome);

        var concern = await App.ConcernAsync(concernId);
        concern.Status.ShouldBe(ConcernStatus.AwaitingReview);
        concern.Actions.Single().Outcome.ShouldBe(Enum.Parse<ChecklistOutcome>(outcome.ToString()));
        var next = await App.NextTaskAsync(concernId);
        next.Role.ShouldBe("CommissioningManager");
        next.Answers.ShouldBe(["NoFurtherAction", "Support", "SystemLearning", "InformalResolution", "FormalInvestigation"], ignoreOrder: true);

        var log = await App.QueryAsync(db => db.DecisionLog.Where(e => e.ConcernId == concernId).OrderBy(e => e.EntryId).ToListAsync());
        log.Count(e => e.EventType == LogEventTypes.QuestionAnswered).ShouldBe(SmallTrust.PathTo(outcome).Count);
        log.Single(e => e.EventType == LogEventTypes.OutcomeRecorded).Answer.ShouldBe(outcome.ToString());
        log.Where(e => e.EventType == LogEventTypes.QuestionAnswered).ShouldAllBe(e => e.ActorId == SmallTrust.LineManager && e.ActorRole == "LineManager" && e.Question != null);
    }

    [Fact]
    public async Task ReachesOutcomeCGivenMentalIllHealthOnly()
    {
        var concernId = await OpenAboutS001Async();
        await App.AnswerChecklistAsync(concernId, SmallTrust.LineManager, ["No", "No", "No", "Yes"]);
        (await App.ConcernAsync(concernId)).Actions.Single().Outcome.ShouldBe(ChecklistOutcome.C);
    }

    [Theory]
    [InlineData("NoFurtherAction")]
    [InlineData("Support")]
    [InlineData("SystemLearning")]
    public async Task ClosesCaseGivenNonFormalRoute(string route)
    {
        var concernId = await OpenToReviewAsync('D');

        var result = await App.AnswerNextAsync(concernId, SmallTrust.Reviewer, route, "Reviewed with HR advice.");

        result.ConcernStatus.ShouldBe(ConcernStatus.Closed);
        result.NextTaskIds.ShouldBeEmpty();
        var concern = await App.ConcernAsync(concernId);
        concern.Actions.Single().Route.ShouldBe(Enum.Parse<CaseRoute>(route));
        var review = await App.OpenedEntryAsync(log => log.Where(e => e.ConcernId == concernId && e.EventType == LogEventTypes.ReviewDecided));
        review.Answer.ShouldBe(route);
        review.Rationale.ShouldBe("Reviewed with HR advice.");
        review.ActorId.ShouldBe(SmallTrust.Reviewer);
        review.ActorRole.ShouldBe("CommissioningManager");
        (await App.QueryAsync(db => db.DecisionLog.AnyAsync(e => e.EventType == LogEventTypes.FormalInvestigationStarted))).ShouldBeFalse();
    }

    [Fact]
    public async Task ClosesCaseGivenInformalResolutionResolved()
    {
        var concernId = await OpenToReviewAsync('G');

        (await App.AnswerNextAsync(concernId, SmallTrust.Reviewer, "InformalResolution", "A facilitated conversation is proportionate."))
            .ConcernStatus.ShouldBe(ConcernStatus.InformalResolution);
        var informal = await App.NextTaskAsync(concernId);
        informal.Answers.ShouldBe(["Resolved", "NotResolved"], ignoreOrder: true);
        (await App.CompleteAsync(informal.TaskId, SmallTrust.Reviewer, "Resolved", "Agreed actions completed."))
            .ConcernStatus.ShouldBe(ConcernStatus.Closed);
    }

    [Fact]
    public async Task StartsFormalInvestigationGivenInformalResolutionFailedAndSecondReview()
    {
        var concernId = await OpenToReviewAsync('G');
        await App.AnswerNextAsync(concernId, SmallTrust.Reviewer, "InformalResolution", "Informal first.");
        (await App.AnswerNextAsync(concernId, SmallTrust.Reviewer, "NotResolved", "Behaviour repeated."))
            .ConcernStatus.ShouldBe(ConcernStatus.AwaitingReview);

        var back = await App.NextTaskAsync(concernId);
        back.ActivityId.ShouldBe((await App.QueryAsync(db => db.DecisionLog.FirstAsync(e => e.EventType == LogEventTypes.ReviewDecided))).ActivityId);
        var result = await App.CompleteAsync(back.TaskId, SmallTrust.OtherReviewer, "FormalInvestigation", "Repeated after informal resolution.", "Informal resolution was tried and failed.");

        result.ConcernStatus.ShouldBe(ConcernStatus.FormalInvestigation);
        var action = (await App.ConcernAsync(concernId)).Actions.Single();
        action.Stage.ShouldBe(ActionStage.FormalInvestigation);
        action.FormalInvestigationStartedAtUtc.ShouldNotBeNull().ShouldBe(App.Clock.UtcNow, TimeSpan.FromMilliseconds(1));
        var log = await App.QueryAsync(db => db.DecisionLog.Where(e => e.ConcernId == concernId).OrderBy(e => e.EntryId).Select(e => e.EventType).ToListAsync());
        log.ShouldBe([
            LogEventTypes.ConcernOpened, LogEventTypes.ChecklistStarted,
            .. Enumerable.Repeat(LogEventTypes.QuestionAnswered, SmallTrust.PathTo('G').Count),
            LogEventTypes.OutcomeRecorded,
            LogEventTypes.ConflictOfInterestDeclared, LogEventTypes.ReviewDecided,
            LogEventTypes.ConflictOfInterestDeclared, LogEventTypes.InformalResolutionRecorded,
            LogEventTypes.ConflictOfInterestDeclared, LogEventTypes.ReviewDecided, LogEventTypes.FormalInvestigationStarted, LogEventTypes.WorkflowFinished,
        ]);
        var started = await App.OpenedEntryAsync(log => log.Where(e => e.EventType == LogEventTypes.FormalInvestigationStarted));
        started.SubjectStaffRef.ShouldBe("S001");
        var decision = await App.OpenedEntryAsync(log => log.Where(e => e.EventType == LogEventTypes.ReviewDecided).OrderByDescending(e => e.EntryId).Take(1));
        decision.InformalNotAppropriate.ShouldBe("Informal resolution was tried and failed.");
    }

    [Fact]
    public async Task RunsOneChecklistPerActionGivenSeveralActions()
    {
        var concernId = await OpenAboutS001Async("Gave the wrong dose", "Did not report it");

        var tasks = await App.TasksAsync(concernId);
        tasks.Count.ShouldBe(2);
        tasks.Select(t => t.StepId).ShouldAllBe(s => s == "1a");
        await App.AnswerChecklistAsync(concernId, SmallTrust.LineManager, SmallTrust.PathTo('D'), actionOrdinal: 1);
        await App.AnswerChecklistAsync(concernId, SmallTrust.LineManager, SmallTrust.PathTo('G'), actionOrdinal: 2);

        var concern = await App.ConcernAsync(concernId);
        concern.Actions.Select(a => a.Outcome).ShouldBe([ChecklistOutcome.D, ChecklistOutcome.G]);
        concern.Status.ShouldBe(ConcernStatus.AwaitingReview);
    }

    [Fact]
    public async Task KeepsLogIntactGivenAFullCase()
    {
        var concernId = await OpenToReviewAsync('A');
        await App.AnswerNextAsync(concernId, SmallTrust.Reviewer, "FormalInvestigation", "Deliberate harm alleged.", "Police involved; informal is not possible.");

        var verification = await App.RunAsync<Log.VerifyLogHandler, LogVerification>(h => h.HandleAsync());

        verification.IsIntact.ShouldBeTrue(verification.Problem);
        verification.EntriesChecked.ShouldBe(await App.QueryAsync(db => db.DecisionLog.LongCountAsync()));
    }
}

public sealed class SqliteChecklistAndRoutesTests : ChecklistAndRoutesTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresChecklistAndRoutesTests : ChecklistAndRoutesTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
