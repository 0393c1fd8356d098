using JustCulture.Application.Cases;
using JustCulture.Application.Common;
using JustCulture.Domain;
using JustCulture.Domain.Concerns;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Clocks;

/// <param name="Details">A few words on the delay (required): sealed in the log, never shown to an auditor.</param>
/// <param name="ExpectedVersion">The action version the form was built from; a newer one is refused as stale.</param>
public sealed record RecordStageDelayCommand(Guid ConcernId, int ActionOrdinal, string UserId, StageDelayReason? Reason, string? Details, int? ExpectedVersion = null);

public sealed record StageDelayRecorded(Guid ConcernId, int ActionOrdinal, ActionStage Stage, StageDelayReason Reason, DateOnly DueOn, int Version);

/// <summary>
/// Records why an action's stage is past its working-day target (docs/domain/case-clocks.md): a case step
/// (docs/decisions/0006-one-case-step.md) — the case locked, the same access policy as the stage's own work (the
/// raiser for the checklist, an independent commissioning manager after it), one log entry in the same transaction.
/// </summary>
public sealed class RecordStageDelayHandler(JustCultureDbContext db, CaseStep step, StageClockReader clocks)
{
    public const string Question = "Why is this stage past its target?";

    /// <summary>Longest explanation stored.</summary>
    public const int MaxDetailsLength = 1000;

    public async Task<StageDelayRecorded> HandleAsync(RecordStageDelayCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var problems = new List<FieldProblem>();
        if (command.Reason is not { } reason || !Enum.IsDefined(reason))
        {
            problems.Add(new(nameof(command.Reason), "Choose why the stage is delayed."));
            reason = StageDelayReason.Other;
        }

        InputRules.Text(problems, nameof(command.Details), command.Details, "a few words on the delay", MaxDetailsLength, required: true, multiline: true);
        InputRules.ThrowIfAny(problems);

        // Whose work the stage is decides who may explain its delay; it is checked again inside the lock.
        var stageBefore = await db.ConcernActions.AsNoTracking()
            .Where(a => a.ConcernId == command.ConcernId && a.Ordinal == command.ActionOrdinal)
            .Select(a => (ActionStage?)a.Stage).SingleOrDefaultAsync(cancellationToken);
        var access = stageBefore == ActionStage.Checklist ? CaseAccess.AnswerChecklist : CaseAccess.Review;
        return await step.RunAsync(
            new CaseStepRequest(CaseTarget.Action(command.ConcernId, command.ActionOrdinal), command.UserId, access, command.ExpectedVersion),
            async (onCase, ct) =>
            {
                var action = onCase.Action!;
                if (action.Stage != stageBefore)
                {
                    throw UseCaseException.Conflict("This action has moved to another stage meanwhile. Reload the page to see where it is.");
                }

                if (action.Stage == ActionStage.Closed)
                {
                    throw UseCaseException.Conflict("This action is closed: its clock has stopped.");
                }

                var stageClock = await clocks.ForActionAsync(command.ConcernId, command.ActionOrdinal, ct)
                    ?? throw UseCaseException.RuleViolated($"{Vocabulary.Stage(action.Stage)} has no target time, so it cannot be late.", nameof(command.Reason));
                if (!stageClock.Due.IsOverdue)
                {
                    throw UseCaseException.RuleViolated(
                        $"This stage is not past its target: it is {stageClock.Due.Words}. A delay reason is recorded only once it is overdue.", nameof(command.Reason));
                }

                if (stageClock.Delay is not null)
                {
                    throw UseCaseException.Conflict("A delay reason is already recorded for this stage.");
                }

                onCase.Log(LogEventTypes.StageDelayRecorded, Question, StageDelayAnswer.Format(action.Stage, reason), command.Details!.Trim());
                return new StageDelayRecorded(command.ConcernId, command.ActionOrdinal, action.Stage, reason, stageClock.Due.DueOn, action.Version + 1);
            },
            cancellationToken);
    }
}
