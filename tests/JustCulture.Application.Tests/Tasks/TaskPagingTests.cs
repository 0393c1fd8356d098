using JustCulture.Application.Tasks;
using JustCulture.Persistence;
using JustCulture.TestSupport;
using JustCulture.Application.Common;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Application.Tests.Tasks;

/// <summary>Open tasks a page at a time: every task the user may complete exactly once, in order, however the
/// pages and the database batches fall, and never one the case access policy refuses.</summary>
public abstract class TaskPagingTests : IAsyncLifetime
{
    protected abstract TestProvider Provider { get; }

    private TestApp App { get; set; } = null!;

    private readonly List<Guid> _ownConcerns = [];

    public async Task InitializeAsync()
    {
        App = await TestApp.StartWithSmallTrustAsync(Provider);
        // Interleave lm1's concerns with lm2's: lm2's line-manager tasks are refused to lm1 by the policy, not the role filter.
        for (var i = 0; i < 7; i++)
        {
            _ownConcerns.Add(await App.OpenConcernAsync($"S00{1 + (i % 4)}", SmallTrust.LineManager, i % 2 == 0 ? ["One"] : ["One", "Two"]));
            await App.OpenConcernAsync("S005", SmallTrust.OtherLineManager);
            await App.OpenConcernAsync("S005", SmallTrust.OtherLineManager);
        }
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    private async Task<List<List<TaskView>>> AllPagesAsync(string userId, int limit, int batchSize)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var handler = new ListTasksHandler(scope.ServiceProvider.GetRequiredService<JustCultureDbContext>(), scope.ServiceProvider.GetRequiredService<TriageWorkflow>()) { BatchSize = batchSize };
        var pages = new List<List<TaskView>>();
        string? after = null;
        do
        {
            var page = await handler.HandlePageAsync(new ListTasksQuery(ForUserId: userId), after, limit);
            pages.Add([.. page.Tasks]);
            after = page.Next;
        }
        while (after is not null && pages.Count < 100);

        return pages;
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 3)]
    [InlineData(3, 256)]
    [InlineData(5, 1)]
    [InlineData(200, 4)]
    public async Task ReturnsEveryPermittedTaskOnceInOrderGivenAnyPageAndBatchSize(int limit, int batchSize)
    {
        var expected = await App.RunAsync<ListTasksHandler, IReadOnlyList<TaskView>>(h => h.HandleAsync(new ListTasksQuery(ForUserId: SmallTrust.LineManager)));
        expected.Count.ShouldBe(10); // 7 concerns, 3 with two actions: one first question per action

        var pages = await AllPagesAsync(SmallTrust.LineManager, limit, batchSize);

        var tasks = pages.SelectMany(p => p).ToList();
        tasks.Select(t => t.TaskId).ShouldBe(expected.Select(t => t.TaskId), ignoreOrder: true);
        tasks.Select(t => t.TaskId).Distinct().Count().ShouldBe(tasks.Count);
        tasks.ShouldAllBe(t => _ownConcerns.Contains(t.ConcernId));
        tasks.Select(t => (t.CreatedAtUtc, t.TaskId)).ShouldBe(tasks.Select(t => (t.CreatedAtUtc, t.TaskId)).OrderBy(k => k.CreatedAtUtc).ThenBy(k => k.TaskId).ToList());
        // Every page but the last is full: refused tasks never shorten a page.
        pages.SkipLast(1).ShouldAllBe(p => p.Count == limit);
        pages[^1].Count.ShouldBeInRange(1, limit);
    }

    [Fact]
    public async Task ContinuesAfterTheCursorGivenTasksCompletedBetweenPages()
    {
        var first = await App.RunAsync<ListTasksHandler, TaskPage>(h => h.HandlePageAsync(new ListTasksQuery(ForUserId: SmallTrust.LineManager), null, 3));
        await App.CompleteAsync(first.Tasks[0].TaskId, SmallTrust.LineManager, "Yes");

        var second = await App.RunAsync<ListTasksHandler, TaskPage>(h => h.HandlePageAsync(new ListTasksQuery(ForUserId: SmallTrust.LineManager), first.Next, 3));

        second.Tasks.Select(t => t.TaskId).ShouldNotContain(first.Tasks[2].TaskId);
        second.Tasks.ShouldAllBe(t => t.CreatedAtUtc >= first.Tasks[2].CreatedAtUtc);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public async Task RefusesPageSizeGivenOutOfRange(int limit)
    {
        var refusal = await Should.ThrowAsync<UseCaseException>(() => App.RunAsync<ListTasksHandler, TaskPage>(h => h.HandlePageAsync(new ListTasksQuery(ForUserId: SmallTrust.LineManager), null, limit)));

        refusal.Error.ShouldBe(UseCaseError.Invalid);
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("________________________________")]
    [InlineData("=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task RefusesCursorGivenOneTheServerDidNotGive(string after)
    {
        var refusal = await Should.ThrowAsync<UseCaseException>(() => App.RunAsync<ListTasksHandler, TaskPage>(h => h.HandlePageAsync(new ListTasksQuery(ForUserId: SmallTrust.LineManager), after, 10)));

        refusal.Error.ShouldBe(UseCaseError.Invalid);
    }
}

public sealed class SqliteTaskPagingTests : TaskPagingTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresTaskPagingTests : TaskPagingTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
