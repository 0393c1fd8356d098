using System.Text.Json;

namespace JustCulture.Workflows;

// Turns one activity's type and inputs into its typed ActivityDefinition, reporting every input the type
// needs but does not get. An activity is still built, with stand-in values, when some of its inputs are bad,
// so the graph around it can still be checked in the same load.
internal sealed class ActivityFactory(DefinitionErrors errors)
{
    private static readonly string[] OutcomeLetters = ["A", "B", "C", "D", "E", "F", "G"];

    // Null when there is nothing to build: no type, or a type this runtime does not know.
    public ActivityDefinition? Create(string id, string? type, string? name, ActivityInputs inputs)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            errors.Activity(id, "missing type");
            return null;
        }

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
                    errors.Activity(id, $"input 'outcome' is '{outcome}'; expected one of {string.Join(", ", OutcomeLetters)}");
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
            // The formal process after the investigation (FormalProcessActivities.cs); the safety rule checks their order.
            case ConcludeInvestigationActivity.TypeName:
                return new ConcludeInvestigationActivity(id, name);
            case DisciplinaryHearingActivity.TypeName:
                return new DisciplinaryHearingActivity(id, name);
            case AppealActivity.TypeName:
                return new AppealActivity(id, name);
            default:
                errors.Activity(id, $"unknown activity type '{type}'");
                return null;
        }
    }

    // The one input read when the flow runs, so it alone may be a Variable; a literal is checked now.
    private WorkflowExpression Condition(string id, ActivityInputs inputs)
    {
        if (!inputs.Valid.TryGetValue("condition", out var condition))
        {
            if (!inputs.Invalid.Contains("condition"))
            {
                errors.Activity(id, "missing required input 'condition'");
            }

            return new WorkflowExpression(WorkflowExpression.Literal, default);
        }

        if (condition.Language == WorkflowExpression.Literal && !ExpressionValues.TryGetBoolean(condition.Value, out _))
        {
            errors.Activity(id, $"input 'condition' must be a boolean literal, not {Describe(condition.Value)}");
        }

        return condition;
    }

    // Text inputs shape the definition (roles, questions, ports), so they are fixed at load: Literal only.
    private string? Text(string id, ActivityInputs inputs, string inputName, bool required)
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
                errors.Activity(id, $"missing required input '{inputName}' (no value)");
            }

            return null;
        }

        var text = ExpressionValues.GetText(value);
        if (text is null)
        {
            errors.Activity(id, $"input '{inputName}' must be text, not {Describe(value)}");
            return null;
        }

        if (required && string.IsNullOrWhiteSpace(text))
        {
            errors.Activity(id, $"missing required input '{inputName}' (blank)");
            return null;
        }

        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    // Answers and routes become ports, so every entry must be usable as one: present, distinct, and (for
    // routes) one the runtime knows. Elsa writes a String[] as an Object expression holding JSON text, which is
    // as fixed at load as a Literal, so both are accepted.
    private List<string>? Answers(string id, ActivityInputs inputs, string inputName, IReadOnlyList<string>? allowed)
    {
        var expression = Literal(id, inputs, inputName, required: true, allowObject: true);
        if (expression is null)
        {
            return null;
        }

        var list = ExpressionValues.GetStringList(expression.Value);
        if (list is null)
        {
            errors.Activity(id, $"input '{inputName}' must be a list of strings (a JSON array or a JSON-encoded array), not {Describe(expression.Value)}");
            return null;
        }

        var ok = true;
        if (list.Count == 0)
        {
            errors.Activity(id, $"input '{inputName}' is empty; a human task needs at least one answer");
            ok = false;
        }

        if (list.Any(string.IsNullOrWhiteSpace))
        {
            errors.Activity(id, $"input '{inputName}' contains a blank entry");
            ok = false;
        }

        foreach (var duplicate in list.GroupBy(a => a, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Activity(id, $"input '{inputName}' lists '{duplicate.Key}' more than once");
            ok = false;
        }

        if (allowed is not null)
        {
            foreach (var unknown in list.Where(a => !allowed.Contains(a, StringComparer.Ordinal)))
            {
                errors.Activity(id, $"input '{inputName}' has unknown entry '{unknown}'; allowed: {string.Join(", ", allowed)}");
                ok = false;
            }
        }

        return ok ? list : null;
    }

    private WorkflowExpression? Literal(string id, ActivityInputs inputs, string inputName, bool required, bool allowObject = false)
    {
        if (!inputs.Valid.TryGetValue(inputName, out var expression))
        {
            // An input already refused for its expression language is not missing as well.
            if (required && !inputs.Invalid.Contains(inputName))
            {
                errors.Activity(id, $"missing required input '{inputName}'");
            }

            return null;
        }

        if (allowObject && expression.Language == WorkflowExpression.Object)
        {
            return expression;
        }

        if (expression.Language != WorkflowExpression.Literal)
        {
            var allowed = allowObject ? "a Literal or Object expression" : "a Literal expression";
            errors.Activity(id, $"input '{inputName}' must be {allowed}; it shapes the flowchart, so it is fixed when the definition loads");
            return null;
        }

        return expression;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Undefined => "nothing",
        JsonValueKind.String => $"'{value.GetString()}'",
        _ => value.GetRawText(),
    };
}
