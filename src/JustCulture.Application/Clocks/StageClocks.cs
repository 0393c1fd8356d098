using JustCulture.Domain;
using JustCulture.Domain.Calendar;
using JustCulture.Domain.Concerns;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Clocks;

/// <summary>One open action's stage clock (docs/domain/case-clocks.md).</summary>
/// <param name="EnteredAtUtc">When the action entered its stage: the decision-log entry that moved it there.</param>
/// <param name="Delay">The delay reason recorded for this stage since it was entered, or null.</param>
public sealed record StageClock(Guid ConcernId, int ActionOrdinal, Guid WorkflowInstanceId, ActionStage Stage, DateTime EnteredAtUtc, StageDue Due,
    StageDelayReason? Delay)
{
    public string CaseReference => Domain.Concerns.CaseReference.Of(ConcernId);

    /// <summary>Past its target with no delay reason recorded: someone must say why.</summary>
    public bool DelayReasonNeeded => Due.IsOverdue && Delay is null;

    /// <summary>"Action 1, awaiting review: overdue by 2 working days (due 15 January 2027)".</summary>
    public string Words => $"Action {ActionOrdinal}, {Vocabulary.Stage(Stage).ToLowerInvariant()}: {Due.Words}"
        + (Due.IsOverdue ? Delay is { } d ? $"; delay: {Vocabulary.DelayReason(d).ToLowerInvariant()}" : "; delay reason needed" : string.Empty);
}

/// <summary>
/// Reads stage clocks for cases the caller has already admitted. When a stage began is not stored twice: it is the
/// time of the decision-log entry that moved the action into it (the log is the source of every report), so the
/// clock and the report of time per stage cannot disagree.
/// </summary>
public sealed class StageClockReader(JustCultureDbContext db, ClockSettings settings, TimeProvider clock)
{
    /// <summary>The entries after which an action is in a new stage (docs/domain/case-clocks.md, "When a stage begins").</summary>
    internal static readonly string[] StageEvents =
    [
        LogEventTypes.ChecklistStarted, LogEventTypes.OutcomeRecorded, LogEventTypes.ReviewDecided,
        LogEventTypes.InformalResolutionRecorded, LogEventTypes.FormalInvestigationStarted,
    ];

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<StageClock>>> ForAsync(IReadOnlyCollection<Guid> concernIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(concernIds);
        var ids = concernIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<StageClock>>();
        }

        var actions = await (
            from a in db.ConcernActions.AsNoTracking()
            where ids.Contains(a.ConcernId) && a.Stage != ActionStage.Closed
            join c in db.Concerns.AsNoTracking() on a.ConcernId equals c.Id
            select new { c.Id, c.OpenedAtUtc, a.Ordinal, a.WorkflowInstanceId, a.Stage })
            .ToListAsync(cancellationToken);
        if (actions.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<StageClock>>();
        }

        var events = await db.DecisionLog.AsNoTracking()
            .Where(e => e.ConcernId != null && ids.Contains(e.ConcernId.Value) && e.WorkflowInstanceId != null
                && (StageEvents.Contains(e.EventType) || e.EventType == LogEventTypes.StageDelayRecorded))
            .Select(e => new { Instance = e.WorkflowInstanceId!.Value, e.EventType, e.OccurredAtUtc, e.Answer })
            .ToListAsync(cancellationToken);
        var byInstance = events.ToLookup(e => e.Instance);
        var now = clock.GetUtcNow().UtcDateTime;
        var clocks = new List<StageClock>();
        foreach (var action in actions)
        {
            if (settings.TargetFor(action.Stage) is not { } target)
            {
                continue;
            }

            var mine = byInstance[action.WorkflowInstanceId].ToList();
            var entered = mine.Where(e => StageEvents.Contains(e.EventType)).Select(e => (DateTime?)e.OccurredAtUtc).Max() ?? action.OpenedAtUtc;
            var delay = mine.Where(e => e.EventType == LogEventTypes.StageDelayRecorded && e.OccurredAtUtc >= entered)
                .OrderByDescending(e => e.OccurredAtUtc)
                .Select(e => StageDelayAnswer.Parse(e.Answer))
                .FirstOrDefault(p => p is not null && p.Value.Stage == action.Stage);
            clocks.Add(new StageClock(action.Id, action.Ordinal, action.WorkflowInstanceId, action.Stage, entered,
                StageDue.Of(entered, target, now, settings.Calendar), delay?.Reason));
        }

        return clocks.GroupBy(c => c.ConcernId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<StageClock>)g.OrderBy(c => c.ActionOrdinal).ToList());
    }

    public async Task<StageClock?> ForActionAsync(Guid concernId, int actionOrdinal, CancellationToken cancellationToken = default) =>
        (await ForAsync([concernId], cancellationToken)).GetValueOrDefault(concernId)?.SingleOrDefault(c => c.ActionOrdinal == actionOrdinal);
}

/// <summary>The answer of a <see cref="LogEventTypes.StageDelayRecorded"/> entry: "AwaitingReview; WitnessUnavailable" — fixed choices only.</summary>
internal static class StageDelayAnswer
{
    public static string Format(ActionStage stage, StageDelayReason reason) => $"{stage}; {reason}";

    public static (ActionStage Stage, StageDelayReason Reason)? Parse(string? answer)
    {
        var parts = (answer ?? string.Empty).Split("; ");
        return parts.Length == 2 && Enum.TryParse<ActionStage>(parts[0], out var stage) && Enum.TryParse<StageDelayReason>(parts[1], out var reason)
            ? (stage, reason) : null;
    }
}
