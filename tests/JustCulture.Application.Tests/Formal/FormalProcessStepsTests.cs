using JustCulture.Application.Common;
using JustCulture.Application.Formal;
using JustCulture.Application.Log;
using JustCulture.Domain.Formal;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Tests.Formal;

/// <summary>
/// The formal process on a case about S005 (raised by lm2) whose review (cm1) started a formal investigation:
/// conclusion, hearing and appeal, each a case step with its log entry, refused with field keys and nothing written.
/// </summary>
public abstract class FormalProcessStepsTests : IAsyncLifetime
{
    protected abstract TestProvider Provider { get; }

    private TestApp App { get; set; } = null!;

    public async Task InitializeAsync() => App = await TestApp.StartWithSmallTrustAsync(Provider);

    public async Task DisposeAsync() => await App.DisposeAsync();

    private DateOnly Today => DateOnly.FromDateTime(App.Clock.UtcNow);

    private async Task<Guid> CaseAsync(string route = "FormalInvestigation")
    {
        var concernId = await App.OpenConcernAsync("S005", SmallTrust.OtherLineManager);
        await App.AnswerChecklistAsync(concernId, SmallTrust.OtherLineManager, SmallTrust.PathTo('G'));
        await App.AnswerNextAsync(concernId, SmallTrust.Reviewer, route, "Deliberate falsification of records alleged.",
            route == "FormalInvestigation" ? "Informal resolution cannot test the allegation." : null);
        return concernId;
    }

    private Task<FormalProcessView> ConcludeAsync(Guid concernId, InvestigationFinding? finding = InvestigationFinding.CaseToAnswer, DateOnly? on = null, string by = SmallTrust.Reviewer) =>
        App.RunAsync<FormalProcessSteps, FormalProcessView>(h => h.ConcludeAsync(new ConcludeInvestigationCommand(concernId, 1, by, finding, on ?? Today)));

    private Task<FormalProcessView> HearingAsync(Guid concernId, HearingOutcome? outcome = HearingOutcome.FinalWrittenWarning, DateOnly? on = null,
        string? panel = "Deputy director of nursing; HR business partner", string? detail = null) =>
        App.RunAsync<FormalProcessSteps, FormalProcessView>(h => h.RecordHearingAsync(new RecordHearingCommand(concernId, 1, SmallTrust.Reviewer, on ?? Today, panel, outcome, detail)));

    private Task<FormalProcessView> LodgeAsync(Guid concernId, DateOnly? on = null) =>
        App.RunAsync<FormalProcessSteps, FormalProcessView>(h => h.LodgeAppealAsync(new LodgeAppealCommand(concernId, 1, SmallTrust.Reviewer, on ?? Today)));

    private Task<FormalProcessView> DecideAsync(Guid concernId, AppealOutcome? outcome = AppealOutcome.PartlyUpheld, DateOnly? on = null) =>
        App.RunAsync<FormalProcessSteps, FormalProcessView>(h => h.DecideAppealAsync(new DecideAppealCommand(concernId, 1, SmallTrust.Reviewer, outcome, on ?? Today)));

    private Task<int> FormalEntriesAsync() => App.QueryAsync(db => db.DecisionLog.CountAsync(e =>
        e.EventType == LogEventTypes.InvestigationConcluded || e.EventType == LogEventTypes.HearingHeld
        || e.EventType == LogEventTypes.AppealLodged || e.EventType == LogEventTypes.AppealDecided));

    private Task<FormalProceeding?> StoredAsync(Guid concernId) => App.QueryAsync(db => db.FormalProceedings.AsNoTracking().SingleOrDefaultAsync(f => f.ConcernId == concernId));

    private static async Task<UseCaseException> RefusedAsync(UseCaseError expected, Func<Task> use)
    {
        var refused = await Should.ThrowAsync<UseCaseException>(use);
        refused.Error.ShouldBe(expected, refused.Message);
        return refused;
    }

    /// <summary>A refusal leaves the record and the log as they were.</summary>
    private async Task NothingWrittenAsync(Guid concernId, int entriesBefore, int? versionBefore)
    {
        (await FormalEntriesAsync()).ShouldBe(entriesBefore);
        (await StoredAsync(concernId))?.Version.ShouldBe(versionBefore!.Value);
        if (versionBefore is null)
        {
            (await StoredAsync(concernId)).ShouldBeNull();
        }
    }

    [Fact]
    public async Task RecordsConclusionHearingAndAppealEachWithItsLogEntry()
    {
        var concernId = await CaseAsync();
        App.Clock.Advance(TimeSpan.FromDays(30));

        await ConcludeAsync(concernId, on: Today.AddDays(-20));
        await HearingAsync(concernId, on: Today.AddDays(-10));
        await LodgeAsync(concernId, on: Today.AddDays(-5));
        var decided = await DecideAsync(concernId);

        decided.Finding.ShouldBe(InvestigationFinding.CaseToAnswer);
        decided.HearingOutcome.ShouldBe(HearingOutcome.FinalWrittenWarning);
        decided.AppealOutcome.ShouldBe(AppealOutcome.PartlyUpheld);
        decided.Version.ShouldBe(4);
        var stored = (await StoredAsync(concernId)).ShouldNotBeNull();
        stored.HearingPanel.ShouldBe("Deputy director of nursing; HR business partner");
        stored.AppealDecidedOn.ShouldBe(Today);

        var entries = await App.OpenedEntriesAsync(log => log.Where(e => e.ConcernId == concernId && (e.EventType == LogEventTypes.InvestigationConcluded
            || e.EventType == LogEventTypes.HearingHeld || e.EventType == LogEventTypes.AppealLodged || e.EventType == LogEventTypes.AppealDecided)).OrderBy(e => e.EntryId));
        entries.Select(e => e.EventType).ShouldBe([LogEventTypes.InvestigationConcluded, LogEventTypes.HearingHeld, LogEventTypes.AppealLodged, LogEventTypes.AppealDecided]);
        entries.Select(e => e.Answer).ShouldBe([
            $"CaseToAnswer; {Today.AddDays(-20):yyyy-MM-dd}", $"FinalWrittenWarning; {Today.AddDays(-10):yyyy-MM-dd}",
            $"Lodged; {Today.AddDays(-5):yyyy-MM-dd}", $"PartlyUpheld; {Today:yyyy-MM-dd}"]);
        entries.ShouldAllBe(e => e.SubjectStaffRef == "S005" && e.ActorId == SmallTrust.Reviewer && e.WorkflowInstanceId != null);
        // The panel is free text: sealed in the rationale, never in the answer an auditor reads.
        entries[1].Rationale!.ShouldContain("Deputy director of nursing");
        AuditorView.Answer(entries[1].EventType, entries[1].Answer).ShouldBe($"FinalWrittenWarning; {Today.AddDays(-10):yyyy-MM-dd}");
        var verification = await App.RunAsync<VerifyLogHandler, LogVerification>(h => h.HandleAsync());
        verification.IsIntact.ShouldBeTrue(verification.Problem);
    }

    [Fact]
    public async Task RefusesAnyFormalStepGivenNoFormalInvestigationStarted()
    {
        var concernId = await CaseAsync("SystemLearning");

        await RefusedAsync(UseCaseError.RuleViolated, () => ConcludeAsync(concernId));

        await NothingWrittenAsync(concernId, 0, null);
    }

    [Fact]
    public async Task RefusesHearingOutcomeGivenInvestigationNotConcluded()
    {
        var concernId = await CaseAsync();

        var refused = await RefusedAsync(UseCaseError.RuleViolated, () => HearingAsync(concernId));

        refused.FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("Outcome");
        refused.FieldProblems[0].Message.ShouldContain("has not concluded");
        await NothingWrittenAsync(concernId, 0, null);
    }

    [Fact]
    public async Task RefusesHearingGivenNoCaseToAnswer()
    {
        var concernId = await CaseAsync();
        await ConcludeAsync(concernId, InvestigationFinding.NoCaseToAnswer);

        var refused = await RefusedAsync(UseCaseError.RuleViolated, () => HearingAsync(concernId));

        refused.FieldProblems.ShouldHaveSingleItem().Message.ShouldContain("no case to answer");
        await NothingWrittenAsync(concernId, 1, 1);
    }

    [Fact]
    public async Task RefusesAppealGivenNoSanction()
    {
        var concernId = await CaseAsync();
        await ConcludeAsync(concernId);
        await HearingAsync(concernId, HearingOutcome.NoAction);

        var refused = await RefusedAsync(UseCaseError.RuleViolated, () => LodgeAsync(concernId));

        refused.FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("LodgedOn");
        refused.FieldProblems[0].Message.ShouldContain("no sanction");
        await NothingWrittenAsync(concernId, 2, 2);
    }

    [Fact]
    public async Task RefusesAppealOutcomeGivenNoAppealLodged()
    {
        var concernId = await CaseAsync();
        await ConcludeAsync(concernId);
        await HearingAsync(concernId, HearingOutcome.Dismissal);

        (await RefusedAsync(UseCaseError.RuleViolated, () => DecideAsync(concernId))).FieldProblems.ShouldHaveSingleItem().Message.ShouldBe("No appeal is lodged.");
        await NothingWrittenAsync(concernId, 2, 2);
    }

    [Fact]
    public async Task RefusesDatesInTheFutureOrBeforeTheStageBefore()
    {
        var concernId = await CaseAsync();

        (await RefusedAsync(UseCaseError.Invalid, () => ConcludeAsync(concernId, on: Today.AddDays(1)))).FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("ConcludedOn");
        // Before the formal investigation started (today, on the test clock).
        (await RefusedAsync(UseCaseError.Invalid, () => ConcludeAsync(concernId, on: Today.AddDays(-1)))).FieldProblems.ShouldHaveSingleItem().Message.ShouldContain("before the formal investigation started");
        await NothingWrittenAsync(concernId, 0, null);

        await ConcludeAsync(concernId);
        App.Clock.Advance(TimeSpan.FromDays(30));
        var hearingBefore = await RefusedAsync(UseCaseError.Invalid, () => HearingAsync(concernId, on: Today.AddDays(-31)));
        hearingBefore.FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("HearingDate");
        hearingBefore.FieldProblems[0].Message.ShouldContain("before the investigation concluded");
        (await RefusedAsync(UseCaseError.Invalid, () => HearingAsync(concernId, on: Today.AddDays(2)))).FieldProblems.ShouldHaveSingleItem().Message.ShouldContain("future");
        await NothingWrittenAsync(concernId, 1, 1);

        await HearingAsync(concernId, on: Today.AddDays(-10));
        (await RefusedAsync(UseCaseError.Invalid, () => LodgeAsync(concernId, Today.AddDays(-11)))).FieldProblems.ShouldHaveSingleItem().Message.ShouldContain("before the hearing");
        await LodgeAsync(concernId, Today.AddDays(-3));
        (await RefusedAsync(UseCaseError.Invalid, () => DecideAsync(concernId, on: Today.AddDays(-4)))).FieldProblems.ShouldHaveSingleItem().Message.ShouldContain("before the appeal was lodged");
        await NothingWrittenAsync(concernId, 3, 3);
    }

    [Fact]
    public async Task RefusesBadHearingInputKeyedByField()
    {
        var concernId = await CaseAsync();
        await ConcludeAsync(concernId);

        var refused = await RefusedAsync(UseCaseError.Invalid, () => HearingAsync(concernId, outcome: null, panel: " "));
        refused.FieldProblems.Select(p => p.Field).Order(StringComparer.Ordinal).ShouldBe(["Outcome", "Panel"]);
        (await RefusedAsync(UseCaseError.Invalid, () => HearingAsync(concernId, HearingOutcome.Other))).FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("OutcomeDetail");
        (await RefusedAsync(UseCaseError.Invalid, () => HearingAsync(concernId, HearingOutcome.Dismissal, detail: "x"))).FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("OutcomeDetail");
        (await RefusedAsync(UseCaseError.Invalid, () => ConcludeAsync(concernId, finding: null))).FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("Finding");
        await NothingWrittenAsync(concernId, 1, 1);
    }

    [Fact]
    public async Task RefusesConclusionTwiceAndAnyoneNotAnIndependentReviewer()
    {
        var concernId = await CaseAsync();

        await RefusedAsync(UseCaseError.Forbidden, () => ConcludeAsync(concernId, by: SmallTrust.OtherLineManager));
        await RefusedAsync(UseCaseError.Forbidden, () => ConcludeAsync(concernId, by: SmallTrust.ReviewerWhoManagesSubject));
        await NothingWrittenAsync(concernId, 0, null);
        await ConcludeAsync(concernId);
        await RefusedAsync(UseCaseError.Conflict, () => ConcludeAsync(concernId, InvestigationFinding.NoCaseToAnswer));
        await NothingWrittenAsync(concernId, 1, 1);
    }

    private Task<FormalProcessView> CloseAsync(Guid concernId, int? expectedVersion = null) =>
        App.RunAsync<FormalProcessSteps, FormalProcessView>(h => h.CloseAsync(new CloseFormalProcessCommand(concernId, 1, SmallTrust.Reviewer, expectedVersion)));

    private Task<Domain.Concerns.ConcernStatus> StatusAsync(Guid concernId) =>
        App.QueryAsync(db => db.Concerns.Where(c => c.Id == concernId).Select(c => c.Status).SingleAsync());

    private Task<int> ClosedEntriesAsync(Guid concernId) =>
        App.QueryAsync(db => db.DecisionLog.CountAsync(e => e.ConcernId == concernId && e.EventType == LogEventTypes.FormalProcessClosed));

    [Fact]
    public async Task ClosesOnlyOnceTheProcessHasAnEndThenRefusesEveryStep()
    {
        var concernId = await CaseAsync();
        App.Clock.Advance(TimeSpan.FromDays(30));

        // No end yet: nothing concluded, then a case to answer with no hearing, then an appeal lodged but not decided.
        (await RefusedAsync(UseCaseError.RuleViolated, () => CloseAsync(concernId))).FieldProblems.ShouldContain(p => p.Field == "Close");
        await ConcludeAsync(concernId, on: Today.AddDays(-20));
        (await RefusedAsync(UseCaseError.RuleViolated, () => CloseAsync(concernId))).Message.ShouldContain("record the hearing first");
        await HearingAsync(concernId, on: Today.AddDays(-10));
        await LodgeAsync(concernId, on: Today.AddDays(-5));
        (await RefusedAsync(UseCaseError.RuleViolated, () => CloseAsync(concernId))).Message.ShouldContain("An appeal is lodged");
        (await ClosedEntriesAsync(concernId)).ShouldBe(0);
        (await StatusAsync(concernId)).ShouldBe(Domain.Concerns.ConcernStatus.FormalInvestigation);

        var decided = await DecideAsync(concernId);
        await RefusedAsync(UseCaseError.Conflict, () => CloseAsync(concernId, expectedVersion: decided.Version - 1));
        await CloseAsync(concernId, decided.Version);

        (await StatusAsync(concernId)).ShouldBe(Domain.Concerns.ConcernStatus.Closed, "its only action has closed");
        var entry = (await App.OpenedEntriesAsync(log => log.Where(e => e.ConcernId == concernId && e.EventType == LogEventTypes.FormalProcessClosed))).ShouldHaveSingleItem();
        entry.Answer.ShouldBe($"AppealDecided; {Today:yyyy-MM-dd}");
        entry.ActorId.ShouldBe(SmallTrust.Reviewer);
        var entries = await FormalEntriesAsync();
        await RefusedAsync(UseCaseError.Conflict, () => CloseAsync(concernId));
        await RefusedAsync(UseCaseError.Conflict, () => LodgeAsync(concernId));
        (await FormalEntriesAsync()).ShouldBe(entries);
        (await ClosedEntriesAsync(concernId)).ShouldBe(1);
        (await App.RunAsync<VerifyLogHandler, LogVerification>(h => h.HandleAsync())).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task ClosesAfterNoCaseToAnswerOrAHearingNotAppealed()
    {
        var noCase = await CaseAsync();
        App.Clock.Advance(TimeSpan.FromDays(30));
        await ConcludeAsync(noCase, InvestigationFinding.NoCaseToAnswer, Today.AddDays(-3));
        var view = (await App.RunAsync<FormalProcessQueries, IReadOnlyList<FormalActionView>>(q => q.ForCaseAsync(noCase, SmallTrust.Reviewer))).Single();
        (view.Next, view.CanClose).ShouldBe((null, true));
        await CloseAsync(noCase);
        (await App.OpenedEntriesAsync(log => log.Where(e => e.ConcernId == noCase && e.EventType == LogEventTypes.FormalProcessClosed))).Single().Answer
            .ShouldStartWith("NoCaseToAnswer;");
        view = (await App.RunAsync<FormalProcessQueries, IReadOnlyList<FormalActionView>>(q => q.ForCaseAsync(noCase, SmallTrust.Reviewer))).Single();
        (view.Next, view.CanClose, view.IsClosed).ShouldBe((null, false, true));

        // A sanction not appealed: the process can be closed while an appeal could still be recorded, and closing ends that.
        var sanctioned = await CaseAsync();
        await ConcludeAsync(sanctioned, on: Today);
        await HearingAsync(sanctioned, on: Today);
        view = (await App.RunAsync<FormalProcessQueries, IReadOnlyList<FormalActionView>>(q => q.ForCaseAsync(sanctioned, SmallTrust.Reviewer))).Single();
        (view.Next, view.CanClose).ShouldBe((FormalNextStep.LodgeAppeal, true));
        await CloseAsync(sanctioned);
        (await App.OpenedEntriesAsync(log => log.Where(e => e.ConcernId == sanctioned && e.EventType == LogEventTypes.FormalProcessClosed))).Single().Answer
            .ShouldStartWith("NotAppealed;");
        await RefusedAsync(UseCaseError.Conflict, () => LodgeAsync(sanctioned));
    }

    [Fact]
    public async Task ListsTheCaseOnTheWorkListWithWhatComesNext()
    {
        var concernId = await CaseAsync();

        var before = await App.RunAsync<FormalProcessQueries, IReadOnlyList<FormalActionView>>(q => q.WorkListAsync(SmallTrust.Reviewer));
        before.ShouldHaveSingleItem().Next.ShouldBe(FormalNextStep.Conclude);
        await ConcludeAsync(concernId, InvestigationFinding.NoCaseToAnswer);

        var after = await App.RunAsync<FormalProcessQueries, IReadOnlyList<FormalActionView>>(q => q.ForCaseAsync(concernId, SmallTrust.Reviewer));
        after.ShouldHaveSingleItem().Next.ShouldBeNull();
        (await App.RunAsync<FormalProcessQueries, IReadOnlyList<FormalActionView>>(q => q.WorkListAsync(SmallTrust.ReviewerWhoManagesSubject))).ShouldBeEmpty();
    }
}

public sealed class SqliteFormalProcessStepsTests : FormalProcessStepsTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresFormalProcessStepsTests : FormalProcessStepsTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
