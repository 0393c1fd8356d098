using System.Text.Json;
using JustCulture.TestSupport;

namespace JustCulture.Cli.Tests;

public sealed class TaskListTests : IAsyncLifetime, IDisposable
{
    private readonly CliSession _cli = new();

    public Task InitializeAsync() => _cli.SeedSmallTrustAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task ListsFirstChecklistQuestionAsJsonGivenNewConcern()
    {
        var concernId = await _cli.OpenConcernAsync();

        var stdout = await _cli.RunOkAsync("task", "list", "--concern", concernId.ToString(), "--format", "json");

        using var document = JsonDocument.Parse(stdout);
        document.RootElement.ValueKind.ShouldBe(JsonValueKind.Array);
        var task = document.RootElement.EnumerateArray().ShouldHaveSingleItem();
        foreach (var field in (string[])["taskId", "concernId", "activityId", "role", "question", "answers", "stepId", "actionOrdinal", "actionVersion"])
        {
            task.TryGetProperty(field, out _).ShouldBeTrue($"missing {field} in {stdout}");
        }

        Guid.Parse(task.GetProperty("taskId").GetString()!).ShouldNotBe(Guid.Empty);
        task.GetProperty("concernId").GetGuid().ShouldBe(concernId);
        task.GetProperty("role").GetString().ShouldBe("LineManager");
        task.GetProperty("question").GetString().ShouldNotBeNullOrWhiteSpace();
        task.GetProperty("answers").EnumerateArray().Select(a => a.GetString()).ShouldBe(["Yes", "No"]);
        task.GetProperty("actionOrdinal").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task ListsOneTaskPerActionGivenConcernWithTwoActions()
    {
        var concernId = await _cli.OpenConcernAsync("S001", SmallTrust.LineManager, "First action", "Second action");

        var tasks = await _cli.TasksAsync(concernId);

        tasks.Select(t => t.ActionOrdinal).Order().ShouldBe([1, 2]);
    }

    [Fact]
    public async Task ListsOnlyOwnConcernsGivenForAnotherLineManager()
    {
        await _cli.OpenConcernAsync();

        var mine = await _cli.RunOkAsync("task", "list", "--for", SmallTrust.LineManager, "--format", "json");
        var theirs = await _cli.RunOkAsync("task", "list", "--for", SmallTrust.OtherLineManager, "--format", "json");

        JsonDocument.Parse(mine).RootElement.GetArrayLength().ShouldBe(1);
        JsonDocument.Parse(theirs).RootElement.GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task SaysNoPendingTasksGivenTextFormatAndNoConcerns()
    {
        var text = await _cli.RunOkAsync("task", "list");

        text.Trim().ShouldBe("No pending tasks.");
    }

    [Fact]
    public async Task ListsTheNextPageGivenTheCursorItPrinted()
    {
        await _cli.OpenConcernAsync();
        await _cli.OpenConcernAsync();

        var first = await _cli.RunAsync("task", "list", "--limit", "1", "--format", "json");
        first.ExitCode.ShouldBe(ExitCodes.Ok, first.ToString());
        var cursor = first.Stderr.Trim().Split(' ')[^1];
        var second = await _cli.RunOkAsync("task", "list", "--limit", "1", "--after", cursor, "--format", "json");

        var one = JsonDocument.Parse(first.Stdout).RootElement.EnumerateArray().ShouldHaveSingleItem().GetProperty("taskId").GetString();
        var two = JsonDocument.Parse(second).RootElement.EnumerateArray().ShouldHaveSingleItem().GetProperty("taskId").GetString();
        two.ShouldNotBe(one);
    }

    [Fact]
    public async Task RefusesNamingTheOptionGivenACursorItNeverPrinted()
    {
        var result = await _cli.RunAsync("task", "list", "--after", "not-a-cursor");

        result.ExitCode.ShouldNotBe(ExitCodes.Ok, result.ToString());
        result.Stderr.ShouldContain("after");
    }

    [Fact]
    public async Task RefusesWithNotFoundGivenUnknownUser()
    {
        var result = await _cli.RunAsync("task", "list", "--for", "nobody");

        result.ExitCode.ShouldBe(ExitCodes.NotFound, result.ToString());
        result.Stderr.ShouldContain("Unknown user 'nobody'");
    }
}
