using System.Text.Json;
using JustCulture.Persistence.Workflows;
using JustCulture.Workflows;

namespace JustCulture.Application.Common;

/// <summary>Moves workflow state between the runtime's plain object and its stored rows.</summary>
internal static class WorkflowInstanceMapping
{
    public static WorkflowInstanceState ToState(WorkflowInstanceRecord record) => new()
    {
        InstanceId = record.Id,
        DefinitionId = record.DefinitionId,
        DefinitionVersion = record.DefinitionVersion,
        DefinitionSha256 = record.DefinitionSha256,
        Status = Enum.Parse<WorkflowStatus>(record.Status),
        Variables = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(record.VariablesJson) ?? [],
        Bookmarks = record.Bookmarks
            .Where(b => b.CompletedAtUtc is null)
            .Select(b => new Bookmark(b.Id, b.ActivityId, b.Role, b.CreatedAtUtc))
            .ToList(),
        Timers = record.Timers
            .Where(t => t.FiredAtUtc is null)
            .OrderBy(t => t.DueAtUtc)
            .Select(t => new TimerBookmark(t.Id, t.ActivityId, t.DueAtUtc))
            .ToList(),
        JoinArrivals = string.IsNullOrEmpty(record.JoinArrivalsJson) ? []
            : JsonSerializer.Deserialize<Dictionary<string, List<string>>>(record.JoinArrivalsJson) ?? [],
    };

    public static WorkflowInstanceRecord NewRecord(WorkflowInstanceState state, Guid correlationId, DateTime nowUtc)
    {
        var record = new WorkflowInstanceRecord
        {
            Id = state.InstanceId,
            CorrelationId = correlationId,
            DefinitionId = state.DefinitionId,
            DefinitionVersion = state.DefinitionVersion,
            DefinitionSha256 = state.DefinitionSha256,
            CreatedAtUtc = nowUtc,
        };
        Apply(record, state, nowUtc, completedBy: null);
        return record;
    }

    /// <summary>Copies new state onto the record: status, variables, join arrivals, and the bookmark and timer rows —
    /// completed ones are kept and stamped, new ones added.</summary>
    public static void Apply(WorkflowInstanceRecord record, WorkflowInstanceState state, DateTime nowUtc, string? completedBy)
    {
        record.Status = state.Status.ToString();
        record.VariablesJson = JsonSerializer.Serialize(state.Variables);
        record.JoinArrivalsJson = JsonSerializer.Serialize(state.JoinArrivals);
        record.UpdatedAtUtc = nowUtc;
        record.Version++;

        var live = state.Bookmarks.Select(b => b.BookmarkId).ToHashSet();
        foreach (var pending in record.Bookmarks.Where(b => b.CompletedAtUtc is null && !live.Contains(b.Id)))
        {
            pending.CompletedAtUtc = nowUtc;
            pending.CompletedBy = completedBy;
        }

        var known = record.Bookmarks.Select(b => b.Id).ToHashSet();
        foreach (var bookmark in state.Bookmarks.Where(b => !known.Contains(b.BookmarkId)))
        {
            record.Bookmarks.Add(new BookmarkRecord
            {
                Id = bookmark.BookmarkId,
                WorkflowInstanceId = record.Id,
                CorrelationId = record.CorrelationId,
                ActivityId = bookmark.ActivityId,
                Role = bookmark.Role,
                CreatedAtUtc = bookmark.CreatedAtUtc,
            });
        }

        // A timer that fired, or that the run dropped because the instance ended, is stamped and never picked up again.
        var waiting = state.Timers.Select(t => t.TimerId).ToHashSet();
        foreach (var done in record.Timers.Where(t => t.FiredAtUtc is null && !waiting.Contains(t.Id)))
        {
            done.FiredAtUtc = nowUtc;
            done.LeasedBy = null;
            done.LeasedUntilUtc = null;
        }

        var knownTimers = record.Timers.Select(t => t.Id).ToHashSet();
        foreach (var timer in state.Timers.Where(t => !knownTimers.Contains(t.TimerId)))
        {
            record.Timers.Add(new WorkflowTimerRecord
            {
                Id = timer.TimerId,
                WorkflowInstanceId = record.Id,
                CorrelationId = record.CorrelationId,
                ActivityId = timer.ActivityId,
                DueAtUtc = timer.DueAtUtc,
                CreatedAtUtc = nowUtc,
            });
        }
    }
}
