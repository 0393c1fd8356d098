using System.Text.Json.Nodes;
using JustCulture.TestSupport;

namespace JustCulture.Cli.Tests;

// `justculture workflow check`: one line per file, loaded or refused naming the file and activity; exit 0 only
// when every file loads (docs/domain/workflow-runtime.md).
public sealed class WorkflowCheckCommandTests : IDisposable
{
    private readonly CliSession _cli = new();

    public void Dispose() => _cli.Dispose();

    private static JsonObject Input(string language, JsonNode? value) =>
        new() { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = language, ["value"] = value } };

    private static JsonObject Activity(string id, string type, params (string Name, JsonNode Value)[] inputs)
    {
        var activity = new JsonObject { ["id"] = id, ["type"] = type, ["version"] = 1 };
        foreach (var (name, value) in inputs)
        {
            activity[name] = value;
        }

        return activity;
    }

    private static JsonObject Connect(string from, string to) => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = "Done" },
        ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
    };

    private string Write(string fileName, JsonObject[] activities, JsonObject[] connections) => _cli.WriteFile(fileName, new JsonObject
    {
        ["definitionId"] = "check-flow",
        ["version"] = 1,
        ["name"] = "Check flow",
        ["root"] = new JsonObject
        {
            ["type"] = "Elsa.Flowchart",
            ["activities"] = new JsonArray(activities),
            ["connections"] = new JsonArray(connections),
        },
    }.ToJsonString());

    [Fact]
    public async Task ExitsZeroWithLoadedGivenCheckedInTriageWorkflow()
    {
        var file = Path.Combine(RepositoryPaths.WorkflowsDirectory, "just-culture-triage.json");

        var result = await CliSession.RunRawAsync("workflow", "check", file);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain($"{file}: loaded 'just-culture-triage'");
    }

    [Fact]
    public async Task RunsWriteLinesGivenRunOption()
    {
        var file = Write("lines.json",
            [Activity("a", "Elsa.WriteLine", ("text", Input("Literal", "first line"))), Activity("b", "Elsa.WriteLine", ("text", Input("Literal", "second line")))],
            [Connect("a", "b")]);

        var result = await CliSession.RunRawAsync("workflow", "check", file, "--run");

        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.ShouldContain($"{file}: loaded 'check-flow' v1, 2 activities");
    }

    [Fact]
    public async Task ExitsNonZeroNamingFileAndActivityGivenInvalidCron()
    {
        var file = Write("cron.json",
            [Activity("cron", "Elsa.Cron", ("cronExpression", Input("Literal", "every hour"))), Activity("a", "Elsa.WriteLine", ("text", Input("Literal", "A")))],
            [Connect("cron", "a")]);

        var result = await CliSession.RunRawAsync("workflow", "check", file);

        result.ExitCode.ShouldNotBe(0, result.ToString());
        result.Stdout.ShouldContain($"{file}: refused:");
        result.Stdout.ShouldContain("activity 'cron'");
        result.Stdout.ShouldContain("not a valid cron expression");
    }

    [Fact]
    public async Task ExitsNonZeroNamingFileAndActivityGivenJoinWithNoIncomingConnections()
    {
        var file = Write("join.json",
            [Activity("a", "Elsa.WriteLine", ("text", Input("Literal", "A"))), Activity("join", "Elsa.FlowJoin"), Activity("b", "Elsa.WriteLine", ("text", Input("Literal", "B")))],
            [Connect("join", "b")]);

        var result = await CliSession.RunRawAsync("workflow", "check", file);

        result.ExitCode.ShouldNotBe(0, result.ToString());
        result.Stdout.ShouldContain($"{file}: refused:");
        result.Stdout.ShouldContain("activity 'join': a join with no incoming connections can never run");
    }

    [Fact]
    public async Task ExitsNonZeroNamingFileAndActivityGivenUnsupportedLanguage()
    {
        var file = Write("language.json",
            [Activity("a", "Elsa.WriteLine", ("text", Input("Python", "print('x')")))],
            []);

        var result = await CliSession.RunRawAsync("workflow", "check", file);

        result.ExitCode.ShouldNotBe(0, result.ToString());
        result.Stdout.ShouldContain($"{file}: refused:");
        result.Stdout.ShouldContain("activity 'a'");
    }

    [Fact]
    public async Task ExitsNonZeroNamingFileAndActivityGivenLoopingScriptWithRun()
    {
        var file = Write("loop.json",
            [Activity("js", "Elsa.RunJavaScript", ("script", Input("Literal", "while (true) {}")))],
            []);

        var result = await CliSession.RunRawAsync("workflow", "check", file, "--run");

        result.ExitCode.ShouldNotBe(0, result.ToString());
        result.Stdout.ShouldContain($"{file}: loaded 'check-flow' v1, 1 activities; run: failed:");
        result.Stdout.ShouldContain("activity 'js': script ran more than");
    }

    [Fact]
    public async Task ExitsNonZeroGivenOneGoodAndOneMissingFile()
    {
        var good = Path.Combine(RepositoryPaths.WorkflowsDirectory, "just-culture-triage.json");
        var missing = _cli.PathFor("missing.json");

        var result = await CliSession.RunRawAsync("workflow", "check", good, missing);

        result.ExitCode.ShouldNotBe(0, result.ToString());
        result.Stdout.ShouldContain($"{good}: loaded");
        result.Stdout.ShouldContain($"{missing}: refused: no such file");
    }
}
