using JustCulture.Application.Common;
using JustCulture.Application.Review;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Tests.Review;

public abstract class RecordInformalPlanTests : ReviewTestBase
{
    private sealed record Stored(string? AgreedActions, DateOnly? ReviewDate, int Version, int PlanEntries, long LogEntries);

    private Task<Stored> StoredAsync(Guid concernId) => App.QueryAsync(async db =>
    {
        var action = await db.ConcernActions.SingleAsync(a => a.ConcernId == concernId);
        return new Stored(action.InformalAgreedActions, action.InformalReviewDate, action.Version,
            await db.DecisionLog.CountAsync(e => e.EventType == LogEventTypes.InformalResolutionPlanRecorded),
            await db.DecisionLog.LongCountAsync());
    });

    [Fact]
    public async Task StoresPlanAndLogsItGivenInformalRoute()
    {
        var concernId = await RoutedAsync("S001", 'G', "InformalResolution");
        var before = await StoredAsync(concernId);

        var version = await PlanAsync(concernId, "  Reflective discussion; two supervised shifts.  ", Today.AddDays(14), before.Version);

        var after = await StoredAsync(concernId);
        after.AgreedActions.ShouldBe("Reflective discussion; two supervised shifts.");
        after.ReviewDate.ShouldBe(Today.AddDays(14));
        after.Version.ShouldBe(before.Version + 1);
        version.ShouldBe(after.Version);
        var entry = await App.OpenedEntryAsync(log => log.Where(e => e.EventType == LogEventTypes.InformalResolutionPlanRecorded));
        entry.Answer.ShouldBe(Today.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        entry.Rationale.ShouldBe("Reflective discussion; two supervised shifts.");
        entry.ActorId.ShouldBe(SmallTrust.Reviewer);
        entry.ConcernId.ShouldBe(concernId);
        (await CaseAsync(concernId)).Actions.Single().InformalReviewDate.ShouldBe(Today.AddDays(14));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public async Task RefusesGivenReviewDateNotInFuture(int daysFromToday)
    {
        var concernId = await RoutedAsync("S001", 'G', "InformalResolution");
        var before = await StoredAsync(concernId);

        var refused = await RefusedAsync(UseCaseError.Invalid, () => PlanAsync(concernId, "Reflective discussion.", Today.AddDays(daysFromToday)));

        refused.Details.ShouldContain("The review date must be in the future.");
        refused.FieldProblems.ShouldBe([new FieldProblem(nameof(RecordInformalPlanCommand.ReviewDate), "The review date must be in the future.")]);
        (await StoredAsync(concernId)).ShouldBe(before);
    }

    [Fact]
    public async Task RefusesGivenNoAgreedActionsOrDate()
    {
        var concernId = await RoutedAsync("S001", 'G', "InformalResolution");
        var before = await StoredAsync(concernId);

        var refused = await RefusedAsync(UseCaseError.Invalid, () => PlanAsync(concernId, "  ", null));

        refused.Details.ShouldBe(["Enter the agreed actions.", "Enter a review date."]);
        refused.FieldProblems.Select(p => p.Field).ShouldBe([nameof(RecordInformalPlanCommand.AgreedActions), nameof(RecordInformalPlanCommand.ReviewDate)]);
        (await StoredAsync(concernId)).ShouldBe(before);
    }

    [Fact]
    public async Task RefusesGivenActionNotInInformalResolution()
    {
        var concernId = await OpenToReviewAsync("S001", 'G');
        var before = await StoredAsync(concernId);

        await RefusedAsync(UseCaseError.RuleViolated, () => PlanAsync(concernId, "Reflective discussion.", Today.AddDays(7)));

        (await StoredAsync(concernId)).ShouldBe(before);
    }

    [Fact]
    public async Task RefusesGivenStaleVersion()
    {
        var concernId = await RoutedAsync("S001", 'G', "InformalResolution");
        var version = (await StoredAsync(concernId)).Version;
        await PlanAsync(concernId, "First plan.", Today.AddDays(7), version);

        var refused = await RefusedAsync(UseCaseError.Conflict, () => PlanAsync(concernId, "Second plan.", Today.AddDays(9), version));

        refused.Message.ShouldContain("moved on");
        (await StoredAsync(concernId)).AgreedActions.ShouldBe("First plan.");
    }

    [Fact]
    public async Task RefusesGivenConflictedReviewer()
    {
        var concernId = await RoutedAsync("S001", 'G', "InformalResolution");

        await RefusedAsync(UseCaseError.Forbidden, () => PlanAsync(concernId, "Plan.", Today.AddDays(7), reviewer: SmallTrust.ReviewerWhoManagesSubject));
    }

    [Fact]
    public async Task LeavesNothingGivenFailureWhileWritingLog()
    {
        var concernId = await RoutedAsync("S001", 'G', "InformalResolution");
        var before = await StoredAsync(concernId);
        LogFault.Armed = true;

        await Should.ThrowAsync<Exception>(() => PlanAsync(concernId, "Reflective discussion.", Today.AddDays(7)));

        LogFault.Fired.ShouldBe(1);
        LogFault.Armed = false;
        (await StoredAsync(concernId)).ShouldBe(before);
    }

    [Fact]
    public async Task ClearsPlanAndReturnsToReviewGivenNotResolved()
    {
        var concernId = await RoutedAsync("S001", 'G', "InformalResolution");
        await PlanAsync(concernId, "Reflective discussion.", Today.AddDays(7));

        await App.AnswerNextAsync(concernId, SmallTrust.Reviewer, "NotResolved", "Did not attend the discussion.");

        var stored = await StoredAsync(concernId);
        stored.AgreedActions.ShouldBeNull();
        stored.ReviewDate.ShouldBeNull();
        (await QueueAsync()).ShouldHaveSingleItem().Kind.ShouldBe(ReviewTaskKind.RouteDecision);
    }
}

public sealed class SqliteRecordInformalPlanTests : RecordInformalPlanTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresRecordInformalPlanTests : RecordInformalPlanTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
