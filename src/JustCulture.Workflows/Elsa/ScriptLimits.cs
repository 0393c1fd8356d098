namespace JustCulture.Workflows;

/// <summary>The sandbox every JavaScript and Liquid expression runs in. A script that exceeds one of these
/// stops with a <see cref="WorkflowExecutionException"/> naming the file, the activity and the limit, and the
/// run it belonged to changes nothing.</summary>
public sealed record ScriptLimits
{
    /// <summary>The defaults: generous for an expression, far too small for a runaway script.</summary>
    public static ScriptLimits Default { get; } = new();

    /// <summary>Wall-clock time one evaluation may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Bytes one evaluation may allocate.</summary>
    public long MemoryBytes { get; init; } = 4_000_000;

    /// <summary>Depth of nested JavaScript calls.</summary>
    public int RecursionDepth { get; init; } = 64;

    /// <summary>JavaScript statements one evaluation may execute (Liquid: template steps).</summary>
    public int MaxStatements { get; init; } = 50_000;
}
