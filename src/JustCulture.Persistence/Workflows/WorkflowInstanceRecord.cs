namespace JustCulture.Persistence.Workflows;

/// <summary>A stored workflow instance, pinned to the definition version and file hash it started on.</summary>
public sealed class WorkflowInstanceRecord
{
    public Guid Id { get; set; }

    /// <summary>The concern this instance belongs to (Elsa's correlation id).</summary>
    public Guid CorrelationId { get; set; }

    public string DefinitionId { get; set; } = string.Empty;
    public int DefinitionVersion { get; set; }
    public string DefinitionSha256 { get; set; } = string.Empty;
    public string Status { get; set; } = string.Empty;
    public string VariablesJson { get; set; } = "{}";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }

    /// <summary>Optimistic concurrency token, bumped on every resume.</summary>
    public int Version { get; set; }

    public List<BookmarkRecord> Bookmarks { get; } = [];

    /// <summary>For each join still waiting, the inbound connections that have arrived: kept so a join waits across
    /// steps (a human task on one branch, a timer on another).</summary>
    public string JoinArrivalsJson { get; set; } = "{}";

    public List<WorkflowTimerRecord> Timers { get; } = [];
}

/// <summary>A human task waiting for an answer: stored as an indexed row so inboxes are a simple query.</summary>
public sealed class BookmarkRecord
{
    public Guid Id { get; set; }
    public Guid WorkflowInstanceId { get; set; }
    public Guid CorrelationId { get; set; }
    public string ActivityId { get; set; } = string.Empty;
    public string Role { get; set; } = string.Empty;
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Set when the task is done. Completed tasks are kept so a second attempt can be told
    /// who completed it and when, instead of "not found".</summary>
    public DateTime? CompletedAtUtc { get; set; }

    public string? CompletedBy { get; set; }
}

/// <summary>
/// A durable timer set by <c>Elsa.Delay</c>, <c>Elsa.Timer</c> or <c>Elsa.Cron</c> (docs/domain/workflow-runtime.md,
/// "Durable timers"): a row of its own, so due timers are one indexed query and survive a restart. A node claims a due
/// timer with a lease before it fires it; firing stamps <see cref="FiredAtUtc"/> in the step's own transaction, and the
/// instance's version check makes a second firing of the same timer fail.
/// </summary>
public sealed class WorkflowTimerRecord
{
    public Guid Id { get; set; }
    public Guid WorkflowInstanceId { get; set; }

    /// <summary>The concern the instance belongs to.</summary>
    public Guid CorrelationId { get; set; }

    public string ActivityId { get; set; } = string.Empty;
    public DateTime DueAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Set when the timer fired (or was dropped because its instance ended): never picked up again.</summary>
    public DateTime? FiredAtUtc { get; set; }

    /// <summary>The node that holds the timer until <see cref="LeasedUntilUtc"/>; another node may take it after that.</summary>
    public string? LeasedBy { get; set; }

    public DateTime? LeasedUntilUtc { get; set; }

    /// <summary>Failed firings so far; each failure pushes the next attempt back.</summary>
    public int Attempts { get; set; }

    /// <summary>Why the last firing failed (no names, no free text: the runtime's own message).</summary>
    public string? LastError { get; set; }
}
