namespace JustCulture.Persistence.DecisionLog;

/// <summary>Names of decision-log events. Stored as text and hashed: never rename one.</summary>
public static class LogEventTypes
{
    public const string ConcernOpened = "ConcernOpened";
    public const string ChecklistStarted = "ChecklistStarted";
    public const string QuestionAnswered = "QuestionAnswered";
    public const string OutcomeRecorded = "OutcomeRecorded";
    public const string ReviewDecided = "ReviewDecided";
    public const string InformalResolutionRecorded = "InformalResolutionRecorded";
    public const string FormalInvestigationStarted = "FormalInvestigationStarted";
    public const string WorkflowFinished = "WorkflowFinished";
    public const string StaffImported = "StaffImported";
    public const string UserAdded = "UserAdded";
    public const string HistoryImported = "HistoryImported";
    public const string CaseUnblinded = "CaseUnblinded";
    public const string InformalResolutionPlanRecorded = "InformalResolutionPlanRecorded";
    public const string ConflictOfInterestDeclared = "ConflictOfInterestDeclared";
    public const string UserRoleChanged = "UserRoleChanged";
    public const string UserDeactivated = "UserDeactivated";
    public const string UserReactivated = "UserReactivated";
    public const string UserPasswordReset = "UserPasswordReset";

    /// <summary>A case's personal data was erased at the end of its retention period (its data key destroyed). Never sealed.</summary>
    public const string PersonalDataErased = "PersonalDataErased";

    /// <summary>A subject access export was made; carries no concern, staff ref or free text.</summary>
    public const string SubjectAccessExported = "SubjectAccessExported";

    // Suspension, exclusion or restriction of duties (docs/domain/process-safeguards.md, "Suspension"). The answer
    // is the kind and the review date; reasons and alternatives are sealed in the rationale.
    public const string SuspensionProposed = "SuspensionProposed";
    public const string SuspensionApproved = "SuspensionApproved";
    /// <summary>The approver would not approve a proposal (it never takes effect) or a continuation (it ends).</summary>
    public const string SuspensionDeclined = "SuspensionDeclined";
    public const string SuspensionContinuationProposed = "SuspensionContinuationProposed";
    public const string SuspensionContinued = "SuspensionContinued";
    public const string SuspensionEnded = "SuspensionEnded";

    // Wellbeing (docs/domain/process-safeguards.md, "Wellbeing"). The answer is the kinds of support offered or the
    // check-in's dates; the contact's name, who held a check-in and every note are sealed in the rationale.
    public const string WellbeingSupportRecorded = "WellbeingSupportRecorded";
    public const string WellbeingCheckInRecorded = "WellbeingCheckInRecorded";

    // Cultural ambassador (docs/domain/process-safeguards.md, "Cultural ambassador"). The answer is fixed text; the
    // ambassador's name and their observations are sealed in the rationale.
    public const string AmbassadorInvited = "AmbassadorInvited";
    public const string AmbassadorObservationsRecorded = "AmbassadorObservationsRecorded";

    /// <summary>The fairness survey's one-time link was offered on a closed case. The answers are never logged: they name no case.</summary>
    public const string FairnessSurveyOffered = "FairnessSurveyOffered";

    /// <summary>Why an action's stage is past its working-day target (docs/domain/case-clocks.md). The answer is the
    /// stage and the fixed reason; the explanation is sealed in the rationale.</summary>
    public const string StageDelayRecorded = "StageDelayRecorded";
    // The formal process after a formal investigation started (docs/domain/formal-process.md). The answer is the fixed
    // choice first, then the date ("NoCaseToAnswer; 2026-05-01"); the hearing panel and any other outcome are sealed.
    public const string InvestigationConcluded = "InvestigationConcluded";
    public const string HearingHeld = "HearingHeld";
    public const string AppealLodged = "AppealLodged";
    public const string AppealDecided = "AppealDecided";

    /// <summary>The formal process on an action ended (no case to answer, a hearing not appealed, or an appeal decided) and the action closed.</summary>
    public const string FormalProcessClosed = "FormalProcessClosed";

    /// <summary>A workflow's durable timer (<c>Elsa.Delay</c>, <c>Elsa.Timer</c>, <c>Elsa.Cron</c>) fired and the instance ran on
    /// (docs/domain/workflow-runtime.md, "Durable timers"). The question is the timer activity; the actor is the timer service.</summary>
    public const string TimerFired = "TimerFired";
}
