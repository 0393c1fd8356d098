namespace JustCulture.Domain.Concerns;

/// <summary>Where one action of a concern is in the triage process.</summary>
public enum ActionStage
{
    Checklist,
    AwaitingReview,
    InformalResolution,
    FormalInvestigation,
    Closed,
}
