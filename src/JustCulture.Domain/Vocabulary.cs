using JustCulture.Domain.Concerns;
using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Staff;
using JustCulture.Domain.Users;

namespace JustCulture.Domain;

/// <summary>
/// The one table from the product's enums to the words people read. Pages, the CLI and messages use it,
/// so no enum name ("AwaitingReview", "CommissioningManager") reaches a person. The string overloads take
/// the stored or transported name and fall back to it unchanged when it is not known.
/// </summary>
public static class Vocabulary
{
    public static string Stage(ActionStage stage) => stage switch
    {
        ActionStage.Checklist => "Checklist to answer",
        ActionStage.AwaitingReview => "Awaiting review",
        ActionStage.InformalResolution => "Informal resolution",
        ActionStage.FormalInvestigation => "Formal investigation",
        ActionStage.Closed => "Closed",
        _ => stage.ToString(),
    };

    public static string Status(ConcernStatus status) => Stage(Enum.Parse<ActionStage>(status.ToString()));

    public static string Route(CaseRoute route) => route switch
    {
        CaseRoute.NoFurtherAction => "No further action",
        CaseRoute.Support => "Support",
        CaseRoute.SystemLearning => "System learning",
        CaseRoute.InformalResolution => "Informal resolution",
        CaseRoute.FormalInvestigation => "Formal investigation",
        _ => route.ToString(),
    };

    public static string Outcome(ChecklistOutcome outcome) => outcome switch
    {
        ChecklistOutcome.A => "A – deliberate harm",
        ChecklistOutcome.B => "B – substance abuse",
        ChecklistOutcome.C => "C – ill health",
        ChecklistOutcome.D => "D – system failure (protocols)",
        ChecklistOutcome.E => "E – system failure (substitution)",
        ChecklistOutcome.F => "F – significant mitigation",
        ChecklistOutcome.G => "G – no mitigation",
        _ => outcome.ToString(),
    };

    /// <summary>What an outcome suggests should happen next, in the just culture guide's terms.</summary>
    public static string OutcomeMeaning(ChecklistOutcome outcome) => outcome switch
    {
        ChecklistOutcome.A => "follow your organisation's guidance on deliberate harm; this may involve the regulator, the police, suspension or formal action",
        ChecklistOutcome.B => "follow the substance-misuse guidance, and ask whether it could have been spotted earlier",
        ChecklistOutcome.C => "follow the guidance on health affecting work, including a referral to occupational health",
        ChecklistOutcome.D or ChecklistOutcome.E => "action singling out the individual is unlikely to be appropriate; learning and system actions",
        ChecklistOutcome.F => "action against the individual may not be appropriate; take senior HR advice on the weight of the mitigation",
        ChecklistOutcome.G => "graduated management action may be warranted, from training and supervision up to formal procedures",
        _ => outcome.ToString(),
    };

    /// <summary>"D – system failure (protocols): action singling out the individual is unlikely to be appropriate; …".</summary>
    public static string OutcomeWithMeaning(ChecklistOutcome outcome) => $"{Outcome(outcome)}: {OutcomeMeaning(outcome)}";

    public static string Role(Role role) => role switch
    {
        Users.Role.LineManager => "line manager",
        Users.Role.CommissioningManager => "commissioning manager",
        Users.Role.Auditor => "auditor",
        Users.Role.Administrator => "administrator",
        _ => role.ToString(),
    };

    public static string Group(WresGroup group) => group switch
    {
        WresGroup.White => "White",
        WresGroup.Bme => "BME",
        WresGroup.NotStated => "Not stated",
        _ => group.ToString(),
    };

    public static string Conflict(ConflictOfInterest conflict) => conflict switch
    {
        ConflictOfInterest.None => "No conflict of interest",
        ConflictOfInterest.Declared => "Conflict of interest declared",
        _ => conflict.ToString(),
    };

    public static string Conflict(string? conflict) =>
        Enum.TryParse<ConflictOfInterest>(conflict, out var c) && Enum.IsDefined(c) ? Conflict(c) : conflict ?? string.Empty;

    public static string Field(StaffRecordField field) => field switch
    {
        StaffRecordField.Name => "Name",
        StaffRecordField.EthnicCode => "Ethnic code",
        StaffRecordField.Band => "Band",
        StaffRecordField.StaffGroup => "Staff group",
        StaffRecordField.Directorate => "Directorate",
        StaffRecordField.StartDate => "Start date",
        StaffRecordField.LineManager => "Line manager",
        _ => field.ToString(),
    };

    /// <summary>A decision-log event type (stored as its name, e.g. "ReviewDecided") in words.</summary>
    public static string Event(string? eventType) => eventType switch
    {
        "ConcernOpened" => "Concern raised",
        "ChecklistStarted" => "Checklist started",
        "QuestionAnswered" => "Checklist question answered",
        "OutcomeRecorded" => "Checklist outcome recorded",
        "ReviewDecided" => "Review decided",
        "InformalResolutionRecorded" => "Informal resolution recorded",
        "InformalResolutionPlanRecorded" => "Informal resolution plan recorded",
        "FormalInvestigationStarted" => "Formal investigation started",
        "SuspensionProposed" => "Suspension proposed",
        "SuspensionApproved" => "Suspension approved",
        "SuspensionDeclined" => "Suspension declined",
        "SuspensionContinuationProposed" => "Suspension continuation proposed",
        "SuspensionContinued" => "Suspension continued",
        "SuspensionEnded" => "Suspension ended",
        "WellbeingSupportRecorded" => "Wellbeing contact and support recorded",
        "WellbeingCheckInRecorded" => "Wellbeing check-in recorded",
        "AmbassadorInvited" => "Cultural ambassador invited",
        "AmbassadorObservationsRecorded" => "Cultural ambassador's observations recorded",
        "FairnessSurveyOffered" => "Fairness survey offered",

        // Case clocks (docs/domain/case-clocks.md).
        "StageDelayRecorded" => "Delay reason recorded",
        "InvestigationConcluded" => "Investigation concluded",
        "HearingHeld" => "Hearing held",
        "AppealLodged" => "Appeal lodged",
        "AppealDecided" => "Appeal decided",
        "FormalProcessClosed" => "Formal process closed",
        "TimerFired" => "Workflow timer fired",
        "WorkflowFinished" => "Action closed",
        "StaffImported" => "Staff file imported",
        "UserAdded" => "User added",
        "HistoryImported" => "Indicator-3 history imported",
        "CaseUnblinded" => "Case unblinded",
        "ConflictOfInterestDeclared" => "Conflict-of-interest declaration",
        "UserRoleChanged" => "User's role changed",
        "UserDeactivated" => "User deactivated",
        "UserReactivated" => "User reactivated",
        "UserPasswordReset" => "User's password reset",
        "PersonalDataErased" => "Personal data erased",
        "SubjectAccessExported" => "Subject access export made",
        _ => eventType ?? string.Empty,
    };

    public static string Route(CaseRoute? route) => route is { } r ? Route(r) : "Not decided";

    public static string Outcome(ChecklistOutcome? outcome) => outcome is { } o ? Outcome(o) : "Checklist not finished";

    public static string Stage(string? stage) => Enum.TryParse<ActionStage>(stage, out var s) && Enum.IsDefined(s) ? Stage(s) : stage ?? string.Empty;

    public static string Route(string? route) => route is null or "" ? "Not decided"
        : Enum.TryParse<CaseRoute>(route, out var r) && Enum.IsDefined(r) ? Route(r) : route;

    public static string Outcome(string? outcome) => outcome is null or "" ? "Checklist not finished"
        : Enum.TryParse<ChecklistOutcome>(outcome, out var o) && Enum.IsDefined(o) ? Outcome(o) : outcome;

    public static string Role(string? role) => Enum.TryParse<Role>(role, out var r) && Enum.IsDefined(r) ? Role(r) : role ?? string.Empty;

    public static string Group(string? group) => Enum.TryParse<WresGroup>(group, out var g) && Enum.IsDefined(g) ? Group(g) : group ?? string.Empty;

    /// <summary>Why a stage is past its target, in words (docs/domain/case-clocks.md).</summary>
    public static string DelayReason(StageDelayReason reason) => reason switch
    {
        StageDelayReason.AwaitingInformation => "Waiting for information or evidence",
        StageDelayReason.WitnessUnavailable => "A witness is unavailable",
        StageDelayReason.PersonConcernedUnavailable => "The person concerned is unavailable (leave or sickness)",
        StageDelayReason.RepresentativeUnavailable => "A representative or companion is unavailable",
        StageDelayReason.DecisionMakerUnavailable => "The decision-maker is unavailable",
        StageDelayReason.OccupationalHealthAdvice => "Waiting for occupational health advice",
        StageDelayReason.ExternalProcess => "An external process (police, regulator, coroner) comes first",
        StageDelayReason.CaseComplexity => "The case is complex",
        StageDelayReason.Other => "Other",
        _ => reason.ToString(),
    };
}
