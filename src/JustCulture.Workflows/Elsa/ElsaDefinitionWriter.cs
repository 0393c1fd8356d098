using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JustCulture.Workflows;

/// <summary>What to change while writing a definition in Elsa's shape.</summary>
public sealed record ElsaWriteOptions
{
    /// <summary>The version to write; null keeps the file's. A new version also gets a new <c>id</c> (<c>{definitionId}-v{version}</c>).</summary>
    public int? Version { get; init; }

    /// <summary>The <c>createdAt</c> to write; null keeps the file's, or takes the current time when the file has none.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}

/// <summary>Writes a definition file as Elsa 3.6's exporter writes one: the same top-level properties in the same
/// order, <c>customProperties</c> and designer metadata on every activity, and lists as Object expressions holding
/// JSON text. Only a definition that loads is written, and what is written is read back before it is returned.</summary>
public static class ElsaDefinitionWriter
{
    public const string ToolVersion = "3.6.0.0";

    private const string Schema = "https://elsaworkflows.io/schemas/workflow-definition/v3.0.0/schema.json";

    // Elsa's designer gives every node a size; a file without one gets this, so Elsa Studio can draw it.
    private const double DefaultWidth = 200;
    private const double DefaultHeight = 68;
    private const double DefaultSpacing = 250;

    // The properties Elsa writes after an activity's inputs, in its order; every other property is an input
    // (or another descriptor property such as SetVariable's "variable") and comes first, in file order.
    private static readonly HashSet<string> ActivityHeader = new(StringComparer.Ordinal)
    {
        "id", "nodeId", "name", "type", "version", "customProperties", "metadata", "canStartWorkflow", "runAsynchronously",
    };

    private static readonly string[] FlowCustomProperties = ["notFoundConnections", "canStartWorkflow", "runAsynchronously"];

    // Elsa's writer: two-space indentation and its default escaping (quotes in JSON text become \u0022).
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, NewLine = "\n" };

    /// <summary>Writes <paramref name="utf8Json"/> (a definition file's bytes) in Elsa 3.6's shape.</summary>
    /// <param name="sourceName">Named in error messages, as when loading.</param>
    /// <exception cref="WorkflowDefinitionException">The file is not a valid definition, or the written one would not be.</exception>
    public static byte[] Write(byte[] utf8Json, string sourceName, ElsaWriteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        options ??= new ElsaWriteOptions();
        if (options.Version is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Version, "The version must be a positive whole number.");
        }

        var definition = WorkflowDefinitionLoader.Parse(utf8Json, sourceName);
        byte[] written;
        using (var document = JsonDocument.Parse(StripByteOrderMark(utf8Json), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }))
        using (var stream = new MemoryStream())
        {
            using (var writer = new Utf8JsonWriter(stream, WriterOptions))
            {
                WriteDefinition(writer, document.RootElement, definition, options);
            }

            written = stream.ToArray();
        }

        CheckReadsBack(definition, written, sourceName, options.Version ?? definition.Version);
        return written;
    }

    /// <summary>Reads the file at <paramref name="path"/> and writes it in Elsa 3.6's shape.</summary>
    /// <exception cref="WorkflowDefinitionException">The file is not a valid definition.</exception>
    public static byte[] WriteFile(string path, ElsaWriteOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Write(File.ReadAllBytes(path), path, options);
    }

    private static void WriteDefinition(Utf8JsonWriter writer, JsonElement file, WorkflowDefinition definition, ElsaWriteOptions options)
    {
        var version = options.Version ?? definition.Version;
        var versionChanged = version != definition.Version;
        writer.WriteStartObject();
        writer.WriteString("$schema", Schema);
        writer.WriteString("id", !versionChanged && Text(file, "id") is { Length: > 0 } id ? id : $"{definition.DefinitionId}-v{version}");
        writer.WriteString("definitionId", definition.DefinitionId);
        writer.WriteString("name", Text(file, "name") ?? definition.Name);
        if (Text(file, "description") is { } description)
        {
            writer.WriteString("description", description);
        }

        // Written as text, as Elsa's exporter copies it from a document, so the offset's '+' is escaped as Elsa escapes it.
        writer.WriteString("createdAt", JsonSerializer.SerializeToElement(options.CreatedAt ?? CreatedAt(file) ?? DateTimeOffset.UtcNow).GetString());
        writer.WriteNumber("version", version);
        writer.WriteString("toolVersion", ToolVersion);
        writer.WritePropertyName("variables");
        WriteVariables(writer, file, definition);
        CopyOr(writer, file, "inputs", JsonValueKind.Array);
        CopyOr(writer, file, "outputs", JsonValueKind.Array);
        CopyOr(writer, file, "outcomes", JsonValueKind.Array);
        CopyOr(writer, file, "customProperties", JsonValueKind.Object);
        writer.WriteBoolean("isReadonly", Flag(file, "isReadonly") ?? false);
        writer.WriteBoolean("isSystem", Flag(file, "isSystem") ?? false);
        writer.WriteBoolean("isLatest", Flag(file, "isLatest") ?? true);
        writer.WriteBoolean("isPublished", Flag(file, "isPublished") ?? true);
        if (file.TryGetProperty("options", out var workflowOptions) && workflowOptions.ValueKind == JsonValueKind.Object)
        {
            writer.WritePropertyName("options");
            workflowOptions.WriteTo(writer);
        }
        else
        {
            writer.WriteStartObject("options");
            writer.WriteBoolean("autoUpdateConsumingWorkflows", false);
            writer.WriteEndObject();
        }

        writer.WritePropertyName("root");
        WriteFlowchart(writer, file.GetProperty("root"));
        writer.WriteEndObject();
    }

    // Elsa stores a variable's value as text ("0", "true"); a value of a type the reader converts back is written
    // so, anything else as it is, so the variable starts as the same value when read again.
    private static void WriteVariables(Utf8JsonWriter writer, JsonElement file, WorkflowDefinition definition)
    {
        var declared = file.TryGetProperty("variables", out var array) && array.ValueKind == JsonValueKind.Array
            ? array.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Object).ToList()
            : [];
        writer.WriteStartArray();
        foreach (var variable in definition.Variables)
        {
            var element = declared.FirstOrDefault(v => Text(v, "name") == variable.Name);
            writer.WriteStartObject();
            writer.WriteString("id", element.ValueKind == JsonValueKind.Object && Text(element, "id") is { Length: > 0 } id ? id : variable.Name);
            writer.WriteString("name", variable.Name);
            writer.WriteString("typeName", variable.TypeName ?? "Object");
            writer.WriteBoolean("isArray", element.ValueKind == JsonValueKind.Object && Flag(element, "isArray") == true);
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("value", out var value))
            {
                writer.WritePropertyName("value");
                if (value.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False && ReadsBackAs(value, variable.TypeName))
                {
                    writer.WriteStringValue(value.GetRawText());
                }
                else
                {
                    value.WriteTo(writer);
                }
            }

            if (element.ValueKind == JsonValueKind.Object && Text(element, "storageDriverTypeName") is { } driver)
            {
                writer.WriteString("storageDriverTypeName", driver);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    // True when the value written as text is converted back to the same value on reading.
    private static bool ReadsBackAs(JsonElement value, string? typeName) =>
        ExpressionValues.Typed(JsonSerializer.SerializeToElement(value.GetRawText()), typeName).GetRawText() == value.GetRawText();

    private static void WriteFlowchart(Utf8JsonWriter writer, JsonElement flowchart)
    {
        var id = Text(flowchart, "id") is { Length: > 0 } flowId ? flowId : "Flowchart1";
        var nodeId = Text(flowchart, "nodeId") is { Length: > 0 } node ? node : $"Workflow1:{id}";
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteString("nodeId", nodeId);
        writer.WriteString("name", Text(flowchart, "name") ?? "Flowchart1");
        writer.WriteString("type", "Elsa.Flowchart");
        writer.WriteNumber("version", VersionOf(flowchart));
        writer.WriteStartObject("customProperties");
        writer.WriteStartArray("notFoundConnections");
        writer.WriteEndArray();
        writer.WriteBoolean("canStartWorkflow", FlowchartJsonReader.CanStartWorkflow(flowchart));
        writer.WriteBoolean("runAsynchronously", RunsAsynchronously(flowchart));
        CopyCustomProperties(writer, flowchart, FlowCustomProperties);
        writer.WriteEndObject();
        CopyOr(writer, flowchart, "metadata", JsonValueKind.Object);

        // Elsa 3.6 no longer writes "start" and picks the first Elsa.Start; a file that names its start keeps it,
        // because without it a run could begin elsewhere.
        if (Text(flowchart, "start") is { Length: > 0 } start)
        {
            writer.WriteString("start", start);
        }

        writer.WriteStartArray("activities");
        var index = 0;
        foreach (var activity in flowchart.GetProperty("activities").EnumerateArray())
        {
            WriteActivity(writer, activity, nodeId, index++);
        }

        writer.WriteEndArray();
        CopyOr(writer, flowchart, "variables", JsonValueKind.Array);
        writer.WriteStartArray("connections");
        if (flowchart.TryGetProperty("connections", out var connections))
        {
            foreach (var connection in connections.EnumerateArray())
            {
                WriteConnection(writer, connection);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteActivity(Utf8JsonWriter writer, JsonElement activity, string flowNodeId, int index)
    {
        var id = Text(activity, "id")!;
        writer.WriteStartObject();
        foreach (var property in activity.EnumerateObject().Where(p => !ActivityHeader.Contains(p.Name)))
        {
            writer.WritePropertyName(property.Name);
            if (IsInput(property.Value))
            {
                WriteInput(writer, property.Value);
            }
            else
            {
                property.Value.WriteTo(writer);
            }
        }

        writer.WriteString("id", id);
        writer.WriteString("nodeId", Text(activity, "nodeId") is { Length: > 0 } nodeId ? nodeId : $"{flowNodeId}:{id}");
        writer.WriteString("name", Text(activity, "name") ?? id);
        writer.WriteString("type", Text(activity, "type"));
        writer.WriteNumber("version", VersionOf(activity));
        writer.WriteStartObject("customProperties");
        writer.WriteBoolean("canStartWorkflow", FlowchartJsonReader.CanStartWorkflow(activity));
        writer.WriteBoolean("runAsynchronously", RunsAsynchronously(activity));
        CopyCustomProperties(writer, activity, FlowCustomProperties);
        writer.WriteEndObject();
        WriteMetadata(writer, activity, index);
        writer.WriteEndObject();
    }

    // An input is {"typeName", "expression": {"type", "value"}}. Elsa's own memory references and other
    // run-time leftovers of older exports are not written.
    private static void WriteInput(Utf8JsonWriter writer, JsonElement input)
    {
        var expression = input.GetProperty("expression");
        var typeName = Text(input, "typeName");
        var language = ExpressionEvaluator.Canonical(Text(expression, "type"));
        var hasValue = expression.TryGetProperty("value", out var value);
        var list = hasValue ? ListText(value, typeName, language) : null;
        writer.WriteStartObject();
        writer.WriteString("typeName", typeName ?? (list is null ? "Object" : "Object[]"));
        writer.WriteStartObject("expression");
        if (list is not null)
        {
            writer.WriteString("type", WorkflowExpression.Object);
            writer.WriteString("value", list);
        }
        else
        {
            writer.WriteString("type", language);
            if (hasValue)
            {
                writer.WritePropertyName("value");
                value.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    // Elsa stores an array input (String[] and the like) as an Object expression whose value is the array as
    // compact JSON text. A Literal or Object holding an array, or holding an array's JSON text, becomes that.
    private static string? ListText(JsonElement value, string? typeName, string? language)
    {
        if (language is not (WorkflowExpression.Literal or WorkflowExpression.Object))
        {
            return null;
        }

        JsonNode? array = null;
        if (value.ValueKind == JsonValueKind.Array)
        {
            array = JsonNode.Parse(value.GetRawText());
        }
        else if (value.ValueKind == JsonValueKind.String && (typeName?.EndsWith("[]", StringComparison.Ordinal) ?? false))
        {
            try
            {
                array = JsonNode.Parse(value.GetString()!) as JsonArray;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return array is JsonArray ? array.ToJsonString() : null;
    }

    private static void WriteMetadata(Utf8JsonWriter writer, JsonElement activity, int index)
    {
        var metadata = activity.TryGetProperty("metadata", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        var designer = metadata.ValueKind == JsonValueKind.Object && metadata.TryGetProperty("designer", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        writer.WriteStartObject("metadata");
        writer.WriteStartObject("designer");
        if (designer.ValueKind == JsonValueKind.Object && designer.TryGetProperty("position", out var position) && position.ValueKind == JsonValueKind.Object)
        {
            writer.WritePropertyName("position");
            position.WriteTo(writer);
        }
        else
        {
            // Left to right in file order, so Elsa Studio does not stack every node at one point.
            writer.WriteStartObject("position");
            writer.WriteNumber("x", index * DefaultSpacing);
            writer.WriteNumber("y", 0);
            writer.WriteEndObject();
        }

        if (designer.ValueKind == JsonValueKind.Object && designer.TryGetProperty("size", out var size) && size.ValueKind == JsonValueKind.Object)
        {
            writer.WritePropertyName("size");
            size.WriteTo(writer);
        }
        else
        {
            writer.WriteStartObject("size");
            writer.WriteNumber("width", DefaultWidth);
            writer.WriteNumber("height", DefaultHeight);
            writer.WriteEndObject();
        }

        CopyOthers(writer, designer, ["position", "size"]);
        writer.WriteEndObject();
        CopyOthers(writer, metadata, ["designer"]);
        writer.WriteEndObject();
    }

    // Elsa 3's nested ends; the older flat form becomes nested. An entry port is always In.
    private static void WriteConnection(Utf8JsonWriter writer, JsonElement connection)
    {
        writer.WriteStartObject();
        WriteEnd(writer, connection, "source", "sourcePort", null);
        WriteEnd(writer, connection, "target", "targetPort", WorkflowPorts.In);
        CopyOr(writer, connection, "vertices", JsonValueKind.Array);
        writer.WriteEndObject();
    }

    private static void WriteEnd(Utf8JsonWriter writer, JsonElement connection, string endName, string flatPortName, string? defaultPort)
    {
        var end = connection.GetProperty(endName);
        var (activity, port) = end.ValueKind == JsonValueKind.Object
            ? (Text(end, "activity"), Text(end, "port"))
            : (end.GetString(), Text(connection, flatPortName));
        writer.WriteStartObject(endName);
        writer.WriteString("activity", activity);
        writer.WriteString("port", string.IsNullOrEmpty(port) ? defaultPort : port);
        writer.WriteEndObject();
    }

    // The written file must load as the same definition; anything else is a fault in this writer, never a file
    // written silently wrong.
    private static void CheckReadsBack(WorkflowDefinition original, byte[] written, string sourceName, int version)
    {
        var reread = WorkflowDefinitionLoader.Parse(written, sourceName);
        var differences = new List<string>();
        if (reread.DefinitionId != original.DefinitionId || reread.Version != version)
        {
            differences.Add($"{sourceName}: written as '{reread.DefinitionId}' v{reread.Version}, expected '{original.DefinitionId}' v{version}");
        }

        if (!reread.Activities.Select(a => (a.Id, a.Type)).SequenceEqual(original.Activities.Select(a => (a.Id, a.Type))))
        {
            differences.Add($"{sourceName}: the written activities differ from the file's");
        }

        if (!reread.Activities.Select(a => string.Join("|", a.Ports)).SequenceEqual(original.Activities.Select(a => string.Join("|", a.Ports))))
        {
            differences.Add($"{sourceName}: the written activities' ports differ from the file's");
        }

        if (!reread.Connections.SequenceEqual(original.Connections))
        {
            differences.Add($"{sourceName}: the written connections differ from the file's");
        }

        if (reread.Start?.Id != original.Start?.Id)
        {
            differences.Add($"{sourceName}: the written file starts at '{reread.Start?.Id}', not '{original.Start?.Id}'");
        }

        // A variable without a type is written as Object, which the reader treats alike.
        if (!reread.Variables.Select(v => (v.Name, v.TypeName ?? "Object", v.InitialValue.GetRawText()))
                .SequenceEqual(original.Variables.Select(v => (v.Name, v.TypeName ?? "Object", v.InitialValue.GetRawText()))))
        {
            differences.Add($"{sourceName}: the written variables differ from the file's");
        }

        if (!reread.Inputs.SequenceEqual(original.Inputs) || !reread.JoinModes.OrderBy(j => j.Key).SequenceEqual(original.JoinModes.OrderBy(j => j.Key)))
        {
            differences.Add($"{sourceName}: the written inputs or join modes differ from the file's");
        }

        if (differences.Count > 0)
        {
            throw new WorkflowDefinitionException(differences);
        }
    }

    private static bool IsInput(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty("expression", out var expression) && expression.ValueKind == JsonValueKind.Object;

    private static bool RunsAsynchronously(JsonElement activity) =>
        (activity.TryGetProperty("customProperties", out var custom) && custom.ValueKind == JsonValueKind.Object
            && custom.TryGetProperty("runAsynchronously", out var flag) && flag.ValueKind == JsonValueKind.True)
        || (activity.TryGetProperty("runAsynchronously", out var legacy) && legacy.ValueKind == JsonValueKind.True);

    private static void CopyCustomProperties(Utf8JsonWriter writer, JsonElement activity, IReadOnlyCollection<string> written)
    {
        if (activity.TryGetProperty("customProperties", out var custom) && custom.ValueKind == JsonValueKind.Object)
        {
            CopyOthers(writer, custom, written);
        }
    }

    private static void CopyOthers(Utf8JsonWriter writer, JsonElement element, IReadOnlyCollection<string> written)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in element.EnumerateObject().Where(p => !written.Contains(p.Name)))
        {
            property.WriteTo(writer);
        }
    }

    private static void CopyOr(Utf8JsonWriter writer, JsonElement element, string name, JsonValueKind kind)
    {
        writer.WritePropertyName(name);
        if (element.TryGetProperty(name, out var value) && value.ValueKind == kind)
        {
            value.WriteTo(writer);
        }
        else if (kind == JsonValueKind.Array)
        {
            writer.WriteStartArray();
            writer.WriteEndArray();
        }
        else
        {
            writer.WriteStartObject();
            writer.WriteEndObject();
        }
    }

    private static DateTimeOffset? CreatedAt(JsonElement file) =>
        Text(file, "createdAt") is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var createdAt)
            ? createdAt
            : null;

    private static int VersionOf(JsonElement activity) =>
        activity.TryGetProperty("version", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var version) ? version : 1;

    private static bool? Flag(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static ReadOnlyMemory<byte> StripByteOrderMark(byte[] utf8Json) =>
        utf8Json.Length >= 3 && utf8Json[0] == 0xEF && utf8Json[1] == 0xBB && utf8Json[2] == 0xBF ? utf8Json.AsMemory(3) : utf8Json;
}
