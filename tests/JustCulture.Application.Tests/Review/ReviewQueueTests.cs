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
        item.Category.ShouldBe("Clinical practice");
        item.ReturnedFromInformal.ShouldBeFalse();
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
        item.Conflict.ShouldContain("in the line management of the person concerned");
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
    public async Task CarriesNoBandStaffGroupOrServiceGivenAnyQueueItem()
    {
        await OpenToReviewAsync("S002", 'G');

        typeof(ReviewQueueItem).GetProperties().Select(p => p.Name)
            .ShouldAllBe(name => !name.Contains("Band", StringComparison.Ordinal) && !name.Contains("StaffGroup", StringComparison.Ordinal)
                && !name.Contains("Service", StringComparison.Ordinal) && !name.Contains("Directorate", StringComparison.Ordinal));
        JsonSerializer.Serialize(await QueueAsync()).ShouldNotContain("Band 5");
    }

    [Fact]
    public async Task MarksOverdueGivenInformalResolutionWithNoPlanAfterLimit()
    {
        await RoutedAsync("S001", 'G', "InformalResolution");

        App.Clock.Advance(TimeSpan.FromDays(35));
        (await QueueAsync()).ShouldHaveSingleItem().Overdue.ShouldBeNull();
        App.Clock.Advance(TimeSpan.FromDays(1));
        (await QueueAsync()).ShouldHaveSingleItem().Overdue.ShouldBe(OverdueReason.NoInformalPlan);
    }

    [Fact]
    public async Task MarksOverdueGivenReviewDatePassed()
    {
        var concernId = await RoutedAsync("S001", 'G', "InformalResolution");
        await PlanAsync(concernId, "Reflective discussion with the ward manager.", Today.AddDays(3));

        App.Clock.Advance(TimeSpan.FromDays(4));

        (await QueueAsync()).ShouldHaveSingleItem().Overdue.ShouldBe(OverdueReason.ReviewDatePassed);
    }

    [Fact]
    public async Task MarksCaseReturnedFromInformalResolutionGivenNotResolved()
    {
        var concernId = await RoutedAsync("S001", 'G', "InformalResolution");
        await App.AnswerNextAsync(concernId, SmallTrust.Reviewer, "NotResolved", "Behaviour repeated.");

        var back = (await QueueAsync()).ShouldHaveSingleItem();

        back.Kind.ShouldBe(ReviewTaskKind.RouteDecision);
        back.ReturnedFromInformal.ShouldBeTrue();
    }

    [Fact]
    public async Task FiltersByKindCategoryAndOverdueGivenMixedQueue()
    {
        var informal = await RoutedAsync("S001", 'G', "InformalResolution");
        await PlanAsync(informal, "Reflective discussion with the ward manager.", Today.AddDays(60));
        App.Clock.Advance(TimeSpan.FromDays(20));
        var waiting = await OpenToReviewAsync("S002", 'D', category: "Medication");

        var all = await QueueAsync(overdueAfterDays: 10);
        all.Count.ShouldBe(2);
        (await FilteredAsync(new() { Kind = ReviewTaskKind.RouteDecision })).ShouldHaveSingleItem().ConcernId.ShouldBe(waiting);
        (await FilteredAsync(new() { Kind = ReviewTaskKind.InformalResolutionResult })).ShouldHaveSingleItem().ConcernId.ShouldBe(informal);
        (await FilteredAsync(new() { Category = "Medication" })).ShouldHaveSingleItem().ConcernId.ShouldBe(waiting);
        (await FilteredAsync(new() { Category = "No such category" })).ShouldBeEmpty();
        (await FilteredAsync(new() { OverdueOnly = true })).ShouldBeEmpty();
        App.Clock.Advance(TimeSpan.FromDays(16));
        (await FilteredAsync(new() { OverdueOnly = true })).ShouldHaveSingleItem().ConcernId.ShouldBe(waiting);
    }

    [Fact]
    public async Task SortsLongestWaitingFirstByDefaultAndNewestFirstOnRequest()
    {
        var older = await OpenToReviewAsync("S001", 'G');
        App.Clock.Advance(TimeSpan.FromDays(2));
        var newer = await OpenToReviewAsync("S002", 'G');

        (await FilteredAsync(new())).Select(i => i.ConcernId).ShouldBe([older, newer]);
        (await FilteredAsync(new() { Sort = ReviewQueueSort.NewestFirst })).Select(i => i.ConcernId).ShouldBe([newer, older]);
        var byReference = await FilteredAsync(new() { Sort = ReviewQueueSort.CaseReference });
        byReference.Select(i => i.CaseReference).ShouldBe(byReference.Select(i => i.CaseReference).Order(StringComparer.Ordinal));
    }

    private Task<IReadOnlyList<ReviewQueueItem>> FilteredAsync(ReviewQueueFilter filter) =>
        App.RunAsync<ReviewQueueHandler, IReadOnlyList<ReviewQueueItem>>(h => h.HandleAsync(
            new ReviewQueueQuery(SmallTrust.Reviewer, 14, 7) { Kind = filter.Kind, Category = filter.Category, OverdueOnly = filter.OverdueOnly, Sort = filter.Sort }));

    private sealed record ReviewQueueFilter
    {
        public ReviewTaskKind? Kind { get; init; }
        public string? Category { get; init; }
        public bool OverdueOnly { get; init; }
        public ReviewQueueSort Sort { get; init; }
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
