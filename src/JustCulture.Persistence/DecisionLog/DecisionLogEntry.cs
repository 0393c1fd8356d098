namespace JustCulture.Persistence.DecisionLog;

/// <summary>
/// One append-only record of something that happened: who, in what role, when, which question, which answer
/// and why (docs/decisions/0008-a-log-no-insider-can-rewrite.md). Written in the step's own transaction with a
/// seal only the application can make; a sequencer later gives it its place in the Merkle tree
/// (<see cref="DecisionLogLeaf"/>). Rows are never updated or deleted; every report is recomputed from them.
/// The bytes that are hashed and sealed are defined in docs/log-format.md §1.
/// </summary>
public sealed class DecisionLogEntry
{
    /// <summary>Given by the application (<see cref="DecisionLogWriter"/>): unique, rising in the order entries are
    /// written, and sealed with the entry, so a copied row cannot reuse another's seal.</summary>
    public long EntryId { get; set; }

    /// <summary>
    /// How the entry's leaf data is built (docs/log-format.md §1.1, §1.4): 1 for entries written before
    /// personal fields were sealed, 2 for every entry written since. It is the leaf data's first byte, so it is
    /// hashed and sealed with the rest.
    /// </summary>
    public int LeafVersion { get; set; } = LeafEncoding.ClearFieldsVersion;

    public string EventType { get; set; } = string.Empty;
    public Guid? ConcernId { get; set; }
    public Guid? WorkflowInstanceId { get; set; }

    /// <summary>The person the case is about, by staff ref only (never a name), so indicator 3 can be
    /// recomputed from the log and a staff file alone. In version 2 case entries this and
    /// <see cref="Rationale"/> and <see cref="InformalNotAppropriate"/> hold the sealed text
    /// (<see cref="PersonalData.CaseDataKeyring.Open"/> gives the plaintext).</summary>
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

    /// <summary>HMAC of the entry's leaf data under a key derived from the log's signing key (hex). Null only
    /// for entries written before the log was signed, adopted once by the first checkpoint.</summary>
    public string? Seal { get; set; }
}

/// <summary>An entry's place in the Merkle tree: its sequence (leaf index + 1) and leaf hash (hex).</summary>
public sealed class DecisionLogLeaf
{
    public long Sequence { get; set; }
    public long EntryId { get; set; }
    public string LeafHash { get; set; } = string.Empty;
    public DateTime IntegratedAtUtc { get; set; }
}

/// <summary>The tree's size and root after each batch the sequencer integrated (root in hex).</summary>
public sealed class DecisionLogTreeHead
{
    public long TreeSize { get; set; }
    public string RootHash { get; set; } = string.Empty;
    public DateTime IntegratedAtUtc { get; set; }
}

/// <summary>
/// An entry waiting for the sequencer. The database itself queues every entry inserted (a trigger), in insert
/// order, so no writer has to — and no entry can be written without being queued.
/// </summary>
public sealed class DecisionLogQueueItem
{
    public long Position { get; set; }
    public long EntryId { get; set; }
}
