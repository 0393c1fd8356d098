using System.Globalization;
using System.Text.Json;
using Acornima;
using Fluid;
using Fluid.Values;
using Jint;
using Jint.Native;
using Jint.Runtime;

namespace JustCulture.Workflows;

// What an expression can see while the flow runs: the instance's variables (which JavaScript may change with
// setX) and where it is, for messages.
internal sealed class ExpressionScope(
    Dictionary<string, JsonElement> variables, IReadOnlyDictionary<string, JsonElement> inputs, IReadOnlyList<string> declaredInputs,
    string source, string activityId)
{
    public Dictionary<string, JsonElement> Variables => variables;

    // The workflow's inputs as given when it started; every declared input has a getX accessor, as in Elsa.
    public IReadOnlyDictionary<string, JsonElement> Inputs => inputs;

    public IReadOnlyList<string> DeclaredInputs => declaredInputs;

    public string Source => source;

    public string ActivityId => activityId;

    public WorkflowExecutionException Error(string message) => new($"{source}: activity '{activityId}': {message}");
}

// Evaluates expressions the way Elsa 3 does: Literal as written, Variable from the instance, Object as JSON,
// JavaScript through Jint (the engine Elsa uses) and Liquid through Fluid (likewise), both sandboxed.
internal static class ExpressionEvaluator
{
    private static readonly FluidParser LiquidParser = new();

    private static readonly ScriptParsingOptions ParsingOptions = new() { AllowReturnOutsideFunction = true };

    private static readonly string[] Languages =
        [WorkflowExpression.Literal, WorkflowExpression.Variable, WorkflowExpression.Object, WorkflowExpression.JavaScript, WorkflowExpression.Liquid];

    // Files written by hand may spell a language in any case ("literal").
    public static string? Canonical(string? language) =>
        Languages.FirstOrDefault(l => string.Equals(l, language, StringComparison.OrdinalIgnoreCase)) ?? language;

    // Load time: a language we do not run, or a script that does not parse, is refused with the reason.
    public static string? CheckAtLoad(string? language, JsonElement value)
    {
        switch (Canonical(language))
        {
            case WorkflowExpression.Literal or WorkflowExpression.Variable:
                return null;
            case WorkflowExpression.Object:
                return value.ValueKind != JsonValueKind.String || TryParseJson(value.GetString()!, out _)
                    ? null
                    : "is an Object expression whose value is not JSON";
            case WorkflowExpression.JavaScript:
                if (value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
                {
                    return null;
                }

                try
                {
                    Engine.PrepareScript(ExpressionValues.GetText(value) ?? value.GetRawText(), options: new ScriptPreparationOptions { ParsingOptions = ParsingOptions });
                    return null;
                }
                catch (ParseErrorException ex)
                {
                    return $"is JavaScript that does not parse: {ex.Error.Description} (line {ex.Error.LineNumber}, column {ex.Error.Column})";
                }
            case WorkflowExpression.Liquid:
                return LiquidParser.TryParse(ExpressionValues.GetText(value) ?? string.Empty, out _, out var error)
                    ? null
                    : $"is a Liquid template that does not parse: {error}";
            case "CSharp" or "C#":
                return "uses C#; Elsa compiles C# expressions with Roslyn, which this runtime does not include — use JavaScript or Liquid";
            case null or "":
                return "has no expression type; supported: Literal, Variable, Object, JavaScript, Liquid";
            default:
                return $"uses unsupported expression language '{language}'; supported: Literal, Variable, Object, JavaScript, Liquid";
        }
    }

    public static JsonElement Evaluate(WorkflowExpression? expression, ExpressionScope scope, ScriptLimits limits)
    {
        if (expression is null)
        {
            return default;
        }

        var value = expression.Value;
        switch (expression.Language)
        {
            case WorkflowExpression.Literal:
                return value;
            case WorkflowExpression.Variable:
                var name = ExpressionValues.VariableName(value) ?? string.Empty;
                return scope.Variables.TryGetValue(name, out var variable)
                    ? variable
                    : throw scope.Error($"variable '{name}' is not set on the instance.");
            case WorkflowExpression.Object:
                return value.ValueKind == JsonValueKind.String && TryParseJson(value.GetString()!, out var parsed) ? parsed : value;
            case WorkflowExpression.JavaScript:
                return value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
                    ? default
                    : RunJavaScript(ExpressionValues.GetText(value) ?? value.GetRawText(), scope, limits);
            case WorkflowExpression.Liquid:
                return RenderLiquid(ExpressionValues.GetText(value) ?? string.Empty, scope, limits);
            default:
                throw scope.Error($"expression language '{expression.Language}' cannot be evaluated.");
        }
    }

    public static JsonElement RunJavaScript(string script, ExpressionScope scope, ScriptLimits limits)
    {
        // No AllowClr: scripts see only what is set below, never .NET types or the file system.
        var engine = new Engine(options => options
            .Strict()
            .TimeoutInterval(limits.Timeout)
            .LimitMemory(limits.MemoryBytes)
            .LimitRecursion(limits.RecursionDepth)
            .MaxStatements(limits.MaxStatements));
        var parser = new Jint.Native.Json.JsonParser(engine);
        var serializer = new Jint.Native.Json.JsonSerializer(engine);
        var variablesObject = new JsObject(engine);
        foreach (var (name, current) in scope.Variables.ToList())
        {
            var jsValue = ToJs(parser, current);
            variablesObject.Set(name, jsValue);
            var pascal = Pascal(name);
            engine.SetValue($"get{pascal}", new Func<JsValue>(() => ToJs(parser, scope.Variables.GetValueOrDefault(name))));
            engine.SetValue($"set{pascal}", new Action<JsValue>(v => scope.Variables[name] = ToJson(serializer, v)));
        }

        engine.SetValue("variables", variablesObject);
        var inputObject = new JsObject(engine);
        foreach (var name in scope.DeclaredInputs.Concat(scope.Inputs.Keys).Distinct(StringComparer.Ordinal))
        {
            var jsValue = ToJs(parser, scope.Inputs.GetValueOrDefault(name));
            inputObject.Set(name, jsValue);
            if (!scope.Variables.ContainsKey(name))
            {
                engine.SetValue($"get{Pascal(name)}", new Func<JsValue>(() => jsValue));
            }
        }

        engine.SetValue("input", inputObject);
        engine.SetValue("getInput", new Func<string, JsValue>(n => ToJs(parser, scope.Inputs.GetValueOrDefault(n))));
        engine.SetValue("setVariable", new Action<string, JsValue>((n, v) => scope.Variables[n] = ToJson(serializer, v)));
        engine.SetValue("getVariable", new Func<string, JsValue>(n => ToJs(parser, scope.Variables.GetValueOrDefault(n))));
        try
        {
            var prepared = Engine.PrepareScript(script, options: new ScriptPreparationOptions { ParsingOptions = ParsingOptions });
            return ToJson(serializer, engine.Evaluate(prepared));
        }
        catch (TimeoutException)
        {
            throw scope.Error($"script ran longer than {limits.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s and was stopped.");
        }
        catch (MemoryLimitExceededException)
        {
            throw scope.Error($"script allocated more than {limits.MemoryBytes} bytes and was stopped.");
        }
        catch (RecursionDepthOverflowException)
        {
            throw scope.Error($"script nested calls deeper than {limits.RecursionDepth} and was stopped.");
        }
        catch (StatementsCountOverflowException)
        {
            throw scope.Error($"script ran more than {limits.MaxStatements} statements and was stopped.");
        }
        catch (JavaScriptException ex)
        {
            throw scope.Error($"script threw: {ex.Message}");
        }
        catch (ParseErrorException ex)
        {
            throw scope.Error($"script does not parse: {ex.Error.Description}");
        }
        catch (JintException ex)
        {
            throw scope.Error($"script failed: {ex.Message}");
        }
    }

    private static JsonElement RenderLiquid(string text, ExpressionScope scope, ScriptLimits limits)
    {
        if (!LiquidParser.TryParse(text, out var template, out var error))
        {
            throw scope.Error($"Liquid template does not parse: {error}");
        }

        var options = new TemplateOptions { MaxSteps = limits.MaxStatements, MaxRecursion = limits.RecursionDepth };
        var context = new TemplateContext(options);
        var variables = scope.Variables.ToDictionary(kv => kv.Key, kv => ToPlain(kv.Value), StringComparer.Ordinal);
        context.SetValue("Variables", new DictionaryValue(new ObjectDictionaryFluidIndexable<object?>(variables, options)));
        try
        {
            using var cancel = new CancellationTokenSource(limits.Timeout);
            var rendered = template.RenderAsync(context).AsTask().WaitAsync(cancel.Token).GetAwaiter().GetResult();
            return JsonSerializer.SerializeToElement(rendered);
        }
        catch (OperationCanceledException)
        {
            throw scope.Error($"Liquid template ran longer than {limits.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s and was stopped.");
        }
        catch (InvalidOperationException ex)
        {
            throw scope.Error($"Liquid template failed: {ex.Message}");
        }
    }

    // Elsa names accessors getCounter/setCounter after a variable "counter" or "Counter".
    private static string Pascal(string name) =>
        name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];

    private static JsValue ToJs(Jint.Native.Json.JsonParser parser, JsonElement value) =>
        value.ValueKind == JsonValueKind.Undefined ? JsValue.Undefined : parser.Parse(value.GetRawText());

    private static JsonElement ToJson(Jint.Native.Json.JsonSerializer serializer, JsValue value)
    {
        if (value.IsUndefined())
        {
            return default;
        }

        var text = serializer.Serialize(value);
        return text.IsUndefined() ? default : JsonDocument.Parse(text.AsString()).RootElement.Clone();
    }

    private static object? ToPlain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var l) ? l : value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => value.EnumerateArray().Select(ToPlain).ToList(),
        JsonValueKind.Object => value.EnumerateObject().ToDictionary(p => p.Name, p => ToPlain(p.Value), StringComparer.Ordinal),
        _ => null,
    };

    private static bool TryParseJson(string text, out JsonElement element)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            element = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            element = default;
            return false;
        }
    }
}
