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
