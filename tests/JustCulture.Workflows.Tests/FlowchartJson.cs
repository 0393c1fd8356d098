using System.Text.Json.Nodes;

namespace JustCulture.Workflows.Tests;

/// <summary>Test data builder for Elsa-3-shaped flowchart JSON, including deliberately broken ones.</summary>
internal sealed class FlowchartJson
{
    private readonly JsonArray _activities = [];
    private readonly JsonArray _connections = [];

    public FlowchartJson(string definitionId = "test-flow", int version = 1)
    {
        Root = new JsonObject
        {
            ["definitionId"] = definitionId,
            ["version"] = version,
            ["name"] = "Test flow",
            ["root"] = new JsonObject
            {
                ["type"] = "Elsa.Flowchart",
                ["activities"] = _activities,
                ["connections"] = _connections,
            },
        };
    }

    public JsonObject Root { get; }

    /// <summary>A small valid flow with every JustCulture activity: start → q1 (Yes → outcome G, No → outcome D)
    /// → review → (three routes → end | informal → end or back | formal → end).</summary>
    public static FlowchartJson ValidReviewFlow(string definitionId = "test-flow", int version = 1) =>
        new FlowchartJson(definitionId, version)
            .Start("start")
            .Question("q1")
            .Outcome("outcomeG", "G")
            .Outcome("outcomeD", "D")
            .Review("review")
            .Informal("informal")
            .Formal("formal")
            .End("end")
            .Connect("start", "Done", "q1")
            .Connect("q1", "Yes", "outcomeG")
            .Connect("q1", "No", "outcomeD")
            .Connect("outcomeG", "Done", "review")
            .Connect("outcomeD", "Done", "review")
            .Connect("review", "NoFurtherAction", "end")
            .Connect("review", "Support", "end")
            .Connect("review", "SystemLearning", "end")
            .Connect("review", "InformalResolution", "informal")
            .Connect("review", "FormalInvestigation", "formal")
            .Connect("informal", "Resolved", "end")
            .Connect("informal", "NotResolved", "review")
            .Connect("formal", "Done", "end");

    public static JsonObject Input(JsonNode? value, string language = "Literal", string typeName = "String") => new()
    {
        ["typeName"] = typeName,
        ["expression"] = new JsonObject { ["type"] = language, ["value"] = value },
    };

    public FlowchartJson Activity(string? id, string type, params (string Name, JsonNode? Value)[] inputs)
    {
        var activity = new JsonObject { ["type"] = type, ["version"] = 1, ["customProperties"] = new JsonObject(), ["metadata"] = new JsonObject() };
        if (id is not null)
        {
            activity["id"] = id;
        }

        foreach (var (name, value) in inputs)
        {
            activity[name] = value;
        }

        _activities.Add(activity);
        return this;
    }

    public FlowchartJson Start(string id = "start") => Activity(id, "Elsa.Start");

    public FlowchartJson End(string id = "end") => Activity(id, "Elsa.End");

    public FlowchartJson Decision(string id, JsonNode? condition, string language = "Literal") =>
        Activity(id, "Elsa.FlowDecision", ("condition", Input(condition, language, "Boolean")));

    public FlowchartJson Question(string id, string role = "LineManager", string[]? answers = null) =>
        Activity(id, "JustCulture.ChecklistQuestion",
            ("questionId", Input(id)),
            ("question", Input($"Question {id}?")),
            ("helpText", Input($"Help for {id}.")),
            ("role", Input(role)),
            ("answers", Input(new JsonArray([.. (answers ?? ["Yes", "No"]).Select(a => (JsonNode?)JsonValue.Create(a))]), typeName: "String[]")));

    public FlowchartJson Outcome(string id, string letter) =>
        Activity(id, "JustCulture.RecordOutcome",
            ("outcome", Input(letter)), ("title", Input($"Outcome {letter}")), ("guidance", Input($"Guidance {letter}.")));

    public FlowchartJson Review(string id, string role = "CommissioningManager") =>
        Activity(id, "JustCulture.CommissioningReview",
            ("role", Input(role)), ("question", Input("Which route?")), ("helpText", Input("Review help.")));

    public FlowchartJson Informal(string id, string role = "CommissioningManager") =>
        Activity(id, "JustCulture.InformalResolution",
            ("role", Input(role)), ("question", Input("Resolved informally?")));

    public FlowchartJson Formal(string id) => Activity(id, "JustCulture.StartFormalInvestigation");

    /// <summary>An Elsa 3 connection: <c>{"source":{"activity","port"},"target":{"activity","port"}}</c>.</summary>
    public FlowchartJson Connect(string source, string port, string target, string targetPort = "In")
    {
        _connections.Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
            ["target"] = new JsonObject { ["activity"] = target, ["port"] = targetPort },
            ["vertices"] = new JsonArray(),
        });
        return this;
    }

    /// <summary>Elsa's older flat connection form.</summary>
    public FlowchartJson ConnectFlat(string source, string port, string target, string targetPort = "In")
    {
        _connections.Add(new JsonObject { ["source"] = source, ["sourcePort"] = port, ["target"] = target, ["targetPort"] = targetPort });
        return this;
    }

    /// <summary>Removes every connection leaving <paramref name="source"/> by <paramref name="port"/>.</summary>
    public FlowchartJson Disconnect(string source, string port)
    {
        foreach (var connection in _connections.ToList())
        {
            var from = connection!["source"]!;
            if ((string?)from["activity"] == source && (string?)from["port"] == port)
            {
                _connections.Remove(connection);
            }
        }

        return this;
    }

    /// <summary>Points <paramref name="source"/>'s <paramref name="port"/> somewhere else.</summary>
    public FlowchartJson Rewire(string source, string port, string newTarget) => Disconnect(source, port).Connect(source, port, newTarget);

    public FlowchartJson RemoveActivity(string id)
    {
        foreach (var activity in _activities.ToList())
        {
            if ((string?)activity!["id"] == id)
            {
                _activities.Remove(activity);
            }
        }

        return this;
    }

    public JsonObject GetActivity(string id) => _activities.Single(a => (string?)a!["id"] == id)!.AsObject();

    public string Build() => Root.ToJsonString();

    public WorkflowDefinition Load(string sourceName = "workflows/test.json") => WorkflowDefinitionLoader.Parse(Build(), sourceName);

    /// <summary>Loads and expects failure; returns every error.</summary>
    public IReadOnlyList<string> Errors(string sourceName = "workflows/test.json") =>
        Should.Throw<WorkflowDefinitionException>(() => WorkflowDefinitionLoader.Parse(Build(), sourceName)).Errors;
}
