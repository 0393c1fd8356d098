using System.Text.Json;

namespace JustCulture.Workflows;

// Elsa 3's own flow primitives, with the semantics Elsa's tests give them (docs/domain/workflow-runtime.md).
// They carry no product rule: they never reach a case, a role or the decision log.

/// <summary>An Elsa primitive whose input is evaluated when the flow runs; port <c>Done</c> unless it says otherwise.</summary>
public abstract class ElsaPrimitiveActivity : ActivityDefinition
{
    private static readonly string[] DonePort = [WorkflowPorts.Done];

    private protected ElsaPrimitiveActivity(string id, string type, string? name) : base(id, type, name) { }

    public override IReadOnlyList<string> Ports => DonePort;
}

/// <summary><c>Elsa.WriteLine</c>: writes <c>text</c> to the workflow's own output (<see cref="RunResult.Lines"/>), never to the decision log.</summary>
public sealed class WriteLineActivity : ElsaPrimitiveActivity
{
    public const string TypeName = "Elsa.WriteLine";

    internal WriteLineActivity(string id, string? name, WorkflowExpression? text) : base(id, TypeName, name) => Text = text;

    /// <summary>Null when the designer left the input empty: Elsa writes an empty line.</summary>
    public WorkflowExpression? Text { get; }
}

/// <summary><c>Elsa.SetVariable</c>: sets the workflow variable <see cref="VariableName"/> to <c>value</c>.</summary>
public sealed class SetVariableActivity : ElsaPrimitiveActivity
{
    public const string TypeName = "Elsa.SetVariable";

    internal SetVariableActivity(string id, string? name, string variableName, WorkflowExpression? value) : base(id, TypeName, name)
    {
        VariableName = variableName;
        Value = value;
    }

    public string VariableName { get; }

    public WorkflowExpression? Value { get; }
}

/// <summary><c>Elsa.SetOutput</c>: sets the workflow output <see cref="OutputName"/> to <c>outputValue</c>.</summary>
public sealed class SetOutputActivity : ElsaPrimitiveActivity
{
    public const string TypeName = "Elsa.SetOutput";

    internal SetOutputActivity(string id, string? name, string outputName, WorkflowExpression? value) : base(id, TypeName, name)
    {
        OutputName = outputName;
        Value = value;
    }

    public string OutputName { get; }

    public WorkflowExpression? Value { get; }
}

/// <summary><c>Elsa.FlowFork</c>: leaves by every one of its <c>branches</c> at once.</summary>
public sealed class FlowForkActivity : ActivityDefinition
{
    public const string TypeName = "Elsa.FlowFork";

    internal FlowForkActivity(string id, string? name, IReadOnlyList<string> branches) : base(id, TypeName, name) => Branches = branches;

    public IReadOnlyList<string> Branches { get; }

    public override IReadOnlyList<string> Ports => Branches;
}

/// <summary>How a join (or an activity with a <c>mergeMode</c>) treats several arrivals.</summary>
public enum JoinMode
{
    /// <summary>Each arrival runs the activity (Elsa's <c>Stream</c>/<c>None</c>, the default for every activity).</summary>
    Stream,

    /// <summary><c>FlowJoin</c> <c>WaitAny</c>: the first arrival runs it; the others of the same round are absorbed.</summary>
    WaitAny,

    /// <summary><c>FlowJoin</c> <c>WaitAll</c>, or <c>mergeMode</c> <c>Merge</c>/<c>Converge</c>: runs once every inbound connection has arrived.</summary>
    WaitAll,
}

/// <summary><c>Elsa.FlowJoin</c>: waits for any or all of its inbound connections.</summary>
public sealed class FlowJoinActivity : ElsaPrimitiveActivity
{
    public const string TypeName = "Elsa.FlowJoin";

    internal FlowJoinActivity(string id, string? name, JoinMode mode) : base(id, TypeName, name) => Mode = mode;

    public JoinMode Mode { get; }
}

/// <summary>What kind of durable timer an activity sets.</summary>
public enum TimerKind
{
    Delay,
    Timer,
    Cron,
}

/// <summary><c>Elsa.Delay</c> (<c>timeSpan</c>), <c>Elsa.Timer</c> (<c>interval</c>) or <c>Elsa.Cron</c> (<c>cronExpression</c>):
/// suspends the path with a durable timer that resumes the instance when it is due.</summary>
public sealed class TimerActivity : ElsaPrimitiveActivity
{
    public const string DelayTypeName = "Elsa.Delay";
    public const string TimerTypeName = "Elsa.Timer";
    public const string CronTypeName = "Elsa.Cron";

    internal TimerActivity(string id, string type, string? name, TimerKind kind, TimeSpan interval, Cronos.CronExpression? cron)
        : base(id, type, name)
    {
        Kind = kind;
        Interval = interval;
        Cron = cron;
    }

    public TimerKind Kind { get; }

    /// <summary>The delay or interval (zero for a cron timer).</summary>
    public TimeSpan Interval { get; }

    internal Cronos.CronExpression? Cron { get; }

    /// <summary>When a timer set at <paramref name="nowUtc"/> is due.</summary>
    public DateTime DueAfter(DateTime nowUtc)
    {
        var utc = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc);
        return Kind == TimerKind.Cron
            ? Cron!.GetNextOccurrence(utc, TimeZoneInfo.Utc) ?? DateTime.MaxValue
            : utc + Interval;
    }
}

/// <summary><c>Elsa.Fault</c>: faults the instance with its <c>message</c>. No ports.</summary>
public sealed class FaultActivity : ActivityDefinition
{
    public const string TypeName = "Elsa.Fault";

    internal FaultActivity(string id, string? name, WorkflowExpression? message) : base(id, TypeName, name) => Message = message;

    public WorkflowExpression? Message { get; }

    public override IReadOnlyList<string> Ports => [];
}

/// <summary><c>Elsa.Complete</c>: finishes the instance, recording its <c>outcomes</c>. No ports.</summary>
public sealed class CompleteActivity : ActivityDefinition
{
    public const string TypeName = "Elsa.Complete";

    internal CompleteActivity(string id, string? name, WorkflowExpression? outcomes) : base(id, TypeName, name) => Outcomes = outcomes;

    public WorkflowExpression? Outcomes { get; }

    public override IReadOnlyList<string> Ports => [];
}

/// <summary><c>Elsa.SetName</c> (<c>value</c>) and <c>Elsa.Correlate</c> (<c>correlationId</c>): set the instance's name or correlation id.</summary>
public sealed class SetInstancePropertyActivity : ElsaPrimitiveActivity
{
    public const string SetNameTypeName = "Elsa.SetName";
    public const string CorrelateTypeName = "Elsa.Correlate";

    internal SetInstancePropertyActivity(string id, string type, string? name, WorkflowExpression? value) : base(id, type, name) => Value = value;

    public WorkflowExpression? Value { get; }
}

/// <summary><c>Elsa.RunJavaScript</c>: runs <c>script</c> in the sandbox; it may set variables with <c>setX(value)</c>.</summary>
public sealed class RunJavaScriptActivity : ElsaPrimitiveActivity
{
    public const string TypeName = "Elsa.RunJavaScript";

    internal RunJavaScriptActivity(string id, string? name, WorkflowExpression script) : base(id, TypeName, name) => Script = script;

    public WorkflowExpression Script { get; }
}

/// <summary>A workflow variable declared in the definition's top-level <c>variables</c>, with its initial value.</summary>
public sealed record WorkflowVariableDefinition(string Name, string? TypeName, JsonElement InitialValue);
