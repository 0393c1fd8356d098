using System.Globalization;
using JustCulture.Application.Cases;
using JustCulture.Domain;
using JustCulture.Domain.Concerns;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Workflows;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Concerns;

/// <summary>One decision on a concern, in words a line manager reads.</summary>
public sealed record TimelineEntryView(DateTime OccurredAtUtc, string What);

/// <summary>
/// The decisions on a concern, oldest first, in plain words, built from its decision-log entries. Reads the
/// case under the same access rule as <see cref="GetConcernHandler"/>, and tells no more than the concern page
/// does: who decided (other than "you") is not named, nor are reasons, plans' wording, unblinding or each
/// checklist answer — only that a step happened, with its outcome, route or result.
/// </summary>
public sealed class ConcernTimelineHandler(JustCultureDbContext db, CaseReader cases)
{
    private static readonly string[] Shown =
    [
        LogEventTypes.ConcernOpened, LogEventTypes.OutcomeRecorded, LogEventTypes.ReviewDecided, LogEventTypes.InformalResolutionPlanRecorded,
        LogEventTypes.InformalResolutionRecorded, LogEventTypes.FormalInvestigationStarted, LogEventTypes.WorkflowFinished,
    ];

    public async Task<IReadOnlyList<TimelineEntryView>> HandleForAsync(Guid concernId, string viewerUserId, CancellationToken cancellationToken = default)
    {
        var loaded = await cases.ReadAsync(CaseTarget.Case(concernId), viewerUserId, CaseAccess.View, cancellationToken);
        var ordinals = loaded.Concern.Actions.ToDictionary(a => a.WorkflowInstanceId, a => a.Ordinal);
        var entries = await db.DecisionLog.AsNoTracking()
            .Where(e => e.ConcernId == concernId && Shown.Contains(e.EventType))
            .OrderBy(e => e.EntryId)
            .Select(e => new { e.EventType, e.WorkflowInstanceId, e.Answer, e.ActorId, e.OccurredAtUtc })
            .ToListAsync(cancellationToken);
        return entries
            .Select(e => new TimelineEntryView(e.OccurredAtUtc, Words(e.EventType, e.WorkflowInstanceId is { } id && ordinals.TryGetValue(id, out var n) ? n : null,
                e.Answer, string.Equals(e.ActorId, viewerUserId, StringComparison.Ordinal))))
            .ToList();
    }

    internal static string Words(string eventType, int? ordinal, string? answer, bool byViewer)
    {
        var action = ordinal is { } n ? $"action {n}" : "an action";
        return eventType switch
        {
            LogEventTypes.ConcernOpened => byViewer ? "You raised the concern" : "Concern raised",
            LogEventTypes.OutcomeRecorded => $"{(byViewer ? "You submitted the" : "The")} checklist for {action}{(byViewer ? "" : " was submitted")}: outcome {OutcomeWords(answer)}",
            LogEventTypes.ReviewDecided => $"An independent commissioning manager reviewed {action} and routed it to: {Vocabulary.Route(answer)}",
            LogEventTypes.InformalResolutionPlanRecorded => $"Informal resolution plan agreed for {action}{ReviewDateWords(answer)}",
            LogEventTypes.InformalResolutionRecorded => $"Informal resolution result for {action}: "
                + (answer == InformalResolutionActivity.Resolved ? "resolved" : answer == InformalResolutionActivity.NotResolved ? "not resolved" : "recorded"),
            LogEventTypes.FormalInvestigationStarted => $"Formal investigation started for {action}",
            LogEventTypes.WorkflowFinished => $"{Capitalised(action)} closed",
            _ => "Recorded",
        };
    }

    private static string OutcomeWords(string? answer) =>
        Enum.TryParse<ChecklistOutcome>(answer, out var outcome) && Enum.IsDefined(outcome) ? Vocabulary.OutcomeWithMeaning(outcome) : Vocabulary.Outcome(answer);

    private static string ReviewDateWords(string? answer) =>
        DateOnly.TryParseExact(answer, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? $", to be reviewed on {UkDates.Date(date)}"
            : string.Empty;

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
