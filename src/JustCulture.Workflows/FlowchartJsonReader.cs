using System.Text.Json;

namespace JustCulture.Workflows;

// The top level of a definition file, once its shape has been checked.
// Notes say what was supplied the way Elsa's importer supplies it (a missing definitionId or version).
internal sealed record FlowchartHeader(string? DefinitionId, int Version, string? Name, JsonElement Flowchart)
{
    public List<string> Notes { get; } = [];

    // root.start: the designer's explicit start activity, if it names one.
    public string? ExplicitStart { get; init; }

    public List<WorkflowVariableDefinition> Variables { get; } = [];

    public List<string> Inputs { get; } = [];
}

// One entry of root.activities that has an id. Type may still be missing: ActivityFactory reports that.
internal readonly record struct ActivityJson(int Index, string Id, string? Type, string? Name, JsonElement Element);

// One entry of root.connections with both ends named; whether the ends exist is FlowchartGraphValidator's concern.
internal readonly record struct ConnectionJson(int Index, string SourceId, string? SourcePort, string TargetId, string? TargetPort);

// Reads the Elsa 3 flowchart shape and reports problems of shape and expression language only; it knows
// no activity type.
// The activity and connection lists are read lazily, so a caller that handles each entry before asking for
// the next keeps every entry's problems together, in file order.
internal sealed class FlowchartJsonReader(DefinitionErrors errors, string source)
{
    private const string FlowchartType = "Elsa.Flowchart";

    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public JsonDocument? Parse(byte[] utf8Json)
    {
        ReadOnlyMemory<byte> content = utf8Json;
        if (utf8Json.Length >= 3 && utf8Json[0] == 0xEF && utf8Json[1] == 0xBB && utf8Json[2] == 0xBF)
        {
            content = content[3..];
        }

        try
        {
            return JsonDocument.Parse(content, Options);
        }
        catch (JsonException ex)
        {
            errors.File($"not valid JSON: {ex.Message}");
            return null;
        }
    }

    // Null when there is no flowchart to read at all; otherwise problems of the top level are reported and
    // reading goes on, so one load lists as many problems as it can.
    public FlowchartHeader? ReadHeader(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.File("the top level must be a JSON object");
            return null;
        }

        var notes = new List<string>();
        var definitionId = ReadString(root, "definitionId");
        if (string.IsNullOrWhiteSpace(definitionId))
        {
            // Elsa's importer creates a new definition with a generated id; a generated id would change on every
            // load and unpin running instances, so the file name stands in for it.
            definitionId = Path.GetFileNameWithoutExtension(source);
            notes.Add($"{source}: definitionId is missing; Elsa's importer would create a new definition with a generated id — taken as '{definitionId}' (the file name)");
        }

        var version = 0;
        if (!root.TryGetProperty("version", out var versionElement) || versionElement.ValueKind == JsonValueKind.Null)
        {
            version = 1;
            notes.Add($"{source}: version is missing; Elsa's importer starts a new definition at version 1 — taken as 1");
        }
        else if (versionElement.ValueKind != JsonValueKind.Number
            || !versionElement.TryGetInt32(out version)
            || version < 1)
        {
            errors.File("version is not a positive whole number");
        }

        var name = ReadString(root, "name");
        if (!root.TryGetProperty("root", out var flowchart) || flowchart.ValueKind != JsonValueKind.Object)
        {
            errors.File($"root is missing; expected an '{FlowchartType}' object");
            return null;
        }

        var flowchartType = ReadString(flowchart, "type");
        if (!string.Equals(flowchartType, FlowchartType, StringComparison.Ordinal))
        {
            errors.File($"root type is '{flowchartType}'; expected '{FlowchartType}'");
        }

        var header = new FlowchartHeader(definitionId, version, name, flowchart) { ExplicitStart = ReadString(flowchart, "start") };
        header.Notes.AddRange(notes);
        ReadVariables(root, header.Variables);
        if (root.TryGetProperty("inputs", out var inputs) && inputs.ValueKind == JsonValueKind.Array)
        {
            header.Inputs.AddRange(inputs.EnumerateArray()
                .Select(i => i.ValueKind == JsonValueKind.Object ? ReadString(i, "name") : null)
                .OfType<string>().Where(n => n.Length > 0));
        }
        return header;
    }

    // Elsa's top-level "variables": [{ "name", "typeName", "value" }]. The value is stored as text; a typed
    // variable (numbers, booleans) starts as that type, as Elsa converts it.
    private void ReadVariables(JsonElement root, List<WorkflowVariableDefinition> variables)
    {
        if (!root.TryGetProperty("variables", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var element in array.EnumerateArray())
        {
            var name = element.ValueKind == JsonValueKind.Object ? ReadString(element, "name") : null;
            if (string.IsNullOrWhiteSpace(name))
            {
                errors.File("a variable has no name");
                continue;
            }

            var typeName = ReadString(element, "typeName");
            // A variable declared without a value starts as null, as in Elsa.
            var value = element.TryGetProperty("value", out var v) ? v.Clone() : JsonSerializer.SerializeToElement<object?>(null);
            variables.Add(new WorkflowVariableDefinition(name, typeName, ExpressionValues.Typed(value, typeName)));
        }
    }

    // Elsa's customProperties.canStartWorkflow (older exports put it on the activity itself).
    public static bool CanStartWorkflow(JsonElement activity) =>
        (activity.TryGetProperty("customProperties", out var custom) && custom.ValueKind == JsonValueKind.Object
            && custom.TryGetProperty("canStartWorkflow", out var flag) && flag.ValueKind == JsonValueKind.True)
        || (activity.TryGetProperty("canStartWorkflow", out var legacy) && legacy.ValueKind == JsonValueKind.True);

    // Elsa's customProperties.mergeMode on any activity: Stream (default) runs it at each arrival; Merge and
    // Converge wait for every inbound connection.
    public JoinMode MergeMode(ActivityJson activity)
    {
        if (!activity.Element.TryGetProperty("customProperties", out var custom) || custom.ValueKind != JsonValueKind.Object
            || ReadString(custom, "mergeMode") is not { } mode)
        {
            return JoinMode.Stream;
        }

        switch (mode)
        {
            case "Stream" or "None":
                return JoinMode.Stream;
            case "Merge" or "Converge":
                return JoinMode.WaitAll;
            default:
                errors.Activity(activity.Id, $"customProperties.mergeMode is '{mode}'; expected Stream, Merge or Converge");
                return JoinMode.Stream;
        }
    }

    public IEnumerable<ActivityJson> ReadActivities(JsonElement flowchart)
    {
        if (!flowchart.TryGetProperty("activities", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            errors.File("root.activities is missing or not an array");
            yield break;
        }

        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            index++;
            if (element.ValueKind != JsonValueKind.Object)
            {
                errors.File($"activity #{index}: not a JSON object");
                continue;
            }

            var id = ReadString(element, "id");
            var type = ReadString(element, "type");
            if (string.IsNullOrWhiteSpace(id))
            {
                errors.File($"activity #{index} (type '{type}'): missing id");
                continue;
            }

            yield return new ActivityJson(index, id, type, ReadString(element, "name"), element);
        }
    }

    // Inputs are the properties holding an "expression" object; everything else (metadata, customProperties,
    // nodeId…) is the designer's and is ignored. A language this runtime does not evaluate (C#, Python…) or a
    // script that does not parse is refused here rather than skipped.
    public ActivityInputs ReadInputs(ActivityJson activity)
    {
        var inputs = new ActivityInputs();
        foreach (var property in activity.Element.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Object
                || !property.Value.TryGetProperty("expression", out var expression)
                || expression.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var language = ExpressionEvaluator.Canonical(ReadString(expression, "type"));
            // Cloned so the value outlives the JsonDocument.
            var value = expression.TryGetProperty("value", out var v) ? v.Clone() : default;
            var problem = ExpressionEvaluator.CheckAtLoad(language, value);
            if (problem is null && language == WorkflowExpression.Variable && string.IsNullOrWhiteSpace(ExpressionValues.VariableName(value)))
            {
                problem = "is a Variable expression without a variable name";
            }

            if (problem is null)
            {
                inputs.Valid[property.Name] = new WorkflowExpression(language!, value);
            }
            else
            {
                errors.Activity(activity.Id, $"input '{property.Name}' {problem}");
                inputs.Invalid.Add(property.Name);
            }
        }

        return inputs;
    }

    // Connections are optional (a lone Start is a flowchart), but when present they must be a list.
    public IEnumerable<ConnectionJson> ReadConnections(JsonElement flowchart)
    {
        if (!flowchart.TryGetProperty("connections", out var array))
        {
            yield break;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            errors.File("root.connections is not an array");
            yield break;
        }

        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            index++;
            if (element.ValueKind != JsonValueKind.Object)
            {
                errors.File($"connection #{index}: not a JSON object");
                continue;
            }

            var (sourceId, sourcePort) = ReadEnd(element, "source", "sourcePort");
            var (targetId, targetPort) = ReadEnd(element, "target", "targetPort");
            if (string.IsNullOrWhiteSpace(sourceId))
            {
                errors.File($"connection #{index}: missing source activity (target '{targetId}')");
                continue;
            }

            if (string.IsNullOrWhiteSpace(targetId))
            {
                errors.Activity(sourceId, $"connection #{index}: missing target activity");
                continue;
            }

            yield return new ConnectionJson(index, sourceId, sourcePort, targetId, targetPort);
        }
    }

    // Elsa 3 nests each end: "source": {"activity": id, "port": p}. Older exports are flat:
    // "source": id, "sourcePort": p. Both are accepted so either export loads.
    private static (string? ActivityId, string? Port) ReadEnd(JsonElement connection, string endName, string flatPortName)
    {
        if (!connection.TryGetProperty(endName, out var end))
        {
            return (null, null);
        }

        return end.ValueKind switch
        {
            JsonValueKind.Object => (ReadString(end, "activity"), ReadString(end, "port")),
            JsonValueKind.String => (end.GetString(), ReadString(connection, flatPortName)),
            _ => (null, null),
        };
    }

    private static string? ReadString(JsonElement element, string propertyName) =>
        element.TryGetProperty(propertyName, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
