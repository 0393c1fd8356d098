using System.Text.Json;
using JustCulture.TestSupport;

namespace JustCulture.Cli.Tests;

public sealed class TaskCompleteTests : IAsyncLifetime, IDisposable
{
    private readonly CliSession _cli = new();

    public Task InitializeAsync() => _cli.SeedSmallTrustAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _cli.Dispose();

    private async Task<Guid> OpenToReviewAsync()
    {
        var concernId = await _cli.OpenConcernAsync();
        await _cli.AnswerChecklistAsync(concernId, SmallTrust.PathTo('G'));
        return concernId;
    }

    private async Task<long> LogEntriesAsync()
    {
        var stdout = await _cli.RunOkAsync("log", "verify");
        return long.Parse(stdout.Split("Log intact: ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a refused completion and checks its exit code and that nothing was logged.</summary>
    private async Task<CliResult> RefusedAsync(int exitCode, params string[] args)
    {
        var before = await LogEntriesAsync();
        var result = await _cli.RunAsync(["task", "complete", .. args]);
        result.ExitCode.ShouldBe(exitCode, result.ToString());
        result.Stderr.ShouldStartWith("error: ");
        (await LogEntriesAsync()).ShouldBe(before, "a refused answer must not write to the log");
        return result;
    }

    [Fact]
    public async Task StartsFormalInvestigationGivenWalkThroughChecklistInformalResolutionAndSecondReview()
    {
        var concernId = await OpenToReviewAsync();
        var afterChecklist = await _cli.ShowConcernAsync(concernId);
        afterChecklist.GetProperty("status").GetString().ShouldBe("AwaitingReview");
        afterChecklist.GetProperty("actions")[0].GetProperty("outcome").GetString().ShouldBe("G");

        var informal = await _cli.AnswerNextAsync(concernId, SmallTrust.Reviewer, "InformalResolution", "--rationale", "A facilitated conversation is proportionate.");
        informal.ShouldContain("is now: Informal resolution");
        (await _cli.NextTaskAsync(concernId)).Answers.ShouldBe(["Resolved", "NotResolved"], ignoreOrder: true);
        var notResolved = await _cli.AnswerNextAsync(concernId, SmallTrust.Reviewer, "NotResolved", "--rationale", "Behaviour repeated.");
        notResolved.ShouldContain("is now: Awaiting review");
        var formal = await _cli.AnswerNextAsync(concernId, SmallTrust.OtherReviewer, "FormalInvestigation",
            "--rationale", "Repeated after informal resolution.", "--informal-not-appropriate", "Informal resolution was tried and failed.");

        formal.ShouldContain("is now: Formal investigation");
        var concern = await _cli.ShowConcernAsync(concernId);
        concern.GetProperty("status").GetString().ShouldBe("FormalInvestigation");
        var action = concern.GetProperty("actions").EnumerateArray().ShouldHaveSingleItem();
        action.GetProperty("stage").GetString().ShouldBe("FormalInvestigation");
        action.GetProperty("route").GetString().ShouldBe("FormalInvestigation");
        action.GetProperty("formalInvestigationStartedAtUtc").ValueKind.ShouldBe(JsonValueKind.String);
        (await _cli.TasksAsync(concernId)).ShouldBeEmpty();
        (await _cli.RunAsync("log", "verify")).ExitCode.ShouldBe(ExitCodes.Ok);
    }

    [Fact]
    public async Task PrintsNextTaskGivenChecklistAnswer()
    {
        var concernId = await _cli.OpenConcernAsync();
        var first = await _cli.NextTaskAsync(concernId);

        var stdout = await _cli.RunOkAsync("task", "complete", first.TaskId.ToString(), "--as", SmallTrust.LineManager, "--answer", "No");

        var next = await _cli.NextTaskAsync(concernId);
        next.TaskId.ShouldNotBe(first.TaskId);
        stdout.ShouldContain($"Recorded. Concern {concernId}");
        stdout.ShouldContain($"Next task: {next.TaskId}");
    }

    [Fact]
    public async Task RefusesWithRuleViolatedGivenAnswerNotAllowed()
    {
        var task = await _cli.NextTaskAsync(await _cli.OpenConcernAsync());

        var result = await RefusedAsync(ExitCodes.RuleViolated, task.TaskId.ToString(), "--as", SmallTrust.LineManager, "--answer", "Maybe");

        result.Stderr.ShouldContain("Maybe");
    }

    [Fact]
    public async Task RefusesWithForbiddenGivenWrongRole()
    {
        var task = await _cli.NextTaskAsync(await _cli.OpenConcernAsync());

        await RefusedAsync(ExitCodes.Forbidden, task.TaskId.ToString(), "--as", SmallTrust.Reviewer, "--answer", "No");
        await RefusedAsync(ExitCodes.Forbidden, task.TaskId.ToString(), "--as", SmallTrust.Auditor, "--answer", "No");
    }

    [Fact]
    public async Task RefusesWithForbiddenGivenLineManagerWhoDidNotRaiseIt()
    {
        var task = await _cli.NextTaskAsync(await _cli.OpenConcernAsync());

        var result = await RefusedAsync(ExitCodes.Forbidden, task.TaskId.ToString(), "--as", SmallTrust.OtherLineManager, "--answer", "No");

        result.Stderr.ShouldContain("raised");
    }

    [Fact]
    public async Task RefusesWithForbiddenGivenReviewerWhoIsTheRaisersPerson()
    {
        var review = await _cli.NextTaskAsync(await OpenToReviewAsync());

        // The same answer, and the same exit code, as the review pages and the API give (403).
        var result = await RefusedAsync(ExitCodes.Forbidden, review.TaskId.ToString(), "--as", SmallTrust.ReviewerWhoManagesSubject,
            "--answer", "NoFurtherAction", "--rationale", "Nothing to do.");

        result.Stderr.ShouldContain("in the line management of the person concerned");
    }

    [Fact]
    public async Task RefusesWithRuleViolatedGivenFormalInvestigationWithoutStatement()
    {
        var concernId = await OpenToReviewAsync();
        var review = await _cli.NextTaskAsync(concernId);

        await RefusedAsync(ExitCodes.RuleViolated, review.TaskId.ToString(), "--as", SmallTrust.Reviewer, "--answer", "FormalInvestigation", "--rationale", "Serious.", "--conflict", "none");

        (await _cli.ShowConcernAsync(concernId)).GetProperty("status").GetString().ShouldBe("AwaitingReview");
    }

    [Fact]
    public async Task RefusesWithConflictGivenTaskCompletedTwice()
    {
        var task = await _cli.NextTaskAsync(await _cli.OpenConcernAsync());
        await _cli.RunOkAsync("task", "complete", task.TaskId.ToString(), "--as", SmallTrust.LineManager, "--answer", "No");

        var result = await RefusedAsync(ExitCodes.Conflict, task.TaskId.ToString(), "--as", SmallTrust.LineManager, "--answer", "No");

        result.Stderr.ShouldContain("already completed");
    }

    [Fact]
    public async Task RefusesWithConflictGivenStaleIfVersion()
    {
        var concernId = await _cli.OpenConcernAsync("S001", SmallTrust.LineManager, "First action", "Second action");
        var tasks = await _cli.TasksAsync(concernId);
        var first = tasks.Single(t => t.ActionOrdinal == 1);
        var stale = first.ActionVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await _cli.RunOkAsync("task", "complete", first.TaskId.ToString(), "--as", SmallTrust.LineManager, "--answer", "No", "--if-version", stale);
        var next = (await _cli.TasksAsync(concernId)).Single(t => t.ActionOrdinal == 1);

        var result = await RefusedAsync(ExitCodes.Conflict, next.TaskId.ToString(), "--as", SmallTrust.LineManager, "--answer", "No", "--if-version", stale);

        result.Stderr.ShouldContain("moved on");
        // The other action's form is not stale: only the action acted on has moved on.
        var other = tasks.Single(t => t.ActionOrdinal == 2);
        await _cli.RunOkAsync("task", "complete", other.TaskId.ToString(), "--as", SmallTrust.LineManager, "--answer", "No", "--if-version",
            other.ActionVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task RefusesWithNotFoundGivenUnknownTask()
    {
        var result = await RefusedAsync(ExitCodes.NotFound, Guid.NewGuid().ToString(), "--as", SmallTrust.LineManager, "--answer", "No");

        result.Stderr.ShouldContain("Unknown task");
    }
}
