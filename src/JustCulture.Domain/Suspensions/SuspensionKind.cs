using System.Text.Json.Serialization;

namespace JustCulture.Domain.Suspensions;

/// <summary>What is done to the person while a case is looked into (docs/domain/process-safeguards.md, "Suspension").</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SuspensionKind>))]
public enum SuspensionKind
{
    /// <summary>Sent home from work, on full pay.</summary>
    Suspension,
    /// <summary>The medical and dental staff word for the same (Maintaining High Professional Standards).</summary>
    Exclusion,
    /// <summary>At work, with some duties taken away.</summary>
    RestrictionOfDuties,
}

/// <summary>The less restrictive measures a proposal must weigh before taking someone away from their work.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SuspensionAlternative>))]
public enum SuspensionAlternative
{
    Redeployment,
    Supervision,
    RestrictedDuties,
    Other,
}

[JsonConverter(typeof(JsonStringEnumConverter<SuspensionStatus>))]
public enum SuspensionStatus
{
    /// <summary>Proposed, waiting for an independent senior approver: it has no effect yet.</summary>
    AwaitingApproval,
    /// <summary>Approved and in force until ended; reviewed by its review date.</summary>
    InForce,
    /// <summary>The approver would not approve the proposal; it never took effect.</summary>
    Declined,
    /// <summary>Lifted (or withdrawn before approval, or not approved to continue at a review).</summary>
    Ended,
}
