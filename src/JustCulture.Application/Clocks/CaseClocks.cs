using JustCulture.Application.Cases;
using JustCulture.Application.Common;
using JustCulture.Domain.Concerns;

namespace JustCulture.Application.Clocks;

/// <summary>An action's clock as the delay form needs it: the clock (null when its stage has none) and the version the form posts back.</summary>
public sealed record ActionClockView(Guid ConcernId, string CaseReference, int ActionOrdinal, ActionStage Stage, int ActionVersion, StageClock? Clock)
{
    /// <summary>Whether a delay reason can be recorded now: past its target with none recorded yet.</summary>
    public bool CanRecordDelay => Clock is { DelayReasonNeeded: true };
}

/// <summary>
/// Stage clocks of one case, read through the one access policy (docs/domain/case-clocks.md): its parties see the clocks;
/// the delay form is for whoever's work the stage is — the raiser for the checklist, an independent commissioning
/// manager after it — the same rule <see cref="RecordStageDelayHandler"/> applies when the reason is posted.
/// </summary>
public sealed class CaseClocksHandler(CaseReader cases, StageClockReader clocks)
{
    public async Task<IReadOnlyList<StageClock>> ForCaseAsync(Guid concernId, string userId, CancellationToken cancellationToken = default)
    {
        await cases.ReadAsync(CaseTarget.Case(concernId), userId, CaseAccess.View, cancellationToken);
        return (await clocks.ForAsync([concernId], cancellationToken)).GetValueOrDefault(concernId) ?? [];
    }

    public async Task<ActionClockView> ForDelayAsync(Guid concernId, int actionOrdinal, string userId, CancellationToken cancellationToken = default)
    {
        var loaded = await cases.ReadAsync(CaseTarget.Action(concernId, actionOrdinal), userId, CaseAccess.View, cancellationToken);
        var action = loaded.Concern.Actions.Single(a => a.Ordinal == actionOrdinal);
        var access = action.Stage == ActionStage.Checklist ? CaseAccess.AnswerChecklist : CaseAccess.Review;
        CaseAccessPolicy.Ensure(loaded.Actor, loaded.ActorStaff, loaded.Parties, access);
        return new ActionClockView(concernId, CaseReference.Of(concernId), actionOrdinal, action.Stage, action.Version,
            await clocks.ForActionAsync(concernId, actionOrdinal, cancellationToken));
    }
}
