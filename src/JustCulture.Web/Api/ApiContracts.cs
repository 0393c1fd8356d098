namespace JustCulture.Web.Api;

public sealed record RaiseConcernRequest(string SubjectStaffRef, string Summary, IReadOnlyList<string> Actions, string? Category, DateOnly? IncidentDate);

/// <param name="TaskIds">The new concern's first tasks (one checklist question per action), so a client can go straight on.</param>
public sealed record ConcernCreated(Guid Id, IReadOnlyList<Guid> TaskIds);

/// <param name="ConflictOfInterest">Required with a review decision ("None" or "Declared"); absent for a checklist answer.</param>
/// <param name="ConflictDetails">With "Declared": the conflict and how it is mitigated.</param>
public sealed record CompleteTaskRequest(string Answer, string? Rationale, string? InformalNotAppropriate, int? ExpectedVersion,
    JustCulture.Domain.Concerns.ConflictOfInterest? ConflictOfInterest = null, string? ConflictDetails = null);

/// <param name="Root">The tree's root (hex) when intact.</param>
/// <param name="Waiting">Sealed entries committed but not yet integrated into the tree (normally for about a second).</param>
/// <param name="Checkpoint">The newest signed checkpoint the log agrees with, as its signed note.</param>
/// <param name="FirstBadEntryId">For an entry not yet in the tree, its id.</param>
/// <param name="BadCheckpoint">The checkpoint file the log contradicts, when that is the finding.</param>
public sealed record LogVerificationResponse(bool Intact, long EntriesChecked, int Waiting, string? Root, string? Checkpoint, int CheckpointsChecked,
    long? FirstBadSequence, long? FirstBadEntryId, string? BadCheckpoint, string? Problem);

/// <summary>A page of the pseudonymised log for API clients: the entries, and the cursor for the next page (null on the last).</summary>
public sealed record AuditLogPage(IReadOnlyList<JustCulture.Application.Log.PseudonymisedLogEntry> Entries, long? NextAfter)
{
    public static AuditLogPage From(JustCulture.Application.Log.PseudonymisedLogPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new(page.Entries, page.NextAfter);
    }
}
