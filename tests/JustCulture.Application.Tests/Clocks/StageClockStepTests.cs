using JustCulture.Application.Cases;
using JustCulture.Application.Clocks;
using JustCulture.Application.Common;
using JustCulture.Application.Log;
using JustCulture.Domain.Calendar;
using JustCulture.Domain.Concerns;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Application.Tests.Clocks;

/// <summary>
/// Stage clocks and the delay-reason step on a case about S005 (raised by lm2; cm1 and cm2 independent, cmlm above
/// S005 in line management). The test clock starts on Monday 2 June 2025 at 10:00 UK time; the calendar has one
/// extra configured holiday, Tuesday 10 June 2025, so the review's 10 working days end on Tuesday 17 June.
/// </summary>
public abstract class StageClockStepTests : IAsyncLifetime
{
    private static readonly DateOnly ExtraHoliday = new(2025, 6, 10);

    protected abstract TestProvider Provider { get; }

    private TestApp App { get; set; } = null!;

    public async Task InitializeAsync() => App = await TestApp.StartWithSmallTrustAsync(Provider, services =>
        services.AddSingleton(new ClockSettings(calendar: WorkingDayCalendar.EnglandAndWales([ExtraHoliday]))));

    public async Task DisposeAsync() => await App.DisposeAsync();

    private async Task<Guid> AwaitingReviewAsync()
    {
        var concernId = await App.OpenConcernAsync("S005", SmallTrust.OtherLineManager);
        await App.AnswerChecklistAsync(concernId, SmallTrust.OtherLineManager, SmallTrust.PathTo('G'));
        return concernId;
    }

    private Task<StageDelayRecorded> DelayAsync(Guid concernId, string by = SmallTrust.Reviewer, StageDelayReason? reason = StageDelayReason.WitnessUnavailable,
        string? details = "The ward sister is on leave until 20 June.") =>
        App.RunAsync<RecordStageDelayHandler, StageDelayRecorded>(h => h.HandleAsync(new RecordStageDelayCommand(concernId, 1, by, reason, details)));

    private Task<StageClock?> ClockAsync(Guid concernId) => App.RunAsync<StageClockReader, StageClock?>(h => h.ForActionAsync(concernId, 1));

    private Task<IReadOnlyList<CaseFlag>> ClockFlagsAsync(Guid concernId) => App.RunAsync<CaseFlagsHandler, IReadOnlyList<CaseFlag>>(async h =>
        (await h.ForAsync([concernId])).TryGetValue(concernId, out var flags) ? flags.Where(f => f.Code.StartsWith("stage-", StringComparison.Ordinal)).ToList() : []);

    private Task<int> DelayEntriesAsync() => App.QueryAsync(db => db.DecisionLog.CountAsync(e => e.EventType == LogEventTypes.StageDelayRecorded));

    private Task<int> ActionVersionAsync(Guid concernId) => App.QueryAsync(db => db.ConcernActions.Where(a => a.ConcernId == concernId && a.Ordinal == 1).Select(a => a.Version).SingleAsync());

    private void AdvanceTo(int day, int hourUtc = 9) => App.Clock.Advance(new DateTime(2025, 6, day, hourUtc, 0, 0, DateTimeKind.Utc) - App.Clock.UtcNow);

    private static async Task<UseCaseException> RefusedAsync(UseCaseError expected, Func<Task> use)
    {
        var refused = await Should.ThrowAsync<UseCaseException>(use);
        refused.Error.ShouldBe(expected, refused.Message);
        return refused;
    }

    [Fact]
    public async Task ClocksTheStageFromTheEntryThatMovedItThereSkippingTheConfiguredHoliday()
    {
        var concernId = await AwaitingReviewAsync();

        var clock = (await ClockAsync(concernId)).ShouldNotBeNull();

        clock.Stage.ShouldBe(ActionStage.AwaitingReview);
        clock.Due.StartedOn.ShouldBe(new DateOnly(2025, 6, 2));
        clock.Due.DueOn.ShouldBe(new DateOnly(2025, 6, 17));
        clock.Due.WorkingDaysLeft.ShouldBe(10);
        var flag = (await ClockFlagsAsync(concernId)).ShouldHaveSingleItem();
        flag.Code.ShouldBe("stage-due");
        flag.Text.ShouldBe("Action 1, awaiting review: due 17 June 2025, 10 working days left");

        AdvanceTo(18);
        (await ClockAsync(concernId))!.Due.WorkingDaysLeft.ShouldBe(-1);
        var overdue = (await ClockFlagsAsync(concernId)).ShouldHaveSingleItem();
        overdue.Code.ShouldBe("stage-overdue");
        overdue.Level.ShouldBe(CaseFlagLevel.Overdue);
        overdue.Text.ShouldBe("Action 1, awaiting review: overdue by 1 working day (due 17 June 2025); delay reason needed");
    }

    [Fact]
    public async Task RecordsADelayReasonGivenAnOverdueStage()
    {
        var concernId = await AwaitingReviewAsync();
        AdvanceTo(18);
        var versionBefore = await ActionVersionAsync(concernId);

        var recorded = await DelayAsync(concernId);

        recorded.Stage.ShouldBe(ActionStage.AwaitingReview);
        recorded.DueOn.ShouldBe(new DateOnly(2025, 6, 17));
        recorded.Version.ShouldBe(versionBefore + 1);
        (await ActionVersionAsync(concernId)).ShouldBe(versionBefore + 1);
        var entry = (await App.OpenedEntriesAsync(log => log.Where(e => e.EventType == LogEventTypes.StageDelayRecorded))).ShouldHaveSingleItem();
        entry.ConcernId.ShouldBe(concernId);
        entry.ActorId.ShouldBe(SmallTrust.Reviewer);
        entry.ActorRole.ShouldBe("CommissioningManager");
        entry.Answer.ShouldBe("AwaitingReview; WitnessUnavailable");
        entry.Rationale.ShouldBe("The ward sister is on leave until 20 June.");
        entry.WorkflowInstanceId.ShouldNotBeNull();
        var flag = (await ClockFlagsAsync(concernId)).ShouldHaveSingleItem();
        flag.Code.ShouldBe("stage-overdue-delay-recorded");
        flag.Text.ShouldEndWith("; delay: a witness is unavailable");
        // An auditor sees the fixed choice, never the explanation.
        AuditorView.Answer(LogEventTypes.StageDelayRecorded, entry.Answer).ShouldBe("AwaitingReview; WitnessUnavailable");

        (await RefusedAsync(UseCaseError.Conflict, () => DelayAsync(concernId))).Message.ShouldContain("already recorded");
        (await DelayEntriesAsync()).ShouldBe(1);
        var verification = await App.RunAsync<VerifyLogHandler, LogVerification>(h => h.HandleAsync());
        verification.IsIntact.ShouldBeTrue(verification.Problem);
    }

    [Fact]
    public async Task RefusesADelayReasonGivenAStageWithinItsTarget()
    {
        var concernId = await AwaitingReviewAsync();
        AdvanceTo(17, hourUtc: 22); // 23:00 BST on the due date: still within the target

        var refused = await RefusedAsync(UseCaseError.RuleViolated, () => DelayAsync(concernId));

        refused.FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("Reason");
        refused.Message.ShouldContain("not past its target");
        (await DelayEntriesAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task RefusesBadInputByFieldAndWritesNothing()
    {
        var concernId = await AwaitingReviewAsync();
        AdvanceTo(18);
        var versionBefore = await ActionVersionAsync(concernId);

        var refused = await RefusedAsync(UseCaseError.Invalid, () => DelayAsync(concernId, reason: (StageDelayReason)99, details: "  "));
        refused.FieldProblems.Select(p => p.Field).ShouldBe(["Reason", "Details"], ignoreOrder: true);
        (await RefusedAsync(UseCaseError.Invalid, () => DelayAsync(concernId, reason: null))).FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("Reason");
        (await RefusedAsync(UseCaseError.Invalid, () => DelayAsync(concernId, details: new string('x', RecordStageDelayHandler.MaxDetailsLength + 1))))
            .FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("Details");

        (await DelayEntriesAsync()).ShouldBe(0);
        (await ActionVersionAsync(concernId)).ShouldBe(versionBefore);
    }

    [Fact]
    public async Task RefusesAnyoneButAnIndependentReviewerAfterTheChecklist()
    {
        var concernId = await AwaitingReviewAsync();
        AdvanceTo(18);

        await RefusedAsync(UseCaseError.Forbidden, () => DelayAsync(concernId, by: SmallTrust.OtherLineManager));
        await RefusedAsync(UseCaseError.Forbidden, () => DelayAsync(concernId, by: SmallTrust.ReviewerWhoManagesSubject));
        await RefusedAsync(UseCaseError.Forbidden, () => DelayAsync(concernId, by: SmallTrust.Auditor));
        (await DelayEntriesAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task LetsOnlyTheRaiserExplainALateChecklist()
    {
        var concernId = await App.OpenConcernAsync("S005", SmallTrust.OtherLineManager);
        AdvanceTo(11); // 5 working days from 2 June: due Monday 9 June; the 10th is a holiday, so the 11th is 1 working day late

        await RefusedAsync(UseCaseError.Forbidden, () => DelayAsync(concernId, by: SmallTrust.Reviewer));
        var recorded = await DelayAsync(concernId, by: SmallTrust.OtherLineManager, reason: StageDelayReason.AwaitingInformation, details: "Waiting for the rota.");

        recorded.Stage.ShouldBe(ActionStage.Checklist);
        recorded.DueOn.ShouldBe(new DateOnly(2025, 6, 9));
    }

    [Fact]
    public async Task ShowsEachUserOnlyTheirOwnDueWork()
    {
        var review = await AwaitingReviewAsync();
        var checklist = await App.OpenConcernAsync("S001", SmallTrust.LineManager);
        AdvanceTo(18);

        var raiser = await App.RunAsync<DueForMeHandler, DueForMe>(h => h.HandleAsync(SmallTrust.LineManager));
        var item = raiser.Items.ShouldHaveSingleItem();
        item.ConcernId.ShouldBe(checklist);
        item.Stage.ShouldBe(ActionStage.Checklist);
        item.IsOverdue.ShouldBeTrue();
        item.DelayReasonNeeded.ShouldBeTrue();
        (await App.RunAsync<DueForMeHandler, DueForMe>(h => h.HandleAsync(SmallTrust.OtherLineManager))).Items.ShouldBeEmpty();

        var reviewer = await App.RunAsync<DueForMeHandler, DueForMe>(h => h.HandleAsync(SmallTrust.OtherReviewer));
        reviewer.Items.ShouldHaveSingleItem().ConcernId.ShouldBe(review);
        reviewer.OverdueCount.ShouldBe(1);
        // cmlm manages S005's line and S001's: independent of neither, so nothing of either case is due for them.
        (await App.RunAsync<DueForMeHandler, DueForMe>(h => h.HandleAsync(SmallTrust.ReviewerWhoManagesSubject))).Items.ShouldBeEmpty();
        (await App.RunAsync<DueForMeHandler, DueForMe>(h => h.HandleAsync(SmallTrust.Auditor))).Items.ShouldBeEmpty();
    }
}

public sealed class SqliteStageClockStepTests : StageClockStepTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresStageClockStepTests : StageClockStepTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
