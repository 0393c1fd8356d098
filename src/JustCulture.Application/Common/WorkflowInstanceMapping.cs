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

    /// <summary>Copies new state onto the record: status, variables, and the bookmark rows — completed
    /// ones are kept and stamped, new ones added.</summary>
    public static void Apply(WorkflowInstanceRecord record, WorkflowInstanceState state, DateTime nowUtc, string? completedBy)
    {
        record.Status = state.Status.ToString();
        record.VariablesJson = JsonSerializer.Serialize(state.Variables);
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
    }
}
