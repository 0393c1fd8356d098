using System.Text.Json.Nodes;
using Shouldly;

namespace JustCulture.Workflows.Tests;

// Our own flowcharts in Elsa 3's export shape, asserting what Elsa's own tests assert for the same cases:
// which lines are written, in what order, the variables, and how the instance ends.
public sealed class ElsaPrimitiveTests
{
    private const string File = "elsa-primitives.json";
    private static readonly DateTime Now = new(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);

    private static JsonObject Input(string typeName, string language, JsonNode? value) =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = language, ["value"] = value } };

    private static JsonObject Activity(string id, string type, params (string Name, JsonNode Value)[] inputs)
    {
        var activity = new JsonObject
        {
            ["id"] = id, ["type"] = type, ["version"] = 1,
            ["customProperties"] = new JsonObject { ["canStartWorkflow"] = false, ["runAsynchronously"] = false },
        };
        foreach (var (name, value) in inputs)
        {
            activity[name] = value;
        }

        return activity;
    }

    private static JsonObject Line(string id, string text) => Activity(id, "Elsa.WriteLine", ("text", Input("String", "Literal", text)));

    private static JsonObject Connect(string from, string to, string port = "Done") => new()
    {
        ["source"] = new JsonObject { ["activity"] = from, ["port"] = port },
        ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
    };

    private static WorkflowDefinition Load(IEnumerable<JsonObject> activities, IEnumerable<JsonObject> connections, JsonArray? variables = null) =>
        WorkflowDefinitionLoader.Parse(new JsonObject
        {
            ["definitionId"] = "elsa-primitives", ["version"] = 1, ["name"] = "primitives",
            ["variables"] = variables ?? [],
            ["root"] = new JsonObject
            {
                ["type"] = "Elsa.Flowchart", ["id"] = "flowchart",
                ["activities"] = new JsonArray([.. activities]), ["connections"] = new JsonArray([.. connections]),
            },
        }.ToJsonString(), File);

    private static RunResult Run(WorkflowDefinition definition, ScriptLimits? limits = null) =>
        new WorkflowRunner(Guid.NewGuid, WorkflowRunner.DefaultMaxNonBlockingSteps, limits).Start(definition, Guid.NewGuid(), Now);

    [Fact]
    public void WaitAllJoinRunsOnceBothBranchesArrive()
    {
        var definition = Load(
            [Activity("join", "Elsa.FlowJoin", ("mode", Input("FlowJoinMode", "Literal", "WaitAll"))), Line("start", "Start"), Line("l1", "Line 1"), Line("l2", "Line 2"), Line("end", "End")],
            [Connect("start", "l1"), Connect("start", "l2"), Connect("l1", "join"), Connect("l2", "join"), Connect("join", "end")]);

        var result = Run(definition);

        definition.Start!.Id.ShouldBe("start"); // the first activity with no inbound connection
        result.Lines.ShouldBe(["Start", "Line 1", "Line 2", "End"]);
        result.State.Status.ShouldBe(WorkflowStatus.Finished);
    }

    [Fact]
    public void WaitAnyJoinRunsOnceAtFirstArrival()
    {
        var definition = Load(
            [Line("start", "Start"), Activity("j1", "Elsa.FlowJoin", ("mode", Input("FlowJoinMode", "Literal", "WaitAny"))),
             Activity("j2", "Elsa.FlowJoin", ("mode", Input("FlowJoinMode", "Literal", "WaitAny"))),
             Activity("j3", "Elsa.FlowJoin", ("mode", Input("FlowJoinMode", "Literal", "WaitAny"))), Line("end", "End")],
            [Connect("start", "j1"), Connect("start", "j2"), Connect("j1", "j3"), Connect("j2", "j3"), Connect("j3", "end")]);

        Run(definition).Lines.ShouldBe(["Start", "End"]);
    }

    [Fact]
    public void ForkLeavesByEveryBranchGivenObjectExpressionArray()
    {
        var definition = Load(
            [Activity("fork", "Elsa.FlowFork", ("branches", Input("String[]", "Object", "[\"One\",\"Two\"]"))), Line("a", "One"), Line("b", "Two")],
            [Connect("fork", "a", "One"), Connect("fork", "b", "Two")]);

        Run(definition).Lines.ShouldBe(["One", "Two"]);
    }

    [Fact]
    public void SetVariableAndJavaScriptDecisionLoopUntilCounterPassesOne()
    {
        var variables = new JsonArray(new JsonObject { ["id"] = "v1", ["name"] = "Counter", ["typeName"] = "Int32", ["value"] = "0" });
        var definition = Load(
            [Activity("start", "Elsa.Start"), Line("work", "Do something"),
             Activity("inc", "Elsa.SetVariable", ("variable", new JsonObject { ["id"] = "v1", ["name"] = "Counter" }), ("value", Input("Object", "JavaScript", "getCounter() + 1"))),
             Activity("check", "Elsa.FlowDecision", ("condition", Input("Boolean", "JavaScript", "getCounter() > 1"))),
             Line("retry", "Retry"), Line("done", "Done")],
            [Connect("start", "work"), Connect("work", "inc"), Connect("inc", "check"), Connect("check", "retry", "False"), Connect("check", "done", "True"), Connect("retry", "work")],
            variables);

        var result = Run(definition);

        result.Lines.ShouldBe(["Do something", "Retry", "Do something", "Done"]);
        result.State.Variables["Counter"].GetInt32().ShouldBe(2);
    }

    [Fact]
    public void MergeModeConvergeWaitsForBranchNotTaken()
    {
        var c = Line("c", "C");
        c["customProperties"]!["mergeMode"] = "Converge";
        var definition = Load(
            [Activity("start", "Elsa.Start"), Line("a", "A"), Line("b", "B"), c, Activity("d", "Elsa.FlowDecision", ("condition", Input("Boolean", "JavaScript", "return false;")))],
            [Connect("start", "a"), Connect("start", "d"), Connect("d", "b", "True"), Connect("a", "c"), Connect("b", "c")]);

        Run(definition).Lines.ShouldBe(["A"]);
    }

    [Fact]
    public void FaultFaultsTheInstanceWithItsMessage()
    {
        var definition = Load(
            [Line("a", "A"), Activity("f", "Elsa.Fault", ("message", Input("String", "Literal", "that went south")))],
            [Connect("a", "f")]);

        var result = Run(definition);

        result.State.Status.ShouldBe(WorkflowStatus.Faulted);
        result.State.Fault.ShouldBe("activity 'f': that went south");
    }

    [Fact]
    public void DelaySuspendsUntilDueThenResumes()
    {
        var definition = Load(
            [Line("a", "Before"), Activity("wait", "Elsa.Delay", ("timeSpan", Input("TimeSpan", "Literal", "00:05:00"))), Line("b", "After")],
            [Connect("a", "wait"), Connect("wait", "b")]);
        var runner = new WorkflowRunner();
        var started = runner.Start(definition, Guid.NewGuid(), Now);
        var timer = started.State.Timers.ShouldHaveSingleItem();
        timer.DueAtUtc.ShouldBe(Now.AddMinutes(5));

        Should.Throw<WorkflowResumeException>(() => runner.FireTimer(definition, started.State, timer.TimerId, Now.AddMinutes(4)))
            .Reason.ShouldBe(ResumeRejection.TimerNotDue);
        var fired = runner.FireTimer(definition, started.State, timer.TimerId, Now.AddMinutes(5));

        started.State.Status.ShouldBe(WorkflowStatus.Suspended);
        fired.Lines.ShouldBe(["After"]);
        fired.State.Status.ShouldBe(WorkflowStatus.Finished);
    }

    [Fact]
    public void RefusesInvalidCronExpressionNamingActivity()
    {
        var error = Should.Throw<WorkflowDefinitionException>(() => Load(
            [Activity("cron", "Elsa.Cron", ("cronExpression", Input("String", "Literal", "every hour"))), Line("a", "A")],
            [Connect("cron", "a")]));

        error.Errors.ShouldBe([$"{File}: activity 'cron': input 'cronExpression' is 'every hour', which is not a valid cron expression"]);
    }

    [Fact]
    public void RefusesJoinWithoutIncomingConnections()
    {
        var error = Should.Throw<WorkflowDefinitionException>(() => Load(
            [Line("a", "A"), Activity("join", "Elsa.FlowJoin", ("mode", Input("FlowJoinMode", "Literal", "WaitAll")))], []));

        error.Errors.ShouldContain($"{File}: activity 'join': a join with no incoming connections can never run");
    }

    [Fact]
    public void ReportsNoUnreachableBehindRefusedActivity()
    {
        var error = Should.Throw<WorkflowDefinitionException>(() => Load(
            [Line("a", "A"), Activity("http", "Elsa.HttpEndpoint"), Line("b", "B")],
            [Connect("a", "http"), Connect("http", "b")]));

        error.Errors.ShouldHaveSingleItem().ShouldStartWith($"{File}: activity 'http': activity type 'Elsa.HttpEndpoint' is refused: HTTP activities are not supported");
    }

    [Theory]
    [InlineData("while (true) {}", "more than 1000 statements")]
    [InlineData("function f() { return f(); } return f();", "nested calls deeper than 16")]
    [InlineData("var a = []; for (var i = 0; i < 100; i++) { a.push(new Array(100000).join('x')); } return a.length;", "allocated more than 2000000 bytes")]
    public void StopsScriptAtSandboxLimitLeavingNothingChanged(string script, string expected)
    {
        var limits = new ScriptLimits { MaxStatements = 1000, RecursionDepth = 16, MemoryBytes = 2_000_000, Timeout = TimeSpan.FromSeconds(5) };
        var definition = Load([Activity("js", "Elsa.RunJavaScript", ("script", Input("String", "Literal", script)))], []);

        var error = Should.Throw<WorkflowExecutionException>(() => Run(definition, limits));

        error.Message.ShouldStartWith($"{File}: activity 'js': script ");
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void StopsScriptThatRunsTooLong()
    {
        var limits = new ScriptLimits { MaxStatements = int.MaxValue, Timeout = TimeSpan.FromMilliseconds(200) };
        var definition = Load([Activity("js", "Elsa.RunJavaScript", ("script", Input("String", "Literal", "while (true) {}")))], []);

        Should.Throw<WorkflowExecutionException>(() => Run(definition, limits)).Message.ShouldContain("ran longer than 0.2 s");
    }

    [Fact]
    public void GivesScriptsNoClrAccess()
    {
        var definition = Load([Activity("js", "Elsa.RunJavaScript", ("script", Input("String", "Literal", "return System.IO.File.ReadAllText('/etc/passwd');")))], []);

        Should.Throw<WorkflowExecutionException>(() => Run(definition)).Message.ShouldContain("script threw");
    }

    [Fact]
    public void RendersLiquidWithVariables()
    {
        var variables = new JsonArray(new JsonObject { ["name"] = "Who", ["typeName"] = "String", ["value"] = "Ward 7" });
        var definition = Load([Activity("w", "Elsa.WriteLine", ("text", Input("String", "Liquid", "Hello {{ Variables.Who }}")))], [], variables);

        Run(definition).Lines.ShouldBe(["Hello Ward 7"]);
    }
}
