using System.Text.Json;

namespace JustCulture.Workflows;

// Builds Elsa's flow primitives (Elsa/ElsaActivities.cs). Kept apart from ActivityFactory, which builds the
// product's JustCulture.* activities: a type this factory does not own returns null and goes there.
internal sealed class ElsaPrimitiveFactory(DefinitionErrors errors)
{
    // Elsa types that need something this runtime deliberately leaves out, refused with the reason.
    private static readonly Dictionary<string, string> OutOfScope = new(StringComparer.Ordinal)
    {
        ["Elsa.HttpEndpoint"] = "HTTP activities are not supported (the product takes no workflow traffic over HTTP)",
        ["Elsa.WriteHttpResponse"] = "HTTP activities are not supported (the product takes no workflow traffic over HTTP)",
        ["Elsa.SendHttpRequest"] = "HTTP activities are not supported (the product takes no workflow traffic over HTTP)",
        ["Elsa.FlowSendHttpRequest"] = "HTTP activities are not supported (the product takes no workflow traffic over HTTP)",
        ["Elsa.ExecuteWorkflow"] = "sub-workflows are not supported; put the steps in this flowchart",
        ["Elsa.DispatchWorkflow"] = "sub-workflows are not supported; put the steps in this flowchart",
        ["Elsa.BulkDispatchWorkflows"] = "sub-workflows are not supported; put the steps in this flowchart",
        ["Elsa.FlowNode"] = "activities with a nested body are not supported; draw the body's activities in this flowchart",
        ["Elsa.ParallelForEach"] = "activities with a nested body are not supported; draw the body's activities in this flowchart",
        ["Elsa.ForEach"] = "activities with a nested body are not supported; draw the body's activities in this flowchart",
        ["Elsa.Sequence"] = "activities with a nested body are not supported; draw the body's activities in this flowchart",
        ["Elsa.RunCSharp"] = "C# scripts are compiled by Elsa with Roslyn, which this runtime does not include; use Elsa.RunJavaScript",
        ["Elsa.RunPython"] = "Python scripts are not supported; use Elsa.RunJavaScript",
        ["Elsa.Event"] = "external events are not supported; a person answers a JustCulture.* task instead",
        ["Elsa.PublishEvent"] = "external events are not supported; a person answers a JustCulture.* task instead",
    };

    public static bool Owns(string? type) =>
        type is not null && (type.StartsWith("Elsa.", StringComparison.Ordinal)
            && type is not (StartActivity.TypeName or EndActivity.TypeName or FlowDecisionActivity.TypeName));

    // Null for a type that is not an Elsa primitive (ActivityFactory's) or one refused here.
    public ActivityDefinition? Create(ActivityJson entry, ActivityInputs inputs)
    {
        var (id, type, name) = (entry.Id, entry.Type!, entry.Name);
        switch (type)
        {
            case WriteLineActivity.TypeName:
                return new WriteLineActivity(id, name, Optional(inputs, "text"));
            case SetVariableActivity.TypeName:
                var variable = VariableName(entry.Element);
                if (variable is null)
                {
                    errors.Activity(id, "input 'variable' is missing or names no variable");
                }

                return new SetVariableActivity(id, name, variable ?? string.Empty, Optional(inputs, "value"));
            case SetOutputActivity.TypeName:
                var output = Literal(inputs, "outputName");
                if (output is null && !inputs.Invalid.Contains("outputName"))
                {
                    errors.Activity(id, "missing required input 'outputName' (a Literal)");
                }

                return new SetOutputActivity(id, name, output ?? string.Empty, Optional(inputs, "outputValue"));
            case FlowForkActivity.TypeName:
                return new FlowForkActivity(id, name, Branches(id, inputs));
            case FlowJoinActivity.TypeName:
                var mode = Literal(inputs, "mode") ?? "WaitAny";
                if (!Enum.TryParse<JoinMode>(mode, ignoreCase: false, out var joinMode) || joinMode == JoinMode.Stream)
                {
                    errors.Activity(id, $"input 'mode' is '{mode}'; expected WaitAny or WaitAll");
                    joinMode = JoinMode.WaitAll;
                }

                return new FlowJoinActivity(id, name, joinMode);
            case TimerActivity.DelayTypeName:
                return Timer(id, type, name, TimerKind.Delay, inputs, "timeSpan");
            case TimerActivity.TimerTypeName:
                return Timer(id, type, name, TimerKind.Timer, inputs, "interval");
            case TimerActivity.CronTypeName:
                return Timer(id, type, name, TimerKind.Cron, inputs, "cronExpression");
            case FaultActivity.TypeName:
                return new FaultActivity(id, name, Optional(inputs, "message"));
            case CompleteActivity.TypeName:
                return new CompleteActivity(id, name, Optional(inputs, "outcomes"));
            case SetInstancePropertyActivity.SetNameTypeName:
                return new SetInstancePropertyActivity(id, type, name, Optional(inputs, "value"));
            case SetInstancePropertyActivity.CorrelateTypeName:
                return new SetInstancePropertyActivity(id, type, name, Optional(inputs, "correlationId"));
            case RunJavaScriptActivity.TypeName:
                var script = Optional(inputs, "script");
                if (script is null || script.Language != WorkflowExpression.Literal || ExpressionValues.GetText(script.Value) is not { } text)
                {
                    errors.Activity(id, "input 'script' must be a Literal holding the JavaScript to run");
                    return null;
                }

                var problem = ExpressionEvaluator.CheckAtLoad(WorkflowExpression.JavaScript, script.Value);
                if (problem is not null)
                {
                    errors.Activity(id, $"input 'script' {problem}");
                }

                return new RunJavaScriptActivity(id, name, new WorkflowExpression(WorkflowExpression.JavaScript, script.Value));
            default:
                errors.Activity(id, OutOfScope.TryGetValue(type, out var reason)
                    ? $"activity type '{type}' is refused: {reason}"
                    : $"unknown activity type '{type}'");
                return null;
        }
    }

    private TimerActivity Timer(string id, string type, string? name, TimerKind kind, ActivityInputs inputs, string inputName)
    {
        var text = Literal(inputs, inputName);
        if (text is null)
        {
            if (!inputs.Invalid.Contains(inputName))
            {
                errors.Activity(id, $"missing required input '{inputName}' (a Literal; a timer is fixed when the definition loads)");
            }

            return new TimerActivity(id, type, name, kind, TimeSpan.Zero, null);
        }

        if (kind == TimerKind.Cron)
        {
            // Elsa accepts five fields or six (with seconds), as Cronos does.
            var format = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6
                ? Cronos.CronFormat.IncludeSeconds
                : Cronos.CronFormat.Standard;
            if (Cronos.CronExpression.TryParse(text, format, out var cron))
            {
                return new TimerActivity(id, type, name, kind, TimeSpan.Zero, cron);
            }

            errors.Activity(id, $"input '{inputName}' is '{text}', which is not a valid cron expression");
            return new TimerActivity(id, type, name, kind, TimeSpan.Zero, null);
        }

        if (!TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var span) || span < TimeSpan.Zero)
        {
            errors.Activity(id, $"input '{inputName}' is '{text}'; expected a time span such as 00:05:00");
        }

        return new TimerActivity(id, type, name, kind, span, null);
    }

    // Elsa stores String[] inputs as Object expressions holding JSON text; older files use a Literal.
    private List<string> Branches(string id, ActivityInputs inputs)
    {
        if (!inputs.Valid.TryGetValue("branches", out var expression))
        {
            if (!inputs.Invalid.Contains("branches"))
            {
                errors.Activity(id, "missing required input 'branches'");
            }

            return [];
        }

        var list = expression.Language is WorkflowExpression.Object or WorkflowExpression.Literal
            ? ExpressionValues.GetStringList(expression.Value)
            : null;
        if (list is null || list.Count == 0 || list.Any(string.IsNullOrWhiteSpace) || list.Distinct(StringComparer.Ordinal).Count() != list.Count)
        {
            errors.Activity(id, "input 'branches' must be an Object or Literal list of distinct, non-blank branch names");
            return [];
        }

        return list;
    }

    private static WorkflowExpression? Optional(ActivityInputs inputs, string name) =>
        inputs.Valid.TryGetValue(name, out var expression) ? expression : null;

    private static string? Literal(ActivityInputs inputs, string name) =>
        inputs.Valid.TryGetValue(name, out var expression) && expression.Language == WorkflowExpression.Literal
            ? ExpressionValues.GetText(expression.Value)
            : null;

    private static string? VariableName(JsonElement element) =>
        element.TryGetProperty("variable", out var variable) ? ExpressionValues.VariableName(variable) : null;
}
