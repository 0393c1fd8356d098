using JustCulture.Persistence.DecisionLog;

namespace JustCulture.Application.Log;

/// <summary>
/// What of a decision-log entry an auditor is shown, in one place for the log page and the API: fixed
/// choices and the definition's own question texts, never free text (rationales, agreed actions, summaries),
/// names, user ids or counts of people.
/// </summary>
public static class AuditorView
{
    /// <summary>A suspension's entries: the kind or the review date as the answer, fixed text as the question; the
    /// reasons and alternatives are sealed and never shown.</summary>
    private static readonly string[] SuspensionEvents =
    [
        LogEventTypes.SuspensionProposed, LogEventTypes.SuspensionApproved, LogEventTypes.SuspensionDeclined,
        LogEventTypes.SuspensionContinuationProposed, LogEventTypes.SuspensionContinued, LogEventTypes.SuspensionEnded,
        // Wellbeing, ambassador and survey steps: their answers are fixed words and dates, their questions fixed text;
        // names, observations and notes are sealed in the rationale and never shown.
        LogEventTypes.WellbeingSupportRecorded, LogEventTypes.WellbeingCheckInRecorded,
        LogEventTypes.AmbassadorInvited, LogEventTypes.AmbassadorObservationsRecorded, LogEventTypes.FairnessSurveyOffered,
    ];

    /// <summary>The formal process's entries: the finding or outcome and its date as the answer, fixed text as the
    /// question; the hearing panel and any "other" outcome are sealed and never shown.</summary>
    private static readonly string[] FormalProcessEvents =
    [
        LogEventTypes.InvestigationConcluded, LogEventTypes.HearingHeld, LogEventTypes.AppealLodged, LogEventTypes.AppealDecided, LogEventTypes.FormalProcessClosed,
    ];

    private static readonly HashSet<string> EventsWithChoiceAnswers = new(SuspensionEvents.Concat(FormalProcessEvents), StringComparer.Ordinal)
    {
        LogEventTypes.ConcernOpened,
        LogEventTypes.QuestionAnswered,
        LogEventTypes.OutcomeRecorded,
        LogEventTypes.ReviewDecided,
        LogEventTypes.InformalResolutionRecorded,
        LogEventTypes.WorkflowFinished,
        LogEventTypes.UserAdded,
        LogEventTypes.ConflictOfInterestDeclared,
        LogEventTypes.UserRoleChanged,
        // The stage and the fixed delay reason; the explanation is sealed in the rationale.
        LogEventTypes.StageDelayRecorded,
    };

    /// <summary>Events whose question is text from the workflow definition or the product's own fixed text
    /// (a "User x added" question names a user).</summary>
    private static readonly HashSet<string> EventsWithDefinitionQuestions = new(SuspensionEvents.Concat(FormalProcessEvents), StringComparer.Ordinal)
    {
        LogEventTypes.QuestionAnswered,
        LogEventTypes.OutcomeRecorded,
        LogEventTypes.ReviewDecided,
        LogEventTypes.InformalResolutionRecorded,
        LogEventTypes.ConflictOfInterestDeclared,
        LogEventTypes.StageDelayRecorded,
    };

    public static string? Answer(string eventType, string? answer) => EventsWithChoiceAnswers.Contains(eventType) ? answer : null;

    public static string? Question(string eventType, string? question) => EventsWithDefinitionQuestions.Contains(eventType) ? question : null;
}
