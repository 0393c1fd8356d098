using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JustCulture.Workflows.Tests;

/// <summary>Writing a definition in Elsa 3.6's export shape: the triage and the Elsa primitives read back as the
/// same definition and run the same way, and writing a written file changes nothing.</summary>
public sealed class ElsaDefinitionWriterTests
{
    private const string File = "workflows/written.json";
    private static readonly DateTimeOffset CreatedAt = new(2026, 2, 3, 10, 30, 0, TimeSpan.Zero);
    private static readonly ElsaWriteOptions Fixed = new() { CreatedAt = CreatedAt };

    private static readonly byte[] TriageBytes = System.IO.File.ReadAllBytes(TestPaths.TriagePath);
    private static readonly WorkflowDefinition Triage = WorkflowDefinitionLoader.Parse(TriageBytes, TestPaths.TriagePath);
    private static readonly byte[] WrittenTriage = ElsaDefinitionWriter.Write(TriageBytes, TestPaths.TriagePath, Fixed);
    private static readonly WorkflowDefinition Reread = WorkflowDefinitionLoader.Parse(WrittenTriage, File);

    private readonly WorkflowRunner _runner = new();

    public static TheoryData<string[]> ChecklistPaths => new()
    {
        { ["1a=Yes"] },
        { ["1a=No", "2a=No", "2b=No", "2c=Yes"] },
        { ["1a=No", "2a=No", "2b=No", "2c=No", "3a=Yes", "3b=Yes", "3c=No"] },
        { ["1a=No", "2a=No", "2b=No", "2c=No", "3a=Yes", "3b=Yes", "3c=Yes", "4a=No", "4b=No", "4c=No", "5a=No"] },
    };

    [Fact]
    public void ReadsBackTriageWithTheSameActivitiesInputsAndConnections()
    {
        Reread.DefinitionId.ShouldBe(Triage.DefinitionId);
        Reread.Version.ShouldBe(1);
        Reread.Name.ShouldBe(Triage.Name);
        Reread.Start!.Id.ShouldBe(Triage.Start!.Id);
        Reread.Connections.ShouldBe(Triage.Connections);
        Reread.Variables.ShouldBeEmpty();
        Reread.Inputs.ShouldBe(Triage.Inputs);
        Reread.Activities.Select(Describe).ShouldBe(Triage.Activities.Select(Describe));
        Reread.HumanTasks.Count().ShouldBe(13);
    }

    [Theory]
    [MemberData(nameof(ChecklistPaths))]
    public void RunsWrittenTriageAsTheFileGivenChecklistAnswers(string[] answers)
    {
        Walk(Reread, answers).ShouldBe(Walk(Triage, answers));
    }

    [Fact]
    public void RunsWrittenTriageToFormalInvestigationAsTheFile()
    {
        string[] answers = ["1a=No", "2a=Yes"];

        string[] Formal(WorkflowDefinition definition)
        {
            var atReview = Run(definition, answers);
            var atInformal = _runner.Answer(definition, atReview, "review", Drive.AsReviewer(ReviewRoutes.InformalResolution));
            var back = _runner.Answer(definition, atInformal, "informal", Drive.AsReviewer(InformalResolutionActivity.NotResolved));
            var done = _runner.Answer(definition, back, "review", Drive.Formal());
            return [.. done.Executed.Select(e => $"{e.ActivityId}[{e.Port}]"), done.State.Status.ToString()];
        }

        Formal(Reread).ShouldBe(["review[FormalInvestigation]", "formal[Done]", "end[]", "Finished"]);
        Formal(Reread).ShouldBe(Formal(Triage));
    }

    [Fact]
    public void WritesWrittenTriageByteForByte()
    {
        var again = ElsaDefinitionWriter.Write(WrittenTriage, File);

        Encoding.UTF8.GetString(again).ShouldBe(Encoding.UTF8.GetString(WrittenTriage));
        again.ShouldBe(WrittenTriage);
    }

    [Fact]
    public void WritesTheCheckedInVersion2UnchangedGivenItWasWrittenFromVersion1()
    {
        var path = Path.Combine(TestPaths.WorkflowsDirectory, "just-culture-triage.v2.json");
        var version2 = System.IO.File.ReadAllBytes(path);

        ElsaDefinitionWriter.Write(version2, path).ShouldBe(version2, "the checked-in file is already in Elsa's shape");
        var created = DateTimeOffset.Parse((string)JsonNode.Parse(version2)!["createdAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        ElsaDefinitionWriter.Write(TriageBytes, TestPaths.TriagePath, new ElsaWriteOptions { Version = 2, CreatedAt = created })
            .ShouldBe(version2, "version 2 is version 1 written as Elsa writes it");
    }

    [Fact]
    public void WritesTopLevelInElsaOrder()
    {
        var root = JsonNode.Parse(WrittenTriage)!.AsObject();

        root.Select(p => p.Key).ShouldBe([
            "$schema", "id", "definitionId", "name", "description", "createdAt", "version", "toolVersion", "variables", "inputs",
            "outputs", "outcomes", "customProperties", "isReadonly", "isSystem", "isLatest", "isPublished", "options", "root"]);
        ((string?)root["toolVersion"]).ShouldBe("3.6.0.0");
        ((string?)root["createdAt"]).ShouldBe("2026-02-03T10:30:00+00:00");
        ((string?)root["id"]).ShouldBe("just-culture-triage-v1");
        root["root"]!.AsObject().Select(p => p.Key).ShouldBe(
            ["id", "nodeId", "name", "type", "version", "customProperties", "metadata", "activities", "variables", "connections"]);
        root["root"]!["customProperties"]!.ToJsonString().ShouldBe("""{"notFoundConnections":[],"canStartWorkflow":false,"runAsynchronously":false}""");
    }

    [Fact]
    public void WritesEveryActivityInputsFirstThenCustomPropertiesAndDesignerSize()
    {
        var activities = JsonNode.Parse(WrittenTriage)!["root"]!["activities"]!.AsArray();

        foreach (var activity in activities.Select(a => a!.AsObject()))
        {
            var keys = activity.Select(p => p.Key).ToList();
            keys.TakeLast(7).ShouldBe(["id", "nodeId", "name", "type", "version", "customProperties", "metadata"]);
            keys.SkipLast(7).ShouldAllBe(k => activity[k]!["expression"] != null);
            activity["customProperties"]!.AsObject().Select(p => p.Key).Take(2).ShouldBe(["canStartWorkflow", "runAsynchronously"]);
            activity["metadata"]!["designer"]!.AsObject().Select(p => p.Key).ShouldBe(["position", "size"]);
        }
    }

    [Fact]
    public void WritesListsAsObjectExpressionsOfJsonTextAndScalarsAsLiteral()
    {
        var q1a = JsonNode.Parse(WrittenTriage)!["root"]!["activities"]!.AsArray().Single(a => (string?)a!["id"] == "q1a")!;

        ((string?)q1a["answers"]!["typeName"]).ShouldBe("String[]");
        ((string?)q1a["answers"]!["expression"]!["type"]).ShouldBe("Object");
        ((string?)q1a["answers"]!["expression"]!["value"]).ShouldBe("""["Yes","No"]""");
        q1a["role"]!.ToJsonString().ShouldBe("""{"typeName":"String","expression":{"type":"Literal","value":"LineManager"}}""");
        // Elsa's serializer escapes the quotes inside JSON text.
        Encoding.UTF8.GetString(WrittenTriage).ShouldContain("\"value\": \"[\\u0022Yes\\u0022,\\u0022No\\u0022]\"");
    }

    [Fact]
    public void IndentsByTwoSpacesWithoutTrailingNewline()
    {
        var lines = Encoding.UTF8.GetString(WrittenTriage).Split('\n');

        lines[0].ShouldBe("{");
        lines[1].ShouldBe("  \"$schema\": \"https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json\",");
        lines[^1].ShouldBe("}");
        WrittenTriage.ShouldNotContain((byte)'\r');
    }

    [Fact]
    public void WritesNewVersionWithItsOwnIdAndHash()
    {
        var v2 = WorkflowDefinitionLoader.Parse(ElsaDefinitionWriter.Write(TriageBytes, TestPaths.TriagePath, Fixed with { Version = 2 }), File);

        v2.Version.ShouldBe(2);
        v2.Sha256.ShouldNotBe(Reread.Sha256);
        v2.Connections.ShouldBe(Triage.Connections);
        ((string?)JsonNode.Parse(ElsaDefinitionWriter.Write(TriageBytes, TestPaths.TriagePath, Fixed with { Version = 2 }))!["id"]).ShouldBe("just-culture-triage-v2");
    }

    [Fact]
    public void RefusesToWriteInvalidDefinitionWithTheLoadersErrors()
    {
        var flow = FlowchartJson.ValidReviewFlow();
        flow.GetActivity("q1")["role"] = FlowchartJson.Input("managerRole", "Variable");
        var bytes = Encoding.UTF8.GetBytes(flow.Build());

        var error = Should.Throw<WorkflowDefinitionException>(() => ElsaDefinitionWriter.Write(bytes, File));

        error.Errors.ShouldBe(flow.Errors(File));
    }

    [Fact]
    public void WritesElsaExportAsElsaWroteIt()
    {
        var fixture = System.IO.File.ReadAllBytes(TestPaths.CheckedInElsaFixture);

        var written = ElsaDefinitionWriter.Write(fixture, TestPaths.ElsaFixtureName);

        JsonNode.DeepEquals(JsonNode.Parse(written), JsonNode.Parse(fixture)).ShouldBeTrue();
        Encoding.UTF8.GetString(written).ShouldBe(Encoding.UTF8.GetString(fixture).TrimEnd('\n'));
    }

    [Fact]
    public void ReadsBackForkJoinSetVariableAndDelayAndRunsTheSame()
    {
        var source = Encoding.UTF8.GetBytes(PrimitivesFlow().ToJsonString());
        var original = WorkflowDefinitionLoader.Parse(source, File);

        var written = ElsaDefinitionWriter.Write(source, File, Fixed);
        var reread = WorkflowDefinitionLoader.Parse(written, File);

        reread.Activities.Select(Describe).ShouldBe(original.Activities.Select(Describe));
        reread.Connections.ShouldBe(original.Connections);
        reread.Variables.Select(v => (v.Name, v.TypeName, v.InitialValue.GetRawText())).ShouldBe([("Counter", "Int32", "0")]);
        reread.GetJoinMode("join").ShouldBe(JoinMode.WaitAll);
        RunPrimitives(reread).ShouldBe(RunPrimitives(original));
        RunPrimitives(reread).ShouldBe(["Start", "One", "Two", "Joined", "Counter=1", "After"]);
        ElsaDefinitionWriter.Write(written, File).ShouldBe(written);
        var fork = JsonNode.Parse(written)!["root"]!["activities"]!.AsArray().Single(a => (string?)a!["id"] == "fork")!;
        ((string?)fork["branches"]!["expression"]!["type"]).ShouldBe("Object");
        ((string?)fork["branches"]!["expression"]!["value"]).ShouldBe("""["One","Two"]""");
        ((string?)JsonNode.Parse(written)!["variables"]![0]!["value"]).ShouldBe("0");
    }

    [Fact]
    public void MovesOlderExportsCanStartWorkflowAndFlatConnectionsIntoElsa36Shape()
    {
        var flow = new FlowchartJson().Start("start").End("end").ConnectFlat("start", "Done", "end");
        flow.GetActivity("end")["canStartWorkflow"] = true;

        var written = JsonNode.Parse(ElsaDefinitionWriter.Write(Encoding.UTF8.GetBytes(flow.Build()), File, Fixed))!;

        var end = written["root"]!["activities"]![1]!;
        end["canStartWorkflow"].ShouldBeNull();
        ((bool?)end["customProperties"]!["canStartWorkflow"]).ShouldBe(true);
        written["root"]!["connections"]![0]!.ToJsonString().ShouldBe(
            """{"source":{"activity":"start","port":"Done"},"target":{"activity":"end","port":"In"},"vertices":[]}""");
        ((string?)written["id"]).ShouldBe("test-flow-v1");
        end["metadata"]!["designer"]!.ToJsonString().ShouldBe("""{"position":{"x":250,"y":0},"size":{"width":200,"height":68}}""");
    }

    [Fact]
    public void AcceptsAnswersAsObjectExpressionOfJsonText()
    {
        var flow = FlowchartJson.ValidReviewFlow();
        flow.GetActivity("q1")["answers"] = FlowchartJson.Input("[\"Yes\",\"No\"]", "Object", "String[]");

        flow.Load().GetActivity("q1").ShouldBeOfType<ChecklistQuestionActivity>().Answers.ShouldBe(["Yes", "No"]);
    }

    [Theory]
    [InlineData("Variable", "answerList")]
    [InlineData("JavaScript", "return ['Yes', 'No'];")]
    public void RefusesAnswersThatAreNotFixedAtLoad(string language, string value)
    {
        var flow = FlowchartJson.ValidReviewFlow();
        flow.GetActivity("q1")["answers"] = FlowchartJson.Input(value, language, "String[]");

        flow.Errors("workflows/test.json").ShouldBe([
            "workflows/test.json: activity 'q1': input 'answers' must be a Literal or Object expression; it shapes the flowchart, so it is fixed when the definition loads"]);
    }

    [Fact]
    public void RefusesObjectExpressionForTextInput()
    {
        var flow = FlowchartJson.ValidReviewFlow();
        flow.GetActivity("q1")["role"] = FlowchartJson.Input("\"LineManager\"", "Object");

        flow.Errors("workflows/test.json").ShouldBe([
            "workflows/test.json: activity 'q1': input 'role' must be a Literal expression; it shapes the flowchart, so it is fixed when the definition loads"]);
    }

    private static string Describe(ActivityDefinition activity) => activity switch
    {
        IHumanTaskActivity task => $"{activity.Id}|{activity.Type}|{activity.Name}|{task.Role}|{task.StepId}|{task.Question}|{task.HelpText}|{string.Join(",", task.Answers)}",
        RecordOutcomeActivity outcome => $"{activity.Id}|{activity.Type}|{activity.Name}|{outcome.Outcome}|{outcome.Title}|{outcome.Guidance}",
        FlowForkActivity fork => $"{activity.Id}|{activity.Type}|{string.Join(",", fork.Branches)}",
        FlowJoinActivity join => $"{activity.Id}|{activity.Type}|{join.Mode}",
        TimerActivity timer => $"{activity.Id}|{activity.Type}|{timer.Interval}",
        SetVariableActivity set => $"{activity.Id}|{activity.Type}|{set.VariableName}|{set.Value?.Language}|{set.Value?.Value.GetRawText()}",
        WriteLineActivity line => $"{activity.Id}|{activity.Type}|{line.Text?.Value.GetRawText()}",
        _ => $"{activity.Id}|{activity.Type}|{activity.Name}|{string.Join(",", activity.Ports)}",
    };

    private RunResult Run(WorkflowDefinition definition, string[] answers)
    {
        var current = _runner.Start(definition, Guid.NewGuid(), Drive.Now);
        foreach (var step in answers)
        {
            var parts = step.Split('=');
            current = _runner.Answer(definition, current, "q" + parts[0], Drive.AsLineManager(parts[1]));
        }

        return current;
    }

    // What a checklist walk did: each step's executed activities and ports, then where it waits.
    private List<string> Walk(WorkflowDefinition definition, string[] answers)
    {
        var result = Run(definition, answers);
        var bookmark = result.State.Bookmarks.ShouldHaveSingleItem();
        return [.. result.Executed.Select(e => $"{e.ActivityId}[{e.Port}]"), $"{result.State.Status} at {bookmark.ActivityId} for {bookmark.Role}"];
    }

    private static List<string> RunPrimitives(WorkflowDefinition definition)
    {
        var runner = new WorkflowRunner();
        var now = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);
        var started = runner.Start(definition, Guid.NewGuid(), now);
        var timer = started.State.Timers.ShouldHaveSingleItem();
        timer.DueAtUtc.ShouldBe(now.AddMinutes(5));
        var fired = runner.FireTimer(definition, started.State, timer.TimerId, timer.DueAtUtc);
        fired.State.Status.ShouldBe(WorkflowStatus.Finished);
        return [.. started.Lines, .. fired.Lines];
    }

    // start → fork (One, Two) → join (WaitAll) → Counter += 1 → Delay 5 min → After. Hand-written in Elsa's
    // own export shape, as Elsa Studio saves such a flowchart.
    private static JsonObject PrimitivesFlow()
    {
        static JsonObject Input(string typeName, string language, JsonNode? value) =>
            new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = language, ["value"] = value } };

        static JsonObject Activity(string id, string type, double x, params (string Name, JsonNode Value)[] inputs)
        {
            var activity = new JsonObject();
            foreach (var (name, value) in inputs)
            {
                activity[name] = value;
            }

            activity["id"] = id;
            activity["nodeId"] = $"Workflow1:flow:{id}";
            activity["name"] = id;
            activity["type"] = type;
            activity["version"] = 1;
            activity["customProperties"] = new JsonObject { ["canStartWorkflow"] = false, ["runAsynchronously"] = false };
            activity["metadata"] = new JsonObject
            {
                ["designer"] = new JsonObject
                {
                    ["position"] = new JsonObject { ["x"] = x, ["y"] = 12.5 },
                    ["size"] = new JsonObject { ["width"] = 118.7734375, ["height"] = 67.9765625 },
                },
            };
            return activity;
        }

        static JsonObject Line(string id, string text, double x) => Activity(id, "Elsa.WriteLine", x, ("text", Input("String", "Literal", text)));

        static JsonObject Connect(string from, string to, string port = "Done") => new()
        {
            ["source"] = new JsonObject { ["activity"] = from, ["port"] = port },
            ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
            ["vertices"] = new JsonArray(),
        };

        return new JsonObject
        {
            ["id"] = "primitives-1", ["definitionId"] = "primitives", ["name"] = "Primitives", ["createdAt"] = "2025-09-30T17:19:02.380015+00:00",
            ["version"] = 1, ["toolVersion"] = "3.6.0.0",
            ["variables"] = new JsonArray(new JsonObject { ["id"] = "v1", ["name"] = "Counter", ["typeName"] = "Int32", ["isArray"] = false, ["value"] = "0" }),
            ["root"] = new JsonObject
            {
                ["id"] = "flow", ["type"] = "Elsa.Flowchart",
                ["activities"] = new JsonArray(
                    Line("start", "Start", 0),
                    Activity("fork", "Elsa.FlowFork", 100, ("branches", Input("String[]", "Object", "[\"One\",\"Two\"]"))),
                    Line("one", "One", 200),
                    Line("two", "Two", 200),
                    Activity("join", "Elsa.FlowJoin", 300, ("mode", Input("Elsa.Workflows.Activities.Flowchart.Models.FlowJoinMode, Elsa.Workflows.Core", "Literal", "WaitAll"))),
                    Line("joined", "Joined", 350),
                    Activity("inc", "Elsa.SetVariable", 400,
                        ("variable", new JsonObject { ["id"] = "v1", ["name"] = "Counter", ["typeName"] = "Int32" }),
                        ("value", Input("Object", "JavaScript", "getCounter() + 1"))),
                    Activity("say", "Elsa.WriteLine", 450, ("text", Input("String", "JavaScript", "'Counter=' + getCounter()"))),
                    Activity("wait", "Elsa.Delay", 500, ("timeSpan", Input("TimeSpan", "Literal", "00:05:00"))),
                    Line("after", "After", 600)),
                ["connections"] = new JsonArray(
                    Connect("start", "fork"), Connect("fork", "one", "One"), Connect("fork", "two", "Two"),
                    Connect("one", "join"), Connect("two", "join"), Connect("join", "joined"), Connect("joined", "inc"),
                    Connect("inc", "say"), Connect("say", "wait"), Connect("wait", "after")),
            },
        };
    }
}
