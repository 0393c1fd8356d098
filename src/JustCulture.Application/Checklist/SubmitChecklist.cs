using JustCulture.Application.Common;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Workflows;

namespace JustCulture.Application.Checklist;

/// <param name="Answers">One answer per question on the path, keyed by the question's activity id.</param>
/// <param name="ExpectedVersion">The concern version the check-your-answers page was built from; a newer
/// version means the case has moved on and nothing is recorded.</param>
public sealed record SubmitChecklistCommand(Guid ConcernId, int ActionOrdinal, string UserId, IReadOnlyDictionary<string, string> Answers, int? ExpectedVersion);

public sealed record SubmitChecklistResult(Guid ConcernId, int ActionOrdinal, string Outcome, int ConcernVersion, string ConcernStatus);

/// <summary>
/// Records a whole checklist walk for one action at once, after the line manager has checked their answers:
/// every answer is validated against the definition the case is pinned to, and every question's log entry,
/// the outcome and the new workflow state are stored in one transaction — all of it or none of it.
/// </summary>
public sealed class SubmitChecklistHandler(JustCultureDbContext db, TriageWorkflow triage, WorkflowRunner runner, TimeProvider clock)
{
    public async Task<SubmitChecklistResult> HandleAsync(SubmitChecklistCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Answers is null || command.Answers.Count == 0)
        {
            throw UseCaseException.Invalid("Answer the checklist questions before submitting.");
        }

        return await StepTransaction.RunAsync(db, async ct =>
        {
            var loaded = await ChecklistWalk.LoadAsync(db, triage, command.ConcernId, command.ActionOrdinal, command.UserId, tracking: true, ct);
            if (command.ExpectedVersion is { } expected && expected != loaded.Concern.Version)
            {
                throw UseCaseException.Conflict($"This case has moved on (version {loaded.Concern.Version}, your page showed version {expected}). Reload it to see what changed.");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var walk = ChecklistWalk.Run(runner, loaded.Definition, WorkflowInstanceMapping.ToState(loaded.Instance), command.Answers, loaded.Actor, now, strict: true);
            if (walk.Next is { } unanswered)
            {
                throw UseCaseException.Invalid($"Question {unanswered.QuestionId} has no answer: the checklist for action {command.ActionOrdinal} is not finished.");
            }

            if (walk.Outcome is null)
            {
                throw UseCaseException.RuleViolated($"These answers do not reach a checklist outcome in {loaded.Definition.DefinitionId} v{loaded.Definition.Version}.");
            }

            var entries = new List<DecisionLogEntry>();
            foreach (var step in walk.Steps)
            {
                entries.AddRange(TriageStepRecorder.Record(loaded.Concern, loaded.Action, loaded.Definition, step.Run, loaded.Actor,
                    new GivenAnswer(step.Answer, null, null), now));
                // Each intermediate state is applied in turn so every question's bookmark row is kept, completed
                // by the line manager, exactly as if the questions had been answered one request at a time.
                WorkflowInstanceMapping.Apply(loaded.Instance, step.Run.State, now, loaded.User.UserId);
            }

            await DecisionLogStore.AppendAsync(db, entries, ct);
            return new SubmitChecklistResult(loaded.Concern.Id, loaded.Action.Ordinal, walk.Outcome.Outcome, loaded.Concern.Version, loaded.Concern.Status.ToString());
        }, cancellationToken);
    }
}
