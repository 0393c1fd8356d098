namespace JustCulture.Web.Api;

public sealed record RaiseConcernRequest(string SubjectStaffRef, string Summary, IReadOnlyList<string> Actions, string? Category, DateOnly? IncidentDate);

public sealed record ConcernCreated(Guid Id);

public sealed record CompleteTaskRequest(string Answer, string? Rationale, string? InformalNotAppropriate, int? ExpectedVersion);

public sealed record LogVerificationResponse(bool Intact, long EntriesChecked, long LastSequence, string? HeadHash, long? FirstBadSequence, string? Problem);
