using JustCulture.Domain.Concerns;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Workflows;

namespace JustCulture.Application.Common;

/// <summary>Who did something, as the decision log records them.</summary>
public sealed record Actor(string UserId, string Role);

/// <summary>An answer given to a human task, carried onto its log entry.</summary>
internal sealed record GivenAnswer(string Answer, string? Rationale, string? InformalNotAppropriate);

/// <summary>
/// Turns what the workflow runtime executed into domain transitions on the concern's action and into
/// decision-log entries. Kept in one place so the log and the case state cannot disagree.
/// </summary>
internal static class TriageStepRecorder
{
    public static List<DecisionLogEntry> Record(
        Concern concern,
        ConcernAction action,
        WorkflowDefinition definition,
        RunResult run,
        Actor actor,
        GivenAnswer? answer,
        DateTime nowUtc)
    {
        var entries = new List<DecisionLogEntry>();
        for (var index = 0; index < run.Executed.Count; index++)
        {
            var executed = run.Executed[index];
            var activity = definition.GetActivity(executed.ActivityId);
            // On a resume the answered task comes first; a human task reached later only blocks.
            var given = index == 0 ? answer : null;
            switch (activity)
            {
                case ChecklistQuestionActivity question when given is not null:
                    entries.Add(Entry(LogEventTypes.QuestionAnswered, question.Question, given.Answer, given.Rationale, null));
                    break;
                case CommissioningReviewActivity review when given is not null:
                    action.ChooseRoute(Enum.Parse<CaseRoute>(given.Answer));
                    entries.Add(Entry(LogEventTypes.ReviewDecided, review.Question, given.Answer, given.Rationale, given.InformalNotAppropriate));
                    break;
                case InformalResolutionActivity informal when given is not null:
                    action.RecordInformalResolution(string.Equals(given.Answer, "Resolved", StringComparison.Ordinal));
                    entries.Add(Entry(LogEventTypes.InformalResolutionRecorded, informal.Question, given.Answer, given.Rationale, null));
                    break;
                case RecordOutcomeActivity outcome:
                    action.RecordOutcome(Enum.Parse<ChecklistOutcome>(outcome.Outcome));
                    entries.Add(Entry(LogEventTypes.OutcomeRecorded, outcome.Title, outcome.Outcome, null, null));
                    break;
                case StartFormalInvestigationActivity:
                    action.StartFormalInvestigation(nowUtc);
                    entries.Add(Entry(LogEventTypes.FormalInvestigationStarted, "Formal investigation started", null, null, null));
                    break;
                case TimerActivity timer:
                    // Only a fired timer is ever executed (one that is reached waits), so this is the run's first activity.
                    entries.Add(Entry(LogEventTypes.TimerFired, timer.Name ?? timer.Id, WorkflowPorts.Done, null, null));
                    break;
                case EndActivity:
                    entries.Add(Entry(LogEventTypes.WorkflowFinished, null, action.Route?.ToString(), null, null));
                    break;
                default:
                    // Start and flow decisions are mechanics, not decisions: nothing to record.
                    break;
            }

            DecisionLogEntry Entry(string eventType, string? questionText, string? answerText, string? rationale, string? statement) => new()
            {
                EventType = eventType,
                ConcernId = concern.Id,
                WorkflowInstanceId = action.WorkflowInstanceId,
                SubjectStaffRef = concern.SubjectStaffRef,
                DefinitionId = definition.DefinitionId,
                DefinitionVersion = definition.Version,
                ActivityId = executed.ActivityId,
                Question = questionText,
                Answer = answerText,
                Rationale = rationale,
                InformalNotAppropriate = statement,
                ActorId = actor.UserId,
                ActorRole = actor.Role,
                OccurredAtUtc = nowUtc,
            };
        }

        return entries;
    }
}
