using JustCulture.Domain.Concerns;
using JustCulture.Domain.Ethnicity;
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
        "WorkflowFinished" => "Action closed",
        "StaffImported" => "Staff file imported",
        "UserAdded" => "User added",
        "HistoryImported" => "Indicator-3 history imported",
        "CaseUnblinded" => "Case unblinded",
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
}
