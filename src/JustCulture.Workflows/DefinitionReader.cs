using System.Text.Json;

namespace JustCulture.Workflows;

/// <summary>One pass over one definition file: parses, then validates the graph, appending every problem to
/// the shared error list as "source: activity 'id': message".</summary>
internal sealed class DefinitionReader(string source, List<string> errors)
{
    private const string FlowchartType = "Elsa.Flowchart";

    private static readonly JsonDocumentOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly string[] OutcomeLetters = ["A", "B", "C", "D", "E", "F", "G"];

    private readonly int _errorsBefore = errors.Count;

    // Every id seen, including activities that failed to build, so one bad activity does not also make
    // every connection to it "dangling".
    private readonly HashSet<string> _knownIds = new(StringComparer.Ordinal);

    // Activities whose ports cannot be trusted because their inputs were invalid.
    private readonly HashSet<string> _unreliable = new(StringComparer.Ordinal);

    private readonly List<ActivityDefinition> _activities = [];
    private readonly Dictionary<string, ActivityDefinition> _byId = new(StringComparer.Ordinal);
    private readonly List<Connection> _connections = [];
    private readonly HashSet<(string ActivityId, string Port)> _connectedPorts = [];

    public WorkflowDefinition? Read(byte[] utf8Json)
    {
        var sha256 = WorkflowDefinitionLoader.ComputeSha256(utf8Json);
        ReadOnlyMemory<byte> content = utf8Json;
        if (utf8Json.Length >= 3 && utf8Json[0] == 0xEF && utf8Json[1] == 0xBB && utf8Json[2] == 0xBF)
        {
            content = content[3..];
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content, Options);
        }
        catch (JsonException ex)
        {
            Error($"not valid JSON: {ex.Message}");
            return null;
        }

        using (document)
        {
            return Read(document.RootElement, sha256);
        }
    }

    private WorkflowDefinition? Read(JsonElement root, string sha256)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            Error("the top level must be a JSON object");
            return null;
        }

        var definitionId = ReadString(root, "definitionId");
        if (string.IsNullOrWhiteSpace(definitionId))
        {
            Error("definitionId is missing");
        }

        var version = 0;
        if (!root.TryGetProperty("version", out var versionElement)
            || versionElement.ValueKind != JsonValueKind.Number
            || !versionElement.TryGetInt32(out version)
            || version < 1)
        {
            Error("version is missing or not a positive whole number");
        }

        var name = ReadString(root, "name");
        if (!root.TryGetProperty("root", out var flowchart) || flowchart.ValueKind != JsonValueKind.Object)
        {
            Error($"root is missing; expected an '{FlowchartType}' object");
            return null;
        }

        var flowchartType = ReadString(flowchart, "type");
        if (!string.Equals(flowchartType, FlowchartType, StringComparison.Ordinal))
        {
            Error($"root type is '{flowchartType}'; expected '{FlowchartType}'");
        }

        if (flowchart.TryGetProperty("activities", out var activities) && activities.ValueKind == JsonValueKind.Array)
        {
            ReadActivities(activities);
        }
        else
        {
            Error("root.activities is missing or not an array");
        }

        if (flowchart.TryGetProperty("connections", out var connections) && connections.ValueKind == JsonValueKind.Array)
        {
            ReadConnections(connections);
        }
        else if (flowchart.TryGetProperty("connections", out _))
        {
            Error("root.connections is not an array");
        }

        ValidateGraph();

        if (errors.Count > _errorsBefore)
        {
            return null;
        }

        return new WorkflowDefinition(definitionId!, version, string.IsNullOrWhiteSpace(name) ? definitionId! : name, source, sha256, _activities, _connections);
    }

    private void ReadActivities(JsonElement array)
    {
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            index++;
            if (element.ValueKind != JsonValueKind.Object)
            {
                Error($"activity #{index}: not a JSON object");
                continue;
            }

            var id = ReadString(element, "id");
            var type = ReadString(element, "type");
            if (string.IsNullOrWhiteSpace(id))
            {
                Error($"activity #{index} (type '{type}'): missing id");
                continue;
            }

            if (!_knownIds.Add(id))
            {
                ActivityError(id, $"duplicate id (activity #{index} repeats an earlier id)");
                continue;
            }

            var errorsBefore = errors.Count;
            var inputs = ReadInputs(id, element);
            ActivityDefinition? activity = null;
            if (string.IsNullOrWhiteSpace(type))
            {
                ActivityError(id, "missing type");
            }
            else
            {
                activity = CreateActivity(id, type, ReadString(element, "name"), inputs);
            }

            if (activity is null || errors.Count > errorsBefore)
            {
                _unreliable.Add(id);
            }

            if (activity is not null)
            {
                _activities.Add(activity);
                _byId[id] = activity;
            }
        }
    }

    /// <summary>Inputs are the properties holding an <c>expression</c> object; everything else (metadata,
    /// customProperties, nodeId…) is ignored.</summary>
    private InputSet ReadInputs(string activityId, JsonElement activity)
    {
        var inputs = new InputSet();
        foreach (var property in activity.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Object
                || !property.Value.TryGetProperty("expression", out var expression)
                || expression.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var language = ReadString(expression, "type");
            var value = expression.TryGetProperty("value", out var v) ? v.Clone() : default;
            if (string.Equals(language, WorkflowExpression.Literal, StringComparison.OrdinalIgnoreCase))
            {
                inputs.Valid[property.Name] = new WorkflowExpression(WorkflowExpression.Literal, value);
            }
            else if (string.Equals(language, WorkflowExpression.Variable, StringComparison.OrdinalIgnoreCase))
            {
                if (string.IsNullOrWhiteSpace(ExpressionValues.VariableName(value)))
                {
                    ActivityError(activityId, $"input '{property.Name}' is a Variable expression without a variable name");
                    inputs.Invalid.Add(property.Name);
                }
                else
                {
                    inputs.Valid[property.Name] = new WorkflowExpression(WorkflowExpression.Variable, value);
                }
            }
            else
            {
                ActivityError(activityId, string.IsNullOrWhiteSpace(language)
                    ? $"input '{property.Name}' has no expression type; only Literal and Variable are supported"
                    : $"input '{property.Name}' uses unsupported expression language '{language}'; only Literal and Variable are supported");
                inputs.Invalid.Add(property.Name);
            }
        }

        return inputs;
    }

    private ActivityDefinition? CreateActivity(string id, string type, string? name, InputSet inputs)
    {
        switch (type)
        {
            case StartActivity.TypeName:
                return new StartActivity(id, name);
            case EndActivity.TypeName:
                return new EndActivity(id, name);
            case FlowDecisionActivity.TypeName:
                return new FlowDecisionActivity(id, name, Condition(id, inputs));
            case ChecklistQuestionActivity.TypeName:
                return new ChecklistQuestionActivity(
                    id, name,
                    questionId: Text(id, inputs, "questionId", required: true) ?? string.Empty,
                    question: Text(id, inputs, "question", required: true) ?? string.Empty,
                    helpText: Text(id, inputs, "helpText", required: false),
                    role: Text(id, inputs, "role", required: true) ?? string.Empty,
                    answers: Answers(id, inputs, "answers", allowed: null) ?? []);
            case RecordOutcomeActivity.TypeName:
                var outcome = Text(id, inputs, "outcome", required: true);
                if (outcome is not null && !OutcomeLetters.Contains(outcome, StringComparer.Ordinal))
                {
                    ActivityError(id, $"input 'outcome' is '{outcome}'; expected one of {string.Join(", ", OutcomeLetters)}");
                }

                return new RecordOutcomeActivity(
                    id, name, outcome ?? string.Empty,
                    title: Text(id, inputs, "title", required: true) ?? string.Empty,
                    guidance: Text(id, inputs, "guidance", required: false));
            case CommissioningReviewActivity.TypeName:
                return new CommissioningReviewActivity(
                    id, name,
                    role: Text(id, inputs, "role", required: true) ?? string.Empty,
                    question: Text(id, inputs, "question", required: true) ?? string.Empty,
                    helpText: Text(id, inputs, "helpText", required: false),
                    routes: inputs.Has("routes") ? Answers(id, inputs, "routes", ReviewRoutes.All) ?? [] : ReviewRoutes.All);
            case InformalResolutionActivity.TypeName:
                return new InformalResolutionActivity(
                    id, name,
                    role: Text(id, inputs, "role", required: true) ?? string.Empty,
                    question: Text(id, inputs, "question", required: true) ?? string.Empty,
                    helpText: Text(id, inputs, "helpText", required: false));
            case StartFormalInvestigationActivity.TypeName:
                return new StartFormalInvestigationActivity(id, name);
            default:
                ActivityError(id, $"unknown activity type '{type}'");
                return null;
        }
    }

    private WorkflowExpression Condition(string id, InputSet inputs)
    {
        if (!inputs.Valid.TryGetValue("condition", out var condition))
        {
            if (!inputs.Invalid.Contains("condition"))
            {
                ActivityError(id, "missing required input 'condition'");
            }

            return new WorkflowExpression(WorkflowExpression.Literal, default);
        }

        if (condition.Language == WorkflowExpression.Literal && !ExpressionValues.TryGetBoolean(condition.Value, out _))
        {
            ActivityError(id, $"input 'condition' must be a boolean literal, not {Describe(condition.Value)}");
        }

        return condition;
    }

    /// <summary>Text inputs shape the definition (roles, questions, ports), so they are fixed at load: Literal only.</summary>
    private string? Text(string id, InputSet inputs, string inputName, bool required)
    {
        var expression = Literal(id, inputs, inputName, required);
        if (expression is null)
        {
            return null;
        }

        var value = expression.Value;
        if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            if (required)
            {
                ActivityError(id, $"missing required input '{inputName}' (no value)");
            }

            return null;
        }

        var text = ExpressionValues.GetText(value);
        if (text is null)
        {
            ActivityError(id, $"input '{inputName}' must be text, not {Describe(value)}");
            return null;
        }

        if (required && string.IsNullOrWhiteSpace(text))
        {
            ActivityError(id, $"missing required input '{inputName}' (blank)");
            return null;
        }

        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    private List<string>? Answers(string id, InputSet inputs, string inputName, IReadOnlyList<string>? allowed)
    {
        var expression = Literal(id, inputs, inputName, required: true);
        if (expression is null)
        {
            return null;
        }

        var list = ExpressionValues.GetStringList(expression.Value);
        if (list is null)
        {
            ActivityError(id, $"input '{inputName}' must be a list of strings (a JSON array or a JSON-encoded array), not {Describe(expression.Value)}");
            return null;
        }

        var ok = true;
        if (list.Count == 0)
        {
            ActivityError(id, $"input '{inputName}' is empty; a human task needs at least one answer");
            ok = false;
        }

        if (list.Any(string.IsNullOrWhiteSpace))
        {
            ActivityError(id, $"input '{inputName}' contains a blank entry");
            ok = false;
        }

        foreach (var duplicate in list.GroupBy(a => a, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            ActivityError(id, $"input '{inputName}' lists '{duplicate.Key}' more than once");
            ok = false;
        }

        if (allowed is not null)
        {
            foreach (var unknown in list.Where(a => !allowed.Contains(a, StringComparer.Ordinal)))
            {
                ActivityError(id, $"input '{inputName}' has unknown entry '{unknown}'; allowed: {string.Join(", ", allowed)}");
                ok = false;
            }
        }

        return ok ? list : null;
    }

    private WorkflowExpression? Literal(string id, InputSet inputs, string inputName, bool required)
    {
        if (!inputs.Valid.TryGetValue(inputName, out var expression))
        {
            if (required && !inputs.Invalid.Contains(inputName))
            {
                ActivityError(id, $"missing required input '{inputName}'");
            }

            return null;
        }

        if (expression.Language != WorkflowExpression.Literal)
        {
            ActivityError(id, $"input '{inputName}' must be a Literal expression; it shapes the flowchart, so it is fixed when the definition loads");
            return null;
        }

        return expression;
    }

    private void ReadConnections(JsonElement array)
    {
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            index++;
            if (element.ValueKind != JsonValueKind.Object)
            {
                Error($"connection #{index}: not a JSON object");
                continue;
            }

            var (sourceId, sourcePort) = ReadEnd(element, "source", "sourcePort");
            var (targetId, targetPort) = ReadEnd(element, "target", "targetPort");
            if (string.IsNullOrWhiteSpace(sourceId))
            {
                Error($"connection #{index}: missing source activity (target '{targetId}')");
                continue;
            }

            if (string.IsNullOrWhiteSpace(targetId))
            {
                ActivityError(sourceId, $"connection #{index}: missing target activity");
                continue;
            }

            var ok = true;
            if (!_knownIds.Contains(sourceId))
            {
                ActivityError(sourceId, $"connection #{index} to '{targetId}' leaves from an activity that does not exist");
                ok = false;
            }

            if (!_knownIds.Contains(targetId))
            {
                ActivityError(sourceId, $"connection #{index} targets unknown activity '{targetId}'");
                ok = false;
            }

            if (string.IsNullOrWhiteSpace(sourcePort))
            {
                ActivityError(sourceId, $"connection #{index} to '{targetId}' has no source port");
                ok = false;
            }
            else if (_byId.TryGetValue(sourceId, out var sourceActivity) && !_unreliable.Contains(sourceId))
            {
                if (sourceActivity.Ports.Contains(sourcePort, StringComparer.Ordinal))
                {
                    _connectedPorts.Add((sourceId, sourcePort));
                }
                else
                {
                    ActivityError(sourceId, sourceActivity.Ports.Count == 0
                        ? $"connection #{index} to '{targetId}' leaves from port '{sourcePort}', but {sourceActivity.Type} has no outgoing ports"
                        : $"connection #{index} to '{targetId}' leaves from unknown port '{sourcePort}'; ports: {string.Join(", ", sourceActivity.Ports)}");
                    ok = false;
                }
            }

            if (!string.IsNullOrEmpty(targetPort) && !string.Equals(targetPort, WorkflowPorts.In, StringComparison.Ordinal))
            {
                ActivityError(targetId, $"connection #{index} from '{sourceId}' enters by unknown port '{targetPort}'; expected '{WorkflowPorts.In}'");
                ok = false;
            }

            if (ok && _byId.ContainsKey(sourceId) && _byId.ContainsKey(targetId))
            {
                _connections.Add(new Connection(sourceId, sourcePort!, targetId, WorkflowPorts.In));
            }
        }
    }

    /// <summary>Elsa 3: <c>"source": {"activity": id, "port": p}</c>; older flat form: <c>"source": id, "sourcePort": p</c>.</summary>
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

    private void ValidateGraph()
    {
        foreach (var activity in _activities.Where(a => a is IHumanTaskActivity && !_unreliable.Contains(a.Id)))
        {
            foreach (var port in activity.Ports.Where(p => !_connectedPorts.Contains((activity.Id, p))))
            {
                ActivityError(activity.Id, $"answer '{port}' has no outgoing connection; every answer of a human task must lead somewhere");
            }
        }

        var starts = _activities.OfType<StartActivity>().ToList();
        if (starts.Count == 0)
        {
            Error($"no {StartActivity.TypeName} activity; a flowchart needs exactly one");
            return;
        }

        if (starts.Count > 1)
        {
            foreach (var start in starts)
            {
                ActivityError(start.Id, $"more than one {StartActivity.TypeName} ({string.Join(", ", starts.Select(s => $"'{s.Id}'"))}); a flowchart needs exactly one");
            }

            return;
        }

        var startId = starts[0].Id;
        var adjacency = _connections
            .GroupBy(c => c.SourceActivityId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var reached = Search(adjacency, [(startId, null)], stopAtReviews: false).Parents;
        foreach (var activity in _activities.Where(a => !reached.ContainsKey(a.Id)))
        {
            ActivityError(activity.Id, $"unreachable: no path leads to it from start '{startId}'");
        }

        ValidateSafetyRule(adjacency, startId);
    }

    /// <summary>The safety rule: a formal investigation starts only when a commissioning review chose
    /// FormalInvestigation. So from Start, and from every other port of every review, no
    /// StartFormalInvestigation may be reachable without first passing another review.</summary>
    private void ValidateSafetyRule(Dictionary<string, List<Connection>> adjacency, string startId)
    {
        var origins = new List<(string Label, List<(string Id, string? Via)> Seeds)>
        {
            ($"start '{startId}'", [(startId, null)]),
        };
        foreach (var review in _activities.OfType<CommissioningReviewActivity>())
        {
            foreach (var port in review.Ports.Where(p => p != ReviewRoutes.FormalInvestigation))
            {
                var seeds = adjacency.GetValueOrDefault(review.Id, [])
                    .Where(c => c.SourcePort == port)
                    .Select(c => (c.TargetActivityId, (string?)$"{review.Id}[{port}]"))
                    .ToList();
                origins.Add(($"review '{review.Id}' route '{port}'", seeds));
            }
        }

        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (label, seeds) in origins)
        {
            var (parents, order) = Search(adjacency, seeds, stopAtReviews: true);
            foreach (var formal in order.Where(id => _byId[id] is StartFormalInvestigationActivity))
            {
                if (reported.Add($"{formal}|{label}"))
                {
                    ActivityError(formal,
                        $"safety rule broken: a formal investigation can start from {label} without a commissioning review choosing " +
                        $"'{ReviewRoutes.FormalInvestigation}' (path: {DescribePath(parents, formal)})");
                }
            }
        }
    }

    /// <summary>Breadth-first search recording, for each reached activity, the edge it was reached by.
    /// With <paramref name="stopAtReviews"/>, reviews are reached but not passed through.</summary>
    private (Dictionary<string, (string? Parent, string? Via)> Parents, List<string> Order) Search(
        Dictionary<string, List<Connection>> adjacency, IEnumerable<(string Id, string? Via)> seeds, bool stopAtReviews)
    {
        var parents = new Dictionary<string, (string? Parent, string? Via)>(StringComparer.Ordinal);
        var order = new List<string>();
        var queue = new Queue<string>();
        foreach (var (id, via) in seeds)
        {
            if (parents.TryAdd(id, (null, via)))
            {
                order.Add(id);
                queue.Enqueue(id);
            }
        }

        while (queue.TryDequeue(out var id))
        {
            if (stopAtReviews && _byId[id] is CommissioningReviewActivity)
            {
                continue;
            }

            foreach (var connection in adjacency.GetValueOrDefault(id, []))
            {
                if (parents.TryAdd(connection.TargetActivityId, (id, connection.SourcePort)))
                {
                    order.Add(connection.TargetActivityId);
                    queue.Enqueue(connection.TargetActivityId);
                }
            }
        }

        return (parents, order);
    }

    private static string DescribePath(Dictionary<string, (string? Parent, string? Via)> parents, string target)
    {
        var steps = new List<string>();
        string? current = target;
        string? arrivedVia = null;
        while (current is not null)
        {
            var (parent, via) = parents[current];
            steps.Add(arrivedVia is null ? current : $"{current}[{arrivedVia}]");
            if (parent is null && via is not null)
            {
                steps.Add(via);
            }

            arrivedVia = via;
            current = parent;
        }

        steps.Reverse();
        return string.Join(" -> ", steps);
    }

    private static string? ReadString(JsonElement element, string propertyName) =>
        element.TryGetProperty(propertyName, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined => "nothing",
        JsonValueKind.String => $"'{value.GetString()}'",
        _ => value.GetRawText(),
    };

    private void Error(string message) => errors.Add($"{source}: {message}");

    private void ActivityError(string activityId, string message) => Error($"activity '{activityId}': {message}");

    private sealed class InputSet
    {
        public Dictionary<string, WorkflowExpression> Valid { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Invalid { get; } = new(StringComparer.Ordinal);

        public bool Has(string name) => Valid.ContainsKey(name) || Invalid.Contains(name);
    }
}
