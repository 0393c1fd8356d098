namespace JustCulture.Web.Api;

public sealed record RaiseConcernRequest(string SubjectStaffRef, string Summary, IReadOnlyList<string> Actions, string? Category, DateOnly? IncidentDate);

public sealed record ConcernCreated(Guid Id);

public sealed record CompleteTaskRequest(string Answer, string? Rationale, string? InformalNotAppropriate, int? ExpectedVersion);

public sealed record LogVerificationResponse(bool Intact, long EntriesChecked, long LastSequence, string? HeadHash, long? FirstBadSequence, string? Problem);

/// <summary>A page of the pseudonymised log for API clients: the entries, and the cursor for the next page (null on the last).</summary>
public sealed record AuditLogPage(IReadOnlyList<JustCulture.Application.Log.PseudonymisedLogEntry> Entries, long? NextAfter)
{
    public static AuditLogPage From(JustCulture.Application.Log.PseudonymisedLogPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new(page.Entries, page.NextAfter);
    }
}
