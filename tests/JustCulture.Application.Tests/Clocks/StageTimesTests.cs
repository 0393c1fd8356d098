using JustCulture.Application.Clocks;
using JustCulture.Application.Common;
using JustCulture.Domain.Concerns;
using JustCulture.Domain.Reporting;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;
using static JustCulture.Application.Clocks.StageTimesCalculator;

namespace JustCulture.Application.Tests.Clocks;

/// <summary>The stage-time calculator by hand: how a log's stage events become timed stages, and the median and 90th percentile.</summary>
public class StageTimesCalculatorTests
{
    private static readonly Guid Action = Guid.NewGuid();

    private static StageEvent At(long id, string type, int day, string? answer = null) =>
        new(Action, id, type, answer, new DateTime(2025, 6, day, 9, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void TimesEachFinishedStageAndLeavesTheOpenOneGivenAFailedInformalResolution()
    {
        var timed = Replay(
        [
            At(1, LogEventTypes.ChecklistStarted, 2),
            At(2, LogEventTypes.OutcomeRecorded, 3),
            At(3, LogEventTypes.ReviewDecided, 5, nameof(CaseRoute.InformalResolution)),
            At(4, LogEventTypes.InformalResolutionRecorded, 20, "NotResolved"),
        ]);

        timed.Select(t => (t.Stage, t.StartedAtUtc.Day, t.EndedAtUtc.Day)).ShouldBe(
        [
            (ActionStage.Checklist, 2, 3),
            (ActionStage.AwaitingReview, 3, 5),
            (ActionStage.InformalResolution, 5, 20),
        ]);
    }

    [Fact]
    public void StartsTheInvestigationAtItsOwnEntryGivenTheFormalRoute()
    {
        var timed = Replay(
        [
            At(1, LogEventTypes.ChecklistStarted, 2),
            At(2, LogEventTypes.OutcomeRecorded, 2),
            At(3, LogEventTypes.ReviewDecided, 4, nameof(CaseRoute.FormalInvestigation)),
            At(4, LogEventTypes.FormalInvestigationStarted, 4),
        ]);

        timed.Select(t => t.Stage).ShouldBe([ActionStage.Checklist, ActionStage.AwaitingReview], "the investigation is still open");
    }

    [Fact]
    public void GivesTheMiddleAndNearestRankGivenFiveOrMore()
    {
        var odd = Figures([5, 1, 4, 2, 3], SmallCellSuppression.Default);
        odd.MedianWorkingDays.ShouldBe(3);
        odd.Percentile90WorkingDays.ShouldBe(5);

        var even = Figures([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], SmallCellSuppression.Default);
        even.MedianWorkingDays.ShouldBe(5.5);
        even.Percentile90WorkingDays.ShouldBe(9);
        even.Suppressed.ShouldBeFalse();
    }

    [Fact]
    public void WithholdsTheFiguresGivenFewerThanFive()
    {
        var few = Figures([3, 9], SmallCellSuppression.Default);

        few.Suppressed.ShouldBeTrue();
        few.CountText.ShouldBe("<5");
        few.MedianWorkingDays.ShouldBeNull();
        few.Percentile90WorkingDays.ShouldBeNull();
        Figures([], SmallCellSuppression.Default).Suppressed.ShouldBeFalse("nothing timed is nothing to withhold");
    }
}

/// <summary>
/// Time per stage from the log of a small trust: five reviews of white staff decided 1 to 5 working days after their
/// checklists (from Monday 2 June 2025), one of a BME colleague; and a log edited afterwards gives no figures at all.
/// </summary>
public abstract class StageTimesReportTests : IAsyncLifetime
{
    protected abstract TestProvider Provider { get; }

    private TestApp App { get; set; } = null!;

    public async Task InitializeAsync() => App = await TestApp.StartWithSmallTrustAsync(Provider);

    public async Task DisposeAsync() => await App.DisposeAsync();

    private Task<StageTimesReport> ReportAsync() => App.RunAsync<StageTimesReportHandler, StageTimesReport>(h => h.HandleAsync("2025-26"));

    private async Task ReviewFiveWhiteAndOneBmeCaseAsync()
    {
        var white = new List<Guid>();
        foreach (var (subject, raiser) in new[] { ("S001", SmallTrust.LineManager), ("S001", SmallTrust.LineManager), ("S001", SmallTrust.LineManager),
                     ("S005", SmallTrust.OtherLineManager), ("S005", SmallTrust.OtherLineManager) })
        {
            var concernId = await App.OpenConcernAsync(subject, raiser);
            await App.AnswerChecklistAsync(concernId, raiser, SmallTrust.PathTo('G'));
            white.Add(concernId);
        }

        var bme = await App.OpenConcernAsync("S002", SmallTrust.LineManager);
        await App.AnswerChecklistAsync(bme, SmallTrust.LineManager, SmallTrust.PathTo('G'));

        // Tuesday 3 to Friday 6 June, then Monday 9 June: 1, 2, 3, 4 and 5 working days after Monday 2 June.
        foreach (var (concernId, day) in white.Zip([3, 4, 5, 6, 9]))
        {
            App.Clock.UtcNow = new DateTime(2025, 6, day, 9, 0, 0, DateTimeKind.Utc);
            await App.AnswerNextAsync(concernId, SmallTrust.Reviewer, "NoFurtherAction", "Nothing more is needed.");
        }

        await App.AnswerNextAsync(bme, SmallTrust.Reviewer, "NoFurtherAction", "Nothing more is needed.");
    }

    [Fact]
    public async Task GivesMedianAndPercentileForTheGroupWithFiveAndWithholdsTheGroupWithOne()
    {
        await ReviewFiveWhiteAndOneBmeCaseAsync();

        var report = await ReportAsync();

        var review = report.Stages.Single(s => s.Stage == ActionStage.AwaitingReview);
        review.TargetWorkingDays.ShouldBe(10);
        review.White.Count.ShouldBe(5);
        review.White.MedianWorkingDays.ShouldBe(3);
        review.White.Percentile90WorkingDays.ShouldBe(5);
        review.Bme.Suppressed.ShouldBeTrue();
        review.Bme.CountText.ShouldBe("<5");
        review.Bme.MedianWorkingDays.ShouldBeNull();
        var checklist = report.Stages.Single(s => s.Stage == ActionStage.Checklist);
        checklist.White.MedianWorkingDays.ShouldBe(0, "each checklist was answered the day it was raised");
        report.Year.ShouldBe("2025-26");
    }

    [Fact]
    public async Task RefusesWithTheLogBrokenGivenAnEntryEditedAfterItWasSigned()
    {
        await ReviewFiveWhiteAndOneBmeCaseAsync();
        await App.CheckpointAsync();
        await App.QueryAsync(async db =>
        {
            var entryId = await db.DecisionLog.Where(e => e.EventType == LogEventTypes.ReviewDecided).Select(e => e.EntryId).FirstAsync();
            // An insider with the schema owner's rights drops the guard that refuses changing an entry.
            await db.Database.ExecuteSqlRawAsync(Provider == TestProvider.Sqlite
                ? "DROP TRIGGER decision_log_no_update"
                : "DROP TRIGGER decision_log_no_update_delete ON decision_log");
            return await db.DecisionLog.Where(e => e.EntryId == entryId).ExecuteUpdateAsync(s => s.SetProperty(e => e.Answer, "Support"));
        });

        var refused = await Should.ThrowAsync<UseCaseException>(ReportAsync);

        refused.Error.ShouldBe(UseCaseError.LogBroken);
    }
}

public sealed class SqliteStageTimesReportTests : StageTimesReportTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresStageTimesReportTests : StageTimesReportTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
