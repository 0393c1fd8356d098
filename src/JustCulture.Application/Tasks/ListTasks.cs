using JustCulture.Application.Cases;
using JustCulture.Application.Common;
using JustCulture.Persistence;
using JustCulture.Workflows;
using Microsoft.EntityFrameworkCore;
using JustCulture.Persistence.Workflows;
using JustCulture.Domain.Concerns;
using JustCulture.Domain.Staff;
using System.Buffers.Text;

namespace JustCulture.Application.Tasks;

/// <param name="ForUserId">When given, only tasks this user may complete (their role, their own concerns
/// for a line manager, cases they are independent of for a commissioning manager).</param>
public sealed record ListTasksQuery(Guid? ConcernId = null, string? ForUserId = null);

public sealed record TaskView(
    Guid TaskId,
    Guid ConcernId,
    string ActivityId,
    string Role,
    string? StepId,
    string Question,
    string? HelpText,
    IReadOnlyList<string> Answers,
    int ActionOrdinal,
    string ActionDescription,
    string SubjectStaffRef,
    int ActionVersion,
    DateTime CreatedAtUtc);

/// <summary>One page of open tasks and the cursor of the next (null on the last page).</summary>
public sealed record TaskPage(IReadOnlyList<TaskView> Tasks, string? Next);

/// <summary>Pending human tasks, with the question text from the definition each case is pinned to.</summary>
/// <remarks>Tasks come in (created, id) order, read from the database in keyset batches over the open-task
/// indexes (IX_bookmarks_open, IX_bookmarks_open_role), so a page costs the same at 500 or 50,000 open tasks.
/// The per-case access policy needs the case's parties, so it is applied after each batch: the handler reads
/// further batches until the page is full of tasks the user may complete.</remarks>
public sealed class ListTasksHandler(JustCultureDbContext db, TriageWorkflow triage)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>Rows read per round trip: a page plus room for tasks the policy refuses. Tests set it small to
    /// cross batch boundaries with a small trust.</summary>
    internal int BatchSize { get; init; } = 256;

    /// <summary>Every open task that matches (for one concern, or a small trust: no page limit).</summary>
    public async Task<IReadOnlyList<TaskView>> HandleAsync(ListTasksQuery query, CancellationToken cancellationToken = default)
    {
        var page = await ReadAsync(query, after: null, limit: int.MaxValue, cancellationToken);
        // Unpaged callers (a concern's first tasks) read a case's actions in their order.
        return page.Tasks.OrderBy(t => t.CreatedAtUtc).ThenBy(t => t.ActionOrdinal).ToList();
    }

    /// <summary>One page of at most <paramref name="limit"/> tasks after the cursor <paramref name="after"/>
    /// (the <see cref="TaskPage.Next"/> of the page before; null for the first page).</summary>
    public Task<TaskPage> HandlePageAsync(ListTasksQuery query, string? after, int? limit, CancellationToken cancellationToken = default)
    {
        var size = limit ?? DefaultPageSize;
        if (size < 1 || size > MaxPageSize)
        {
            throw UseCaseException.Invalid("limit", $"The page size must be between 1 and {MaxPageSize}.");
        }

        var cursor = after is null ? (TaskCursor?)null
            : TaskCursor.TryParse(after) ?? throw UseCaseException.Invalid("after", "The page cursor 'after' is not one this server gave: use the next-page cursor of the page before.");
        return ReadAsync(query, cursor, size, cancellationToken);
    }

    private async Task<TaskPage> ReadAsync(ListTasksQuery query, TaskCursor? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pending = db.Bookmarks.AsNoTracking().Where(b => b.CompletedAtUtc == null);
        if (query.ConcernId is { } concernId)
        {
            pending = pending.Where(b => b.CorrelationId == concernId);
        }

        CaseActor? user = null;
        if (query.ForUserId is not null)
        {
            // Here the user is a filter someone asked for, not the caller: an unknown one is not found.
            user = await CaseActors.FindAsync(db, query.ForUserId, cancellationToken)
                ?? throw UseCaseException.NotFound($"Unknown user '{query.ForUserId}'.");
            var role = user.User.Role.ToString();
            pending = pending.Where(b => b.Role == role);
        }

        var views = new List<TaskView>(Math.Min(limit, BatchSize) + 1);
        var position = after;
        while (true)
        {
            var batch = await ReadBatchAsync(pending, position, cancellationToken);
            foreach (var row in batch)
            {
                position = new TaskCursor(row.Bookmark.CreatedAtUtc, row.Bookmark.Id);
                if (user is not null && CaseAccessPolicy.Refusal(user.User, user.Staff, row.Concern.Parties(row.Subject, row.Raiser),
                        CaseAccessPolicy.ForTaskRole(row.Bookmark.Role)) is not null)
                {
                    continue;
                }

                if (views.Count == limit)
                {
                    // A further permitted task exists: the page is full and has a next one.
                    var last = views[^1];
                    return new TaskPage(views, new TaskCursor(last.CreatedAtUtc, last.TaskId).ToString());
                }

                views.Add(ToView(row));
            }

            if (batch.Count < BatchSize)
            {
                return new TaskPage(views, null);
            }
        }
    }

    private async Task<List<TaskRow>> ReadBatchAsync(IQueryable<BookmarkRecord> pending, TaskCursor? after, CancellationToken cancellationToken)
    {
        if (after is { } cursor)
        {
            var created = cursor.CreatedAtUtc;
            var id = cursor.TaskId;
            pending = pending.Where(b => b.CreatedAtUtc > created || (b.CreatedAtUtc == created && b.Id > id));
        }

        var page = pending.OrderBy(b => b.CreatedAtUtc).ThenBy(b => b.Id).Take(BatchSize);
        return await (
            from b in page
            join w in db.WorkflowInstances.AsNoTracking() on b.WorkflowInstanceId equals w.Id
            join c in db.Concerns.AsNoTracking() on b.CorrelationId equals c.Id
            join a in db.ConcernActions.AsNoTracking() on w.Id equals a.WorkflowInstanceId
            join s in db.Staff.AsNoTracking() on c.SubjectStaffRef equals s.StaffRef
            join r in db.Staff.AsNoTracking() on c.RaisedByStaffRef equals r.StaffRef into raisers
            from r in raisers.DefaultIfEmpty()
            orderby b.CreatedAtUtc, b.Id
            select new TaskRow(b, w, c, a, s, r))
            .ToListAsync(cancellationToken);
    }

    private TaskView ToView(TaskRow row)
    {
        var definition = triage.Catalog.Get(row.Instance.DefinitionId, row.Instance.DefinitionVersion);
        var task = (IHumanTaskActivity)definition.GetActivity(row.Bookmark.ActivityId);
        return new TaskView(row.Bookmark.Id, row.Concern.Id, task.Id, task.Role, task.StepId, task.Question, task.HelpText,
            task.Answers, row.Action.Ordinal, row.Action.Description, row.Concern.SubjectStaffRef, row.Action.Version, row.Bookmark.CreatedAtUtc);
    }

    private sealed record TaskRow(BookmarkRecord Bookmark, WorkflowInstanceRecord Instance, Concern Concern,
        ConcernAction Action, StaffMember Subject, StaffMember? Raiser);
}

/// <summary>A position in the open-task order: the last task of a page. Opaque to clients (base64url text).</summary>
internal readonly record struct TaskCursor(DateTime CreatedAtUtc, Guid TaskId)
{
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[24];
        BitConverter.TryWriteBytes(bytes, CreatedAtUtc.Ticks);
        TaskId.TryWriteBytes(bytes[8..]);
        return Base64Url.EncodeToString(bytes);
    }

    public static TaskCursor? TryParse(string text)
    {
        Span<byte> bytes = stackalloc byte[24];
        int written;
        try
        {
            if (text.Length != 32 || !Base64Url.TryDecodeFromChars(text, bytes, out written) || written != 24)
            {
                return null;
            }
        }
        catch (FormatException)
        {
            // Characters outside base64url throw rather than return false.
            return null;
        }

        var ticks = BitConverter.ToInt64(bytes);
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return null;
        }

        return new TaskCursor(new DateTime(ticks, DateTimeKind.Utc), new Guid(bytes[8..]));
    }
}
