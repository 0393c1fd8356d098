using JustCulture.Application.Formal;
using JustCulture.Application.Reports;
using JustCulture.Application.Suspensions;
using JustCulture.Domain.Formal;
using JustCulture.Domain.Suspensions;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Application.Tests.Reports;

/// <summary>
/// The funnel's stages after the formal investigation, and suspension, on a hand-built scenario in 2025-26, worked out
/// by hand and recounted from the raw decision-log rows. Headcount: White 5, BME 4, not stated 2.
/// <code>
/// subject group  formal investigations → conclusion → hearing → appeal
/// S001    White  CaseToAnswer → NoAction
/// S005    White  NoCaseToAnswer (suspended 10 days, then ended);  CaseToAnswer → FirstWrittenWarning → NotUpheld
/// S002    BME    NoCaseToAnswer;  CaseToAnswer → FinalWrittenWarning → PartlyUpheld
/// S003    BME    NoCaseToAnswer (suspended, still in force)
/// S004    NS     CaseToAnswer → Dismissal
/// </code>
/// Distinct staff (White / BME / not stated): formal 2/2/1 · no case to answer 1/2/0 · case to answer 2/1/1 ·
/// sanction 1/1/1 · final warning or dismissal 0/1/1 · dismissal 0/0/1 · appeal upheld 0/1/0 · suspension 1/1/0.
/// </summary>
public abstract class FormalFunnelFromLogTests : IAsyncLifetime
{
    private const string Year = "2025-26";

    protected abstract TestProvider Provider { get; }

    private TestApp App { get; set; } = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync(Provider, configure: services => services.AddSingleton(new SuspensionRules(14, [SmallTrust.OtherReviewer])));
        await App.ImportStaffAsync(SmallTrust.Csv, Year);
        await SmallTrust.SeedAsync(App);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    private DateOnly Today => DateOnly.FromDateTime(App.Clock.UtcNow);

    private async Task<Guid> FormalAsync(string subject)
    {
        var manager = subject == "S005" ? SmallTrust.OtherLineManager : SmallTrust.LineManager;
        var concernId = await App.OpenConcernAsync(subject, manager);
        await App.AnswerChecklistAsync(concernId, manager, SmallTrust.PathTo('G'));
        await App.AnswerNextAsync(concernId, SmallTrust.Reviewer, "FormalInvestigation", "Serious and repeated.", "Informal resolution was tried.");
        return concernId;
    }

    private async Task<Guid> ProcessAsync(string subject, InvestigationFinding finding, HearingOutcome? hearing = null, AppealOutcome? appeal = null)
    {
        var concernId = await FormalAsync(subject);
        await App.RunAsync<FormalProcessSteps, FormalProcessView>(h => h.ConcludeAsync(new ConcludeInvestigationCommand(concernId, 1, SmallTrust.Reviewer, finding, Today)));
        if (hearing is { } outcome)
        {
            await App.RunAsync<FormalProcessSteps, FormalProcessView>(h => h.RecordHearingAsync(new RecordHearingCommand(concernId, 1, SmallTrust.Reviewer, Today, "Panel of three", outcome, null)));
        }

        if (appeal is { } decided)
        {
            await App.RunAsync<FormalProcessSteps, FormalProcessView>(h => h.LodgeAppealAsync(new LodgeAppealCommand(concernId, 1, SmallTrust.Reviewer, Today)));
            await App.RunAsync<FormalProcessSteps, FormalProcessView>(h => h.DecideAppealAsync(new DecideAppealCommand(concernId, 1, SmallTrust.Reviewer, decided, Today)));
        }

        return concernId;
    }

    private async Task<Guid> SuspendAsync(Guid concernId)
    {
        var proposed = await App.RunAsync<SuspensionSteps, SuspensionDecided>(h => h.ProposeAsync(new ProposeSuspensionCommand(concernId, SmallTrust.Reviewer,
            SuspensionKind.Suspension, "Risk to patients.",
            [new(SuspensionAlternative.Redeployment, null, "No post."), new(SuspensionAlternative.Supervision, null, "No supervisor."), new(SuspensionAlternative.RestrictedDuties, null, "Every duty.")],
            Today.AddDays(14))));
        await App.RunAsync<SuspensionSteps, SuspensionDecided>(h => h.DecideAsync(new DecideSuspensionCommand(proposed.SuspensionId, SmallTrust.OtherReviewer, true)));
        return proposed.SuspensionId;
    }

    private async Task<FunnelReport> ScenarioAsync()
    {
        await ProcessAsync("S001", InvestigationFinding.CaseToAnswer, HearingOutcome.NoAction);
        var suspendedWhite = await SuspendAsync(await ProcessAsync("S005", InvestigationFinding.NoCaseToAnswer));
        await ProcessAsync("S005", InvestigationFinding.CaseToAnswer, HearingOutcome.FirstWrittenWarning, AppealOutcome.NotUpheld);
        await ProcessAsync("S002", InvestigationFinding.NoCaseToAnswer);
        await ProcessAsync("S002", InvestigationFinding.CaseToAnswer, HearingOutcome.FinalWrittenWarning, AppealOutcome.PartlyUpheld);
        await SuspendAsync(await ProcessAsync("S003", InvestigationFinding.NoCaseToAnswer));
        await ProcessAsync("S004", InvestigationFinding.CaseToAnswer, HearingOutcome.Dismissal);
        App.Clock.Advance(TimeSpan.FromDays(10));
        await App.RunAsync<SuspensionSteps, SuspensionDecided>(h => h.EndAsync(new EndSuspensionCommand(suspendedWhite, SmallTrust.Reviewer, "Investigation concluded.")));
        return await App.RunAsync<FunnelReportHandler, FunnelReport>(h => h.HandleAsync(new FunnelQuery(Year)));
    }

    private static readonly string[] FormalStages =
        ["formal", "no-case-to-answer", "case-to-answer", "sanction", "final-warning-or-dismissal", "dismissal", "appeal-upheld", "suspension"];

    [Fact]
    public async Task CountsEveryStageAfterTheFormalInvestigationGivenHandBuiltScenario()
    {
        var funnel = await ScenarioAsync();

        var stages = FormalStages.Select(k => funnel.Stages.Single(s => s.Stage == k)).ToList();
        stages.Select(s => (s.White.Count, s.Bme.Count, s.NotStated.Count)).ShouldBe([(2, 2, 1), (1, 2, 0), (2, 1, 1), (1, 1, 1), (0, 1, 1), (0, 0, 1), (0, 1, 0), (1, 1, 0)]);
        stages.Skip(1).Select(s => s.PreviousStage).ShouldBe(["formal", "formal", "case-to-answer", "sanction", "sanction", "sanction", "raised"]);
    }

    [Fact]
    public async Task RecountsTheExtendedFunnelFromRawLogRows()
    {
        var funnel = await ScenarioAsync();
        var rows = await App.OpenedEntriesAsync(log => log);
        var group = new Dictionary<string, string> { ["S001"] = "W", ["S005"] = "W", ["S002"] = "B", ["S003"] = "B", ["S004"] = "N" };
        (int, int, int) Recount(string eventType, params string[] answerStarts)
        {
            var people = rows.Where(r => r.EventType == eventType && (answerStarts.Length == 0 || answerStarts.Any(a => r.Answer!.StartsWith(a + ";", StringComparison.Ordinal))))
                .Select(r => r.SubjectStaffRef!).Distinct().ToList();
            return (people.Count(p => group[p] == "W"), people.Count(p => group[p] == "B"), people.Count(p => group[p] == "N"));
        }

        (int, int, int) Shown(string key) => funnel.Stages.Single(s => s.Stage == key) is var s ? (s.White.Count, s.Bme.Count, s.NotStated.Count) : default;
        Shown("no-case-to-answer").ShouldBe(Recount("InvestigationConcluded", "NoCaseToAnswer"));
        Shown("case-to-answer").ShouldBe(Recount("InvestigationConcluded", "CaseToAnswer"));
        Shown("sanction").ShouldBe(Recount("HearingHeld", "FirstWrittenWarning", "FinalWrittenWarning", "Dismissal", "Other"));
        Shown("final-warning-or-dismissal").ShouldBe(Recount("HearingHeld", "FinalWrittenWarning", "Dismissal"));
        Shown("dismissal").ShouldBe(Recount("HearingHeld", "Dismissal"));
        Shown("appeal-upheld").ShouldBe(Recount("AppealDecided", "Upheld", "PartlyUpheld"));
        // New or continued: either event puts the person in the stage, counted once.
        var suspended = rows.Where(r => r.EventType is "SuspensionApproved" or "SuspensionContinued").Select(r => r.SubjectStaffRef!).Distinct().ToList();
        Shown("suspension").ShouldBe((suspended.Count(p => group[p] == "W"), suspended.Count(p => group[p] == "B"), suspended.Count(p => group[p] == "N")));
        // The raw rows hold what the hand count says, so the recount is not just the calculator twice.
        Recount("HearingHeld").ShouldBe((2, 1, 1));
    }

    [Fact]
    public async Task CountsAMeasureContinuedIntoTheNextYearInThatYearToo()
    {
        // Approved in late March 2026 (2025-26), continued at its review in April (2026-27).
        App.Clock.UtcNow = new DateTime(2026, 3, 25, 10, 0, 0, DateTimeKind.Utc);
        var suspension = await SuspendAsync(await FormalAsync("S002"));
        App.Clock.UtcNow = new DateTime(2026, 4, 6, 10, 0, 0, DateTimeKind.Utc);
        await App.ImportStaffAsync(SmallTrust.Csv, "2026-27");
        var continuation = await App.RunAsync<SuspensionSteps, SuspensionDecided>(h => h.ProposeContinuationAsync(new ProposeContinuationCommand(suspension, SmallTrust.Reviewer,
            "The investigation is still taking statements.", Today.AddDays(14))));
        await App.RunAsync<SuspensionSteps, SuspensionDecided>(h => h.DecideAsync(new DecideSuspensionCommand(suspension, SmallTrust.OtherReviewer, true, ExpectedVersion: continuation.Version)));

        var before = await App.RunAsync<FunnelReportHandler, FunnelReport>(h => h.HandleAsync(new FunnelQuery(Year)));
        var after = await App.RunAsync<FunnelReportHandler, FunnelReport>(h => h.HandleAsync(new FunnelQuery("2026-27")));
        before.Stages.Single(s => s.Stage == "suspension").Bme.Count.ShouldBe(1, "approved in 2025-26");
        after.Stages.Single(s => s.Stage == "suspension").Bme.Count.ShouldBe(1, "continued in 2026-27: still in force that year");
        (await App.QueryAsync(db => db.DecisionLog.CountAsync(e => e.EventType == LogEventTypes.SuspensionApproved && e.OccurredAtUtc >= new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc))))
            .ShouldBe(0, "the later year has no new approval: only the continuation puts the person there");
    }

    [Fact]
    public async Task ComputesEachStageAgainstHeadcountAndThePreviousStage()
    {
        var funnel = await ScenarioAsync();
        var noCase = funnel.Stages.Single(s => s.Stage == "no-case-to-answer");

        // Against headcount: (2/4) ÷ (1/5) = 2.50. Among those whose investigation started: BME 2 of 2, White 1 of 2 → 2.00.
        noCase.AgainstHeadcount.RelativeLikelihood.ShouldBe(2.5);
        noCase.Bme.ShouldBe(new StageGroup(2, 4, 0.5, 2, 2, 1.0));
        noCase.White.ShouldBe(new StageGroup(1, 5, 0.2, 1, 2, 0.5));
        noCase.ConditionalOnPreviousStage!.RelativeLikelihood.ShouldBe(2.0);
        noCase.PreviousStageName.ShouldBe("Formal investigation started");

        // Sanction among those with a case to answer: BME 1 of 1, White 1 of 2 → 2.00.
        var sanction = funnel.Stages.Single(s => s.Stage == "sanction");
        sanction.ConditionalOnPreviousStage!.RelativeLikelihood.ShouldBe(2.0);
        // Dismissal: no white or BME staff dismissed, so no ratio.
        funnel.Stages.Single(s => s.Stage == "dismissal").AgainstHeadcount.RelativeLikelihood.ShouldBeNull();
    }

    [Fact]
    public async Task CallsOutAHighNoCaseToAnswerRateForBmeStaffAsReferralBias()
    {
        var funnel = await ScenarioAsync();

        var note = funnel.Warnings.Where(w => w.Contains("referral bias", StringComparison.Ordinal)).ShouldHaveSingleItem();
        note.ShouldStartWith("No case to answer: of the staff whose formal investigation started, BME staff were 2.00 times as likely");
        // Two of two BME and one of two white staff: too few to say in a publication.
        funnel.PublicNotes.ShouldNotContain(n => n.Contains("referral bias", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MeasuresHowLongSuspensionsLastByGroup()
    {
        var funnel = await ScenarioAsync();

        funnel.SuspensionLengths.Select(l => (l.Group, l.Ended, l.MedianDays, l.InForceAtYearEnd)).ShouldBe([
            ("White", 1, 10.0, 0), ("BME", 0, null, 1), ("Not stated", 0, null, 0)]);
    }
}

public sealed class SqliteFormalFunnelFromLogTests : FormalFunnelFromLogTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresFormalFunnelFromLogTests : FormalFunnelFromLogTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
