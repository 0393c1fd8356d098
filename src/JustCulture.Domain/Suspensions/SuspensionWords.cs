namespace JustCulture.Domain.Suspensions;

/// <summary>The words people read for the suspension enums.</summary>
public static class SuspensionWords
{
    public static string Kind(SuspensionKind kind) => kind switch
    {
        SuspensionKind.Suspension => "Suspension",
        SuspensionKind.Exclusion => "Exclusion",
        SuspensionKind.RestrictionOfDuties => "Restriction of duties",
        _ => kind.ToString(),
    };

    public static string Alternative(SuspensionAlternative alternative) => alternative switch
    {
        SuspensionAlternative.Redeployment => "Redeployment",
        SuspensionAlternative.Supervision => "Supervision",
        SuspensionAlternative.RestrictedDuties => "Restricted duties",
        SuspensionAlternative.Other => "Other",
        _ => alternative.ToString(),
    };

    public static string Status(SuspensionStatus status) => status switch
    {
        SuspensionStatus.AwaitingApproval => "Awaiting approval",
        SuspensionStatus.InForce => "In force",
        SuspensionStatus.Declined => "Not approved",
        SuspensionStatus.Ended => "Ended",
        _ => status.ToString(),
    };
}
