using JustCulture.Domain.Concerns;
using System.Text.Json;
using JustCulture.Application.Common;
using JustCulture.Application.Review;
using JustCulture.TestSupport;

namespace JustCulture.Application.Tests.Review;

public abstract class ReviewQueueTests : ReviewTestBase
{
    [Fact]
    public async Task ListsBlindedRouteDecisionGivenCaseAwaitingReview()
    {
        var concernId = await OpenToReviewAsync("S002", 'G');
        App.Clock.Advance(TimeSpan.FromDays(3));

        var item = (await QueueAsync()).ShouldHaveSingleItem();

        item.ConcernId.ShouldBe(concernId);
        item.Kind.ShouldBe(ReviewTaskKind.RouteDecision);
        item.CaseReference.ShouldBe(JustCulture.Domain.Concerns.CaseReference.Of(concernId));
        item.Band.ShouldBe("Band 5");
        item.StaffGroup.ShouldBe("Nursing and Midwifery Registered");
        item.YearsOfService.ShouldBe(4); // started 2021-03-01, clock 2025-06-05
        item.Outcome.ShouldBe(ChecklistOutcome.G);
        item.DaysWaiting.ShouldBe(3);
        item.IsOverdue.ShouldBeFalse();
        item.Conflict.ShouldBeNull();
    }

    [Fact]
    public async Task CarriesNoNameOrEthnicityGivenAnyQueueItem()
    {
        await OpenToReviewAsync("S002", 'G');

        var items = await QueueAsync();

        typeof(ReviewQueueItem).GetProperties().Select(p => p.Name)
            .ShouldAllBe(name => !name.Contains("Name", StringComparison.OrdinalIgnoreCase) && !name.Contains("Ethnic", StringComparison.OrdinalIgnoreCase) && !name.Contains("Wres", StringComparison.OrdinalIgnoreCase));
        var json = JsonSerializer.Serialize(items);
        json.ShouldNotContain("Staff Two");
        json.ShouldNotContain("Black");
        json.ShouldNotContain("Bme");
    }

    [Fact]
    public async Task LeavesOutCaseGivenChecklistStillWithLineManager()
    {
        await App.OpenConcernAsync("S001", SmallTrust.LineManager);

        (await QueueAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task MarksConflictGivenReviewerWhoManagesSubject()
    {
        var concernId = await OpenToReviewAsync("S001", 'G');

        var item = (await QueueAsync(SmallTrust.ReviewerWhoManagesSubject)).ShouldHaveSingleItem();

        item.Conflict.ShouldNotBeNull();
        item.Conflict.ShouldContain("raised this concern");
        await RefusedAsync(UseCaseError.Forbidden, () => CaseAsync(concernId, SmallTrust.ReviewerWhoManagesSubject));
        (await QueueAsync()).ShouldHaveSingleItem().Conflict.ShouldBeNull();
    }

    [Fact]
    public async Task MarksOverdueGivenReviewWaitingLongerThanLimit()
    {
        await OpenToReviewAsync("S001", 'G');

        App.Clock.Advance(TimeSpan.FromDays(10));
        (await QueueAsync(overdueAfterDays: 10)).ShouldHaveSingleItem().IsOverdue.ShouldBeFalse();
        App.Clock.Advance(TimeSpan.FromDays(1));
        (await QueueAsync(overdueAfterDays: 10)).ShouldHaveSingleItem().IsOverdue.ShouldBeTrue();
        (await QueueAsync(overdueAfterDays: 14)).ShouldHaveSingleItem().IsOverdue.ShouldBeFalse();
    }

    [Fact]
    public async Task HighlightsReviewDateGivenInformalResolutionDueSoon()
    {
        var concernId = await RoutedAsync("S001", 'G', "InformalResolution");
        await PlanAsync(concernId, "Reflective discussion with the ward manager.", Today.AddDays(10));

        var planned = (await QueueAsync(warningDays: 7)).ShouldHaveSingleItem();
        planned.Kind.ShouldBe(ReviewTaskKind.InformalResolutionResult);
        planned.ReviewDate.ShouldBe(Today.AddDays(10));
        planned.ReviewDateDue.ShouldBeFalse();

        App.Clock.Advance(TimeSpan.FromDays(4));
        var due = (await QueueAsync(warningDays: 7)).ShouldHaveSingleItem();
        due.ReviewDateDue.ShouldBeTrue();
        due.ReviewDatePassed.ShouldBeFalse();

        App.Clock.Advance(TimeSpan.FromDays(7));
        (await QueueAsync(warningDays: 7)).ShouldHaveSingleItem().ReviewDatePassed.ShouldBeTrue();
    }

    [Fact]
    public async Task RefusesGivenCallerIsNotCommissioningManager()
    {
        await RefusedAsync(UseCaseError.Forbidden, () => QueueAsync(SmallTrust.LineManager));
    }
}

public sealed class SqliteReviewQueueTests : ReviewQueueTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresReviewQueueTests : ReviewQueueTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
