using System.Text.Json;

namespace JustCulture.Workflows;

// The top level of a definition file, once its shape has been checked.
internal sealed record FlowchartHeader(string? DefinitionId, int Version, string? Name, JsonElement Flowchart);

// One entry of root.activities that has an id. Type may still be missing: ActivityFactory reports that.
internal readonly record struct ActivityJson(int Index, string Id, string? Type, string? Name, JsonElement Element);

// One entry of root.connections with both ends named; whether the ends exist is FlowchartGraphValidator's concern.
internal readonly record struct ConnectionJson(int Index, string SourceId, string? SourcePort, string TargetId, string? TargetPort);

// Reads the Elsa 3 flowchart shape and reports problems of shape and expression language only; it knows
// no activity type.
// The activity and connection lists are read lazily, so a caller that handles each entry before asking for
// the next keeps every entry's problems together, in file order.
internal sealed class FlowchartJsonReader(DefinitionErrors errors)
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

        var definitionId = ReadString(root, "definitionId");
        if (string.IsNullOrWhiteSpace(definitionId))
        {
            errors.File("definitionId is missing");
        }

        var version = 0;
        if (!root.TryGetProperty("version", out var versionElement)
            || versionElement.ValueKind != JsonValueKind.Number
            || !versionElement.TryGetInt32(out version)
            || version < 1)
        {
            errors.File("version is missing or not a positive whole number");
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

        return new FlowchartHeader(definitionId, version, name, flowchart);
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
    // nodeId…) is the designer's and is ignored. Only Literal and Variable are run, so any other language is
    // refused here rather than skipped.
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

            var language = ReadString(expression, "type");
            // Cloned so the value outlives the JsonDocument.
            var value = expression.TryGetProperty("value", out var v) ? v.Clone() : default;
            if (string.Equals(language, WorkflowExpression.Literal, StringComparison.OrdinalIgnoreCase))
            {
                inputs.Valid[property.Name] = new WorkflowExpression(WorkflowExpression.Literal, value);
            }
            else if (string.Equals(language, WorkflowExpression.Variable, StringComparison.OrdinalIgnoreCase))
            {
                if (string.IsNullOrWhiteSpace(ExpressionValues.VariableName(value)))
                {
                    errors.Activity(activity.Id, $"input '{property.Name}' is a Variable expression without a variable name");
                    inputs.Invalid.Add(property.Name);
                }
                else
                {
                    inputs.Valid[property.Name] = new WorkflowExpression(WorkflowExpression.Variable, value);
                }
            }
            else
            {
                errors.Activity(activity.Id, string.IsNullOrWhiteSpace(language)
                    ? $"input '{property.Name}' has no expression type; only Literal and Variable are supported"
                    : $"input '{property.Name}' uses unsupported expression language '{language}'; only Literal and Variable are supported");
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
