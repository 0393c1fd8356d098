namespace JustCulture.Persistence.Checklist;

/// <summary>
/// A line manager's answers in progress to one action's checklist, kept so they can sign out and carry on
/// later. It is not a decision: nothing here goes into the decision log or any report, and it is deleted
/// when the checklist is submitted. One row per action (workflow instance) and user; only its owner reads it.
/// </summary>
public sealed class ChecklistDraftRecord
{
    /// <summary>The longest answers document stored, in characters; a draft holds short ids and answers only.</summary>
    public const int MaxAnswersLength = 4000;

    public Guid WorkflowInstanceId { get; set; }

    /// <summary>The owner: the only user who may read, change or discard it.</summary>
    public string UserId { get; set; } = string.Empty;

    /// <summary>The definition the answers were given against, so a draft from another version is recognised.</summary>
    public string DefinitionId { get; set; } = string.Empty;
    public int DefinitionVersion { get; set; }
    public string DefinitionSha256 { get; set; } = string.Empty;

    /// <summary>Answers keyed by question activity id, as a JSON object.</summary>
    public string AnswersJson { get; set; } = "{}";

    /// <summary>The question last shown (e.g. after going back), so a resumed walk opens there; null means the next unanswered one.</summary>
    public string? CurrentQuestion { get; set; }

    public DateTime SavedAtUtc { get; set; }
}
