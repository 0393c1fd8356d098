namespace JustCulture.Application.SubjectAccess;

/// <summary>
/// Everything the product holds about one member of staff as the subject of concerns, in words a person reads:
/// their staff record as held and every case about them — each action, the checklist answers, outcomes, review
/// decisions with their rationale, informal resolution and formal investigation — with the roles of the people who
/// decided, never their user ids. An erased case appears only as the date it was erased.
/// </summary>
public sealed record SubjectAccessDocument(string StaffRef, DateTime ProducedAtUtc, SubjectStaffRecord? StaffRecord, IReadOnlyList<SubjectAccessCase> Cases);

/// <summary>The staff record as held (the workforce file's copy).</summary>
/// <param name="Ethnicity">As recorded: the code and its description, e.g. "A: White - British".</param>
/// <param name="WresGroup">In words, e.g. "White".</param>
public sealed record SubjectStaffRecord(string Name, string Ethnicity, string WresGroup, string Band, string StaffGroup, string Directorate, DateOnly StartDate);

/// <param name="ErasedAtUtc">Set for an erased case, whose other fields are then empty.</param>
public sealed record SubjectAccessCase(string Reference, DateTime? ErasedAtUtc, DateTime? OpenedAtUtc, string? Category, DateOnly? IncidentDate, string? Summary,
    string? Status, IReadOnlyList<SubjectAccessAction> Actions, IReadOnlyList<SubjectAccessDecision> Decisions);

public sealed record SubjectAccessAction(int Ordinal, string Description, string Stage, string Outcome, string Route, string? InformalAgreedActions,
    DateOnly? InformalReviewDate, DateTime? FormalInvestigationStartedAtUtc);

/// <summary>One decision-log entry of the case.</summary>
/// <param name="ActionOrdinal">The action it was about, when it was about one.</param>
/// <param name="DecidedBy">The role of the person who decided, in words.</param>
public sealed record SubjectAccessDecision(DateTime OccurredAtUtc, string What, int? ActionOrdinal, string? Question, string? Answer, string? Rationale,
    string? InformalNotAppropriate, string DecidedBy);
