using JustCulture.Domain.Concerns;
using JustCulture.Application.Cases;
using JustCulture.Application.Common;
using JustCulture.Persistence;
using JustCulture.Workflows;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Checklist;

/// <param name="Answers">One answer per question on the path, keyed by the question's activity id.</param>
/// <param name="ExpectedVersion">The action version the check-your-answers page was built from; a newer
/// version means the action has moved on and nothing is recorded.</param>
public sealed record SubmitChecklistCommand(Guid ConcernId, int ActionOrdinal, string UserId, IReadOnlyDictionary<string, string> Answers, int? ExpectedVersion);

public sealed record SubmitChecklistResult(Guid ConcernId, int ActionOrdinal, string Outcome, int ActionVersion, ConcernStatus ConcernStatus);

/// <summary>
/// Records a whole checklist walk for one action at once, after the line manager has checked their answers:
/// every answer is validated against the definition the case is pinned to, and each question is recorded
/// through the case step exactly as a one-question answer would be — all of it or none of it. The line
/// manager's draft of these answers is deleted in the same transaction, so it goes only if the submit is stored.
/// </summary>
public sealed class SubmitChecklistHandler(CaseStep step, WorkflowRunner runner, JustCultureDbContext db)
{
    public async Task<SubmitChecklistResult> HandleAsync(SubmitChecklistCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command.Answers is null || command.Answers.Count == 0)
        {
            throw UseCaseException.Invalid(nameof(command.Answers), "Answer the checklist questions before submitting.");
        }

        string? outcome = null;
        return await step.RunAsync(
            new CaseStepRequest(CaseTarget.Action(command.ConcernId, command.ActionOrdinal), command.UserId, CaseAccess.AnswerChecklist, command.ExpectedVersion),
            onCase =>
            {
                outcome = RecordWalk(onCase, runner, command);
                // A submitted checklist can have no draft left. This runs inside the step's open transaction,
                // so a submit that fails later rolls the delete back too.
                var instanceId = onCase.Action!.WorkflowInstanceId;
                db.ChecklistDrafts.Where(d => d.WorkflowInstanceId == instanceId).ExecuteDelete();
            },
            onCase => new SubmitChecklistResult(onCase.Concern.Id, command.ActionOrdinal, outcome!, onCase.Action!.Version, onCase.Concern.Status),
            cancellationToken);
    }

    /// <summary>Inside the case step: validates the whole walk and records each question as a one-question answer
    /// would be; returns the outcome reached. Bulk seeding of historical cases records its checklists through it too.</summary>
    internal static string RecordWalk(CaseStepContext onCase, WorkflowRunner runner, SubmitChecklistCommand command)
    {
        ChecklistWalk.EnsureOpen(onCase.Action!);
        var actor = new Actor(onCase.Actor.UserId, onCase.Actor.Role.ToString());
        var walk = ChecklistWalk.Run(runner, onCase.Definition!, onCase.State, command.Answers, actor, onCase.NowUtc, strict: true);
        if (walk.Next is { } unanswered)
        {
            throw UseCaseException.Invalid(nameof(command.Answers), $"Question {unanswered.QuestionId} has no answer: the checklist for action {command.ActionOrdinal} is not finished.");
        }

        var outcome = walk.Outcome?.Outcome
            ?? throw UseCaseException.RuleViolated($"These answers do not reach a checklist outcome in {onCase.Definition!.DefinitionId} v{onCase.Definition.Version}.");
        foreach (var answered in walk.Steps)
        {
            onCase.Record(answered.Run, new GivenAnswer(answered.Answer, null, null));
        }

        return outcome;
    }
}
