namespace JustCulture.Domain.Concerns;

/// <summary>A concern's overall status: the least advanced stage of its actions, except that any
/// formal investigation shows, because that is what the person concerned is facing.</summary>
public enum ConcernStatus
{
    Checklist,
    AwaitingReview,
    InformalResolution,
    FormalInvestigation,
    Closed,
}
