using System.Text.Json;
using System.Text.Json.Nodes;
using JustCulture.TestSupport;

namespace JustCulture.Cli.Tests;

/// <summary><c>timers list</c> and <c>timers fire</c> on a definition version whose checklist outcome waits at a timer.</summary>
public sealed class TimerCommandTests : IAsyncLifetime, IDisposable
{
    private readonly CliSession _cli = new();
    private readonly string _workflows = Directory.CreateTempSubdirectory("jc-cli-timers-").FullName;

    public async Task InitializeAsync()
    {
        await _cli.SeedSmallTrustAsync();
        var v1 = Path.Combine(RepositoryPaths.WorkflowsDirectory, "just-culture-triage.json");
        File.Copy(v1, Path.Combine(_workflows, "just-culture-triage.json"));
        // Version 2: each outcome waits at a timer due at once (a zero delay) before the review.
        var definition = JsonNode.Parse(await File.ReadAllTextAsync(v1))!.AsObject();
        definition["version"] = 2;
        var root = definition["root"]!;
        foreach (var connection in root["connections"]!.AsArray())
        {
            if (connection!["source"]!["activity"]!.GetValue<string>().StartsWith("outcome", StringComparison.Ordinal))
            {
                connection["target"]!["activity"] = "pause";
            }
        }

        root["activities"]!.AsArray().Add(JsonNode.Parse("""
            { "id": "pause", "type": "Elsa.Delay", "version": 1,
              "timeSpan": { "typeName": "TimeSpan", "expression": { "type": "Literal", "value": "00:00:00" } } }
            """));
        root["connections"]!.AsArray().Add(JsonNode.Parse("""{ "source": { "activity": "pause", "port": "Done" }, "target": { "activity": "review", "port": "In" } }"""));
        await File.WriteAllTextAsync(Path.Combine(_workflows, "just-culture-triage.v2.json"), definition.ToJsonString());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _cli.Dispose();
        Directory.Delete(_workflows, recursive: true);
    }

    private Task<string> RunOkAsync(params string[] args) => _cli.RunOkAsync(["--workflows", _workflows, .. args]);

    [Fact]
    public async Task FiresTheDueTimerAndOpensTheReviewGivenTheChecklistLeftTheCaseWaiting()
    {
        var opened = await RunOkAsync("concern", "open", "--subject", "S001", "--raised-by", SmallTrust.LineManager, "--summary", "Something happened",
            "--category", "Clinical practice", "--action", "Gave a dose late");
        var concernId = Guid.Parse(opened.Trim());
        foreach (var answer in SmallTrust.PathTo('D'))
        {
            var task = JsonDocument.Parse(await RunOkAsync("task", "list", "--concern", concernId.ToString(), "--format", "json")).RootElement[0];
            await RunOkAsync("task", "complete", task.GetProperty("taskId").GetString()!, "--as", SmallTrust.LineManager, "--answer", answer);
        }

        (await RunOkAsync("task", "list", "--concern", concernId.ToString())).ShouldContain("No pending tasks.");
        (await RunOkAsync("timers", "list")).ShouldContain($"concern {concernId}  activity 'pause'");

        (await RunOkAsync("timers", "fire")).ShouldStartWith("Fired 1; failed 0");

        (await RunOkAsync("timers", "list")).ShouldContain("No timers waiting.");
        (await RunOkAsync("task", "list", "--concern", concernId.ToString())).ShouldContain("[commissioning manager] review:");
        (await RunOkAsync("timers", "fire")).ShouldStartWith("Fired 0; failed 0");
        (await _cli.RunAsync("--workflows", _workflows, "log", "verify")).ExitCode.ShouldBe(ExitCodes.Ok);
    }
}
