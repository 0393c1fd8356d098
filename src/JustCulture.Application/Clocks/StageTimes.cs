using JustCulture.Application.Log;
using JustCulture.Application.Reports;
using JustCulture.Domain.Calendar;
using JustCulture.Domain.Concerns;
using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Reporting;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Clocks;

/// <summary>One group's time in one stage, in working days. The median and 90th percentile are withheld
/// (null) when fewer than the suppression threshold of stages were timed: they would describe one or two people's cases.</summary>
/// <param name="Count">Stages timed; <see cref="CountText"/> is how it may be shown ("&lt;5" when small).</param>
public sealed record StageTimeFigures(int Count, string CountText, double? MedianWorkingDays, int? Percentile90WorkingDays, bool Suppressed);

public sealed record StageTimeRow(ActionStage Stage, string StageName, int? TargetWorkingDays, StageTimeFigures White, StageTimeFigures Bme, StageTimeFigures NotStated);

/// <summary>Time spent per stage by WRES group for one reporting year (docs/domain/case-clocks.md, "Time per stage").</summary>
public sealed record StageTimesReport(string Year, int SuppressionThreshold, IReadOnlyList<StageTimeRow> Stages, IReadOnlyList<string> Notes);

/// <summary>
/// The pure calculator: replays each action's stage events from the decision log, in order, into the stages it
/// passed through, and times each finished stage in working days (UK dates, the trust's calendar).
/// </summary>
public static class StageTimesCalculator
{
    /// <summary>One stage event of one action (a decision-log entry's few clear columns).</summary>
    public sealed record StageEvent(Guid WorkflowInstanceId, long EntryId, string EventType, string? Answer, DateTime OccurredAtUtc);

    /// <summary>A finished stage: which, and its start and end.</summary>
    public sealed record TimedStage(Guid WorkflowInstanceId, ActionStage Stage, DateTime StartedAtUtc, DateTime EndedAtUtc);

    public static IReadOnlyList<TimedStage> Replay(IEnumerable<StageEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var timed = new List<TimedStage>();
        foreach (var action in events.GroupBy(e => e.WorkflowInstanceId))
        {
            (ActionStage Stage, DateTime Since)? open = null;
            void Move(ActionStage? next, DateTime at)
            {
                if (open is { } current)
                {
                    timed.Add(new TimedStage(action.Key, current.Stage, current.Since, at));
                }

                open = next is { } stage ? (stage, at) : null;
            }

            foreach (var e in action.OrderBy(e => e.EntryId))
            {
                switch (e.EventType)
                {
                    case LogEventTypes.ChecklistStarted:
                        open = (ActionStage.Checklist, e.OccurredAtUtc);
                        break;
                    case LogEventTypes.OutcomeRecorded:
                        Move(ActionStage.AwaitingReview, e.OccurredAtUtc);
                        break;
                    case LogEventTypes.ReviewDecided:
                        // The formal route's stage begins with the investigation's own entry, logged in the same step.
                        Move(e.Answer switch
                        {
                            nameof(CaseRoute.InformalResolution) => ActionStage.InformalResolution,
                            nameof(CaseRoute.FormalInvestigation) => null,
                            _ => null,
                        }, e.OccurredAtUtc);
                        break;
                    case LogEventTypes.InformalResolutionRecorded:
                        Move(e.Answer == "NotResolved" ? ActionStage.AwaitingReview : null, e.OccurredAtUtc);
                        break;
                    case LogEventTypes.FormalInvestigationStarted:
                        Move(ActionStage.FormalInvestigation, e.OccurredAtUtc);
                        break;
                }
            }
        }

        return timed;
    }

    /// <summary>Median (the middle value, or the mean of the two middle values) and 90th percentile (nearest rank).</summary>
    public static StageTimeFigures Figures(IReadOnlyList<int> workingDays, SmallCellSuppression suppression)
    {
        ArgumentNullException.ThrowIfNull(workingDays);
        ArgumentNullException.ThrowIfNull(suppression);
        var n = workingDays.Count;
        var countText = suppression.Format(n);
        if (n == 0 || suppression.IsSuppressed(n))
        {
            return new StageTimeFigures(n, countText, null, null, n > 0);
        }

        var sorted = workingDays.Order().ToList();
        var median = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2.0;
        var p90 = sorted[(int)Math.Ceiling(0.9 * n) - 1];
        return new StageTimeFigures(n, countText, median, p90, false);
    }
}

/// <summary>
/// Time per stage by WRES group for a reporting year: every stage that ended in the year (1 April – 31 March, UK
/// time), timed from the decision log; the group is the person's as the staff record holds it now. Erased cases
/// (whose subject can no longer be read) are not counted.
/// </summary>
public sealed class StageTimesReportHandler(JustCultureDbContext db, ClockSettings settings, DecisionLogTrust trust, DecisionLogSequencer sequencer)
{
    private static readonly ActionStage[] Stages = [ActionStage.Checklist, ActionStage.AwaitingReview, ActionStage.InformalResolution, ActionStage.FormalInvestigation];

    public async Task<StageTimesReport> HandleAsync(string? year, CancellationToken cancellationToken = default)
    {
        var reportingYear = ReportingYearInput.Parse(year);
        // As every live report: times read from a log that has been edited or cut would look trustworthy and be wrong.
        await VerifiedCheckpoint.CurrentAsync(db, trust, sequencer, cancellationToken);
        var start = reportingYear.StartUtc;
        var end = reportingYear.EndUtc;
        // The actions with a stage event in the year; their earlier events give when those stages began.
        var inYear = db.DecisionLog.AsNoTracking()
            .Where(e => e.WorkflowInstanceId != null && StageClockReader.StageEvents.Contains(e.EventType) && e.OccurredAtUtc >= start && e.OccurredAtUtc < end)
            .Select(e => e.WorkflowInstanceId);
        var events = await db.DecisionLog.AsNoTracking()
            .Where(e => e.WorkflowInstanceId != null && StageClockReader.StageEvents.Contains(e.EventType) && e.OccurredAtUtc < end && inYear.Contains(e.WorkflowInstanceId))
            .Select(e => new StageTimesCalculator.StageEvent(e.WorkflowInstanceId!.Value, e.EntryId, e.EventType, e.Answer, e.OccurredAtUtc))
            .ToListAsync(cancellationToken);
        var groups = await (
            from a in db.ConcernActions.AsNoTracking()
            join c in db.Concerns.AsNoTracking() on a.ConcernId equals c.Id
            join s in db.Staff.AsNoTracking() on c.SubjectStaffRef equals s.StaffRef
            where inYear.Contains(a.WorkflowInstanceId)
            select new { a.WorkflowInstanceId, s.WresGroup })
            .ToDictionaryAsync(x => x.WorkflowInstanceId, x => x.WresGroup, cancellationToken);

        var timed = StageTimesCalculator.Replay(events).Where(t => t.EndedAtUtc >= start && t.EndedAtUtc < end && groups.ContainsKey(t.WorkflowInstanceId)).ToList();
        var suppression = SmallCellSuppression.Default;
        var rows = Stages.Select(stage =>
        {
            StageTimeFigures For(WresGroup group) => StageTimesCalculator.Figures(
                timed.Where(t => t.Stage == stage && groups[t.WorkflowInstanceId] == group)
                    .Select(t => settings.Calendar.WorkingDaysBetween(Domain.UkDates.UkDateOf(t.StartedAtUtc), Domain.UkDates.UkDateOf(t.EndedAtUtc)))
                    .ToList(),
                suppression);
            return new StageTimeRow(stage, Domain.Vocabulary.Stage(stage), settings.TargetFor(stage), For(WresGroup.White), For(WresGroup.Bme), For(WresGroup.NotStated));
        }).ToList();
        return new StageTimesReport(reportingYear.ToString(), suppression.Threshold, rows,
        [
            "Working days: Monday to Friday except England and Wales bank holidays, counted between UK dates.",
            $"A median or 90th percentile of fewer than {suppression.Threshold} timed stages is withheld.",
        ]);
    }
}
