namespace JustCulture.Persistence.DecisionLog;

/// <summary>
/// One append-only, hash-chained record of something that happened: who, in what role, when, which
/// question, which answer and why (docs/decisions/0003-hash-chained-decision-log.md). Rows are never updated or deleted; every report is
/// recomputed from them.
/// </summary>
public sealed class DecisionLogEntry
{
    public long Sequence { get; set; }
    public string EventType { get; set; } = string.Empty;
    public Guid? ConcernId { get; set; }
    public Guid? WorkflowInstanceId { get; set; }

    /// <summary>The person the case is about, by staff ref only (never a name), so indicator 3 can be
    /// recomputed from the log and a staff file alone.</summary>
    public string? SubjectStaffRef { get; set; }

    public string? DefinitionId { get; set; }
    public int? DefinitionVersion { get; set; }
    public string? ActivityId { get; set; }

    /// <summary>The question exactly as it was shown to the person answering.</summary>
    public string? Question { get; set; }

    public string? Answer { get; set; }
    public string? Rationale { get; set; }
    public string? InformalNotAppropriate { get; set; }
    public string ActorId { get; set; } = string.Empty;
    public string ActorRole { get; set; } = string.Empty;
    public DateTime OccurredAtUtc { get; set; }
    public string PreviousHash { get; set; } = string.Empty;
    public string Hash { get; set; } = string.Empty;
}
