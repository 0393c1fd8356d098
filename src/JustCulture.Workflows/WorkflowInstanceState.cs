using System.Text.Json;
using System.Text.Json.Serialization;

namespace JustCulture.Workflows;

[JsonConverter(typeof(JsonStringEnumConverter<WorkflowStatus>))]
public enum WorkflowStatus
{
    Running,
    Suspended,
    Finished,
    Faulted,
}

/// <summary>A human task waiting for an answer from someone in <paramref name="Role"/>.</summary>
public sealed record Bookmark(Guid BookmarkId, string ActivityId, string Role, DateTime CreatedAtUtc);

/// <summary>A durable timer set by <c>Elsa.Delay</c>, <c>Elsa.Timer</c> or <c>Elsa.Cron</c>: the instance resumes from
/// <paramref name="ActivityId"/> once <paramref name="DueAtUtc"/> has passed (<see cref="WorkflowRunner.FireTimer"/>).</summary>
public sealed record TimerBookmark(Guid TimerId, string ActivityId, DateTime DueAtUtc);

/// <summary>The persisted state of one workflow instance; plain and serialisable with System.Text.Json.
/// Pinned to the definition id, version and file hash it started on.</summary>
public sealed class WorkflowInstanceState
{
    public Guid InstanceId { get; set; }

    public string DefinitionId { get; set; } = string.Empty;

    public int DefinitionVersion { get; set; }

    public string DefinitionSha256 { get; set; } = string.Empty;

    public WorkflowStatus Status { get; set; }

    public Dictionary<string, JsonElement> Variables { get; set; } = [];

    public List<Bookmark> Bookmarks { get; set; } = [];

    /// <summary>The workflow inputs given when it started (Elsa's workflow input).</summary>
    public Dictionary<string, JsonElement> Inputs { get; set; } = [];

    /// <summary>Durable timers waiting to fire.</summary>
    public List<TimerBookmark> Timers { get; set; } = [];

    /// <summary>Workflow outputs set by <c>Elsa.SetOutput</c> (and <c>Elsa.Complete</c>'s outcomes).</summary>
    public Dictionary<string, JsonElement> Outputs { get; set; } = [];

    /// <summary>For each join still waiting, the inbound connections that have arrived ("source:port").</summary>
    public Dictionary<string, List<string>> JoinArrivals { get; set; } = [];

    /// <summary>Why the instance faulted (<c>Elsa.Fault</c>), when <see cref="Status"/> is <see cref="WorkflowStatus.Faulted"/>.</summary>
    public string? Fault { get; set; }

    /// <summary>The instance name (<c>Elsa.SetName</c>) and correlation id (<c>Elsa.Correlate</c>), when set.</summary>
    public string? Name { get; set; }

    public string? CorrelationId { get; set; }

    /// <summary>A deep copy, so a run never mutates the caller's state.</summary>
    public WorkflowInstanceState Clone() => new()
    {
        InstanceId = InstanceId,
        DefinitionId = DefinitionId,
        DefinitionVersion = DefinitionVersion,
        DefinitionSha256 = DefinitionSha256,
        Status = Status,
        Variables = Variables.ToDictionary(kv => kv.Key, kv => kv.Value.Clone(), StringComparer.Ordinal),
        Bookmarks = [.. Bookmarks],
        Timers = [.. Timers],
        Inputs = Inputs.ToDictionary(kv => kv.Key, kv => kv.Value.Clone(), StringComparer.Ordinal),
        Outputs = Outputs.ToDictionary(kv => kv.Key, kv => kv.Value.Clone(), StringComparer.Ordinal),
        JoinArrivals = JoinArrivals.ToDictionary(kv => kv.Key, kv => kv.Value.ToList(), StringComparer.Ordinal),
        Fault = Fault,
        Name = Name,
        CorrelationId = CorrelationId,
    };
}

/// <summary>An answer to a human task, always carrying who gave it and in which role.</summary>
public sealed record ResumeInput(string ActorId, string ActorRole, string Answer, string? Rationale, string? InformalNotAppropriate);

/// <summary>An activity that ran, and the port it left by (the answer for a human task, <c>Done</c>, <c>True</c>…;
/// null for <c>Elsa.End</c>).</summary>
public sealed record ExecutedActivity(string ActivityId, string ActivityType, string? Port);

/// <summary>The new state and the activities executed, in execution order. On resume the answered human task
/// comes first. Human tasks that were reached but now wait appear only in <see cref="WorkflowInstanceState.Bookmarks"/>.</summary>
public sealed record RunResult(WorkflowInstanceState State, IReadOnlyList<ExecutedActivity> Executed)
{
    /// <summary>What <c>Elsa.WriteLine</c> wrote during this run, in order: the workflow's own output, never the decision log.</summary>
    public IReadOnlyList<string> Lines { get; init; } = [];
}
