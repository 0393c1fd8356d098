using JustCulture.Domain.Concerns;
using JustCulture.Application.Cases;
using JustCulture.Application.Common;
using JustCulture.Persistence;
using JustCulture.Workflows;
using Microsoft.EntityFrameworkCore;
using JustCulture.Domain.Staff;
using JustCulture.Persistence.Workflows;
using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace JustCulture.Application.Review;

/// <param name="OverdueAfterDays">A route decision waiting longer than this is overdue.</param>
/// <param name="ReviewDateWarningDays">An informal-resolution review date this close (or past) is highlighted.</param>
/// <param name="InformalPlanDueDays">An informal resolution with no agreed plan this long after it began is overdue.</param>
public sealed record ReviewQueueQuery(string ReviewerUserId, int OverdueAfterDays = 14, int ReviewDateWarningDays = 7, int InformalPlanDueDays = 35)
{
    /// <summary>Only tasks of this kind; null for both.</summary>
    public ReviewTaskKind? Kind { get; init; }

    /// <summary>Only cases of this category (exact, as recorded); null for all.</summary>
    public string? Category { get; init; }

    public bool OverdueOnly { get; init; }

    public ReviewQueueSort Sort { get; init; } = ReviewQueueSort.LongestWaiting;

    /// <summary>For a page: the cases this reviewer is not independent of (true), or those they may review (false).
    /// The unpaged queue gives both.</summary>
    public bool Conflicted { get; init; }
}

public enum ReviewQueueSort
{
    /// <summary>Longest waiting first: the order work should be taken in.</summary>
    LongestWaiting,
    NewestFirst,
    /// <summary>Overdue first, then longest waiting.</summary>
    OverdueFirst,
    CaseReference,
}

public enum ReviewTaskKind
{
    /// <summary>Choose a route for an action whose checklist is complete.</summary>
    RouteDecision,
    /// <summary>Record whether an informal resolution worked.</summary>
    InformalResolutionResult,
}

/// <summary>Why a waiting task is overdue.</summary>
public enum OverdueReason
{
    /// <summary>A route decision has waited longer than the trust's limit.</summary>
    RouteDecisionWaiting,
    /// <summary>An informal resolution has no agreed actions and review date long after it began.</summary>
    NoInformalPlan,
    /// <summary>The informal resolution's review date has passed without a result.</summary>
    ReviewDatePassed,
}

/// <summary>
/// One line of the review queue. Blinded by construction: it carries what a reviewer needs to pick up the
/// case (category, checklist outcome, what is waiting and for how long) and nothing that identifies or
/// classifies the person — no name, no ethnicity, no staff ref (a direct identifier: the case is named by
/// its <see cref="Domain.Concerns.CaseReference"/>), and not the band, staff group or length of service,
/// which in a small team can identify someone as surely as a name.
/// </summary>
/// <param name="ReturnedFromInformal">The action came back to review after an informal resolution did not resolve it.</param>
/// <param name="Conflict">Why the signed-in reviewer may not review this case, or null when they may.</param>
public sealed record ReviewQueueItem(
    Guid TaskId,
    Guid ConcernId,
    int ActionOrdinal,
    ReviewTaskKind Kind,
    string CaseReference,
    string Category,
    ChecklistOutcome? Outcome,
    int DaysWaiting,
    OverdueReason? Overdue,
    bool ReturnedFromInformal,
    DateOnly? ReviewDate,
    bool ReviewDateDue,
    string? Conflict)
{
    public bool IsOverdue => Overdue is not null;

    public bool ReviewDatePassed => Overdue == OverdueReason.ReviewDatePassed;
}

/// <summary>One page of the review queue.</summary>
/// <param name="Next">The cursor of the page after (null on the last page).</param>
/// <param name="Previous">The cursor of the page before (null on the first page).</param>
/// <param name="FirstPosition">The place in the queue of the page's first item, from 1: for "Showing 26 to 50".
/// Counted as pages are followed, so cases taken from the queue meanwhile can shift it a little.</param>
public sealed record ReviewQueuePage(IReadOnlyList<ReviewQueueItem> Items, string? Next, string? Previous, int FirstPosition)
{
    public int LastPosition => FirstPosition + Items.Count - 1;
}

/// <summary>Cases with actions awaiting a commissioning review or an informal-resolution result, filtered and sorted as asked.</summary>
/// <remarks>Pages are keyset-paged: a cursor is the sort key of the item it follows (or precedes), so a page
/// neither repeats nor skips items when cases arrive meanwhile. Longest waiting and newest first are the order
/// of IX_bookmarks_open_role (forwards and backwards), read in batches, so a page costs the same however long
/// the queue. Overdue first and case reference sort on values no index holds (computed from the clock and the
/// review date, or from the case's id), so those two read the reviewer's whole queue, as the unpaged queue does.</remarks>
public sealed class ReviewQueueHandler(JustCultureDbContext db, TriageWorkflow triage, TimeProvider clock)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    /// <summary>Rows read per round trip on the indexed orders. Tests set it small to cross batch boundaries.</summary>
    internal int BatchSize { get; init; } = 128;

    public async Task<IReadOnlyList<ReviewQueueItem>> HandleAsync(ReviewQueueQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var reviewer = await CaseActors.ReviewerAsync(db, query.ReviewerUserId, cancellationToken);
        var items = await AllAsync(query, reviewer, cancellationToken);
        return Sorted(items.Select(i => i.Item).Where(i => Matches(i, query)), query.Sort);
    }

    /// <summary>At most <paramref name="limit"/> items after the cursor <paramref name="after"/> or before
    /// <paramref name="before"/> (a page's <see cref="ReviewQueuePage.Next"/> or <see cref="ReviewQueuePage.Previous"/>;
    /// neither for the first page), of the reviewable or the conflicted cases as <see cref="ReviewQueueQuery.Conflicted"/> asks.</summary>
    public async Task<ReviewQueuePage> HandlePageAsync(ReviewQueueQuery query, string? after, string? before, int? limit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var size = limit ?? DefaultPageSize;
        if (size < 1 || size > MaxPageSize)
        {
            throw UseCaseException.Invalid("limit", $"The page size must be between 1 and {MaxPageSize}.");
        }

        if (after is not null && before is not null)
        {
            throw UseCaseException.Invalid("after", "Give the page cursor 'after' or 'before', not both.");
        }

        QueueCursor? cursor = null;
        if ((after ?? before) is { } text)
        {
            cursor = QueueCursor.TryParse(text, before is not null, query.Sort)
                ?? throw UseCaseException.Invalid(after is null ? "before" : "after", "The page cursor is not one this server gave for this sort: use the page links of the queue.");
        }

        var reviewer = await CaseActors.ReviewerAsync(db, query.ReviewerUserId, cancellationToken);
        var page = await ReadPageAsync(query, reviewer, cursor, size, cancellationToken);
        if (page.Items.Count == 0 && cursor is { Before: true })
        {
            // Everything before was taken from the queue meanwhile: the first page is what is left before.
            page = await ReadPageAsync(query, reviewer, null, size, cancellationToken);
        }

        return page;
    }

    private async Task<ReviewQueuePage> ReadPageAsync(ReviewQueueQuery query, CaseActor reviewer, QueueCursor? cursor, int limit, CancellationToken cancellationToken)
    {
        var backwards = cursor is { Before: true };
        var found = new List<KeyedItem>(limit + 1);
        await foreach (var keyed in InOrderAsync(query, reviewer, cursor, cancellationToken))
        {
            if (Matches(keyed.Item, query) && (keyed.Item.Conflict is not null) == query.Conflicted)
            {
                found.Add(keyed);
                if (found.Count > limit)
                {
                    break;
                }
            }
        }

        var more = found.Count > limit;
        var page = found.Take(limit).ToList();
        if (backwards)
        {
            page.Reverse();
        }

        if (page.Count == 0)
        {
            return new ReviewQueuePage([], null, null, 1);
        }

        var sort = query.Sort;
        var first = cursor switch
        {
            null => 1,
            { Before: false } c => c.Position + 1,
            { } c => more ? Math.Max(2, c.Position - page.Count) : 1,
        };
        var hasPrevious = backwards ? more : cursor is not null;
        var hasNext = backwards || more;
        var previous = hasPrevious ? QueueCursor.From(page[0], sort, before: true, first).ToString() : null;
        var next = hasNext ? QueueCursor.From(page[^1], sort, before: false, first + page.Count - 1).ToString() : null;
        return new ReviewQueuePage(page.Select(k => k.Item).ToList(), next, hasPrevious ? previous : null, first);
    }

    /// <summary>The queue's items in the page's reading order (the sort, or its reverse for a previous page), from the cursor on.</summary>
    private async IAsyncEnumerable<KeyedItem> InOrderAsync(ReviewQueueQuery query, CaseActor reviewer, QueueCursor? cursor,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var backwards = cursor is { Before: true };
        if (query.Sort is ReviewQueueSort.LongestWaiting or ReviewQueueSort.NewestFirst)
        {
            // The index order: the database compares the keys, so its own ordering of ids is the one used throughout.
            var descending = (query.Sort == ReviewQueueSort.NewestFirst) != backwards;
            var position = cursor is { } c ? (c.CreatedAtUtc, c.TaskId) : ((DateTime, Guid)?)null;
            while (true)
            {
                var rows = await ReadBatchAsync(query, reviewer, position, descending, cancellationToken);
                foreach (var row in rows)
                {
                    position = (row.Bookmark.CreatedAtUtc, row.Bookmark.Id);
                    if (ToItem(row, reviewer, query) is { } item)
                    {
                        yield return new KeyedItem(item, row.Bookmark.CreatedAtUtc);
                    }
                }

                if (rows.Count < BatchSize)
                {
                    yield break;
                }
            }
        }

        var all = await AllAsync(query, reviewer, cancellationToken);
        var comparer = new KeyComparer(query.Sort);
        all.Sort(comparer);
        if (backwards)
        {
            all.Reverse();
        }

        foreach (var keyed in all)
        {
            if (cursor is { } at)
            {
                var order = comparer.Compare(keyed, at);
                if (backwards ? order >= 0 : order <= 0)
                {
                    continue;
                }
            }

            yield return keyed;
        }
    }

    private async Task<List<KeyedItem>> AllAsync(ReviewQueueQuery query, CaseActor reviewer, CancellationToken cancellationToken)
    {
        var rows = await Rows(Open(query, reviewer)).ToListAsync(cancellationToken);
        var items = new List<KeyedItem>(rows.Count);
        foreach (var row in rows.OrderBy(r => r.Bookmark.CreatedAtUtc).ThenBy(r => r.Action.Ordinal))
        {
            if (ToItem(row, reviewer, query) is { } item)
            {
                items.Add(new KeyedItem(item, row.Bookmark.CreatedAtUtc));
            }
        }

        return items;
    }

    private IQueryable<BookmarkRecord> Open(ReviewQueueQuery query, CaseActor reviewer)
    {
        var role = reviewer.User.Role.ToString();
        var open = db.Bookmarks.AsNoTracking().Where(b => b.CompletedAtUtc == null && b.Role == role);
        if (!string.IsNullOrEmpty(query.Category))
        {
            // In the database, so a rare category does not cost a batch of other cases per page.
            var category = query.Category;
            open = open.Where(b => db.Concerns.Any(c => c.Id == b.CorrelationId && c.Category == category));
        }

        return open;
    }

    private Task<List<QueueRow>> ReadBatchAsync(ReviewQueueQuery query, CaseActor reviewer, (DateTime CreatedAtUtc, Guid TaskId)? after, bool descending, CancellationToken cancellationToken)
    {
        var open = Open(query, reviewer);
        if (after is var (created, id))
        {
            open = descending
                ? open.Where(b => b.CreatedAtUtc < created || (b.CreatedAtUtc == created && b.Id < id))
                : open.Where(b => b.CreatedAtUtc > created || (b.CreatedAtUtc == created && b.Id > id));
        }

        // Read over IX_bookmarks_open_role (role, created_at_utc, id) WHERE completed_at_utc IS NULL.
        var batch = descending
            ? open.OrderByDescending(b => b.CreatedAtUtc).ThenByDescending(b => b.Id).Take(BatchSize)
            : open.OrderBy(b => b.CreatedAtUtc).ThenBy(b => b.Id).Take(BatchSize);
        return Rows(batch, descending).ToListAsync(cancellationToken);
    }

    /// <param name="descending">The order of a batch (its (created, id) keyset), or null for the whole queue.</param>
    private IQueryable<QueueRow> Rows(IQueryable<BookmarkRecord> bookmarks, bool? descending = null)
    {
        var rows =
            from b in bookmarks
            join w in db.WorkflowInstances.AsNoTracking() on b.WorkflowInstanceId equals w.Id
            join c in db.Concerns.AsNoTracking() on b.CorrelationId equals c.Id
            join a in db.ConcernActions.AsNoTracking() on w.Id equals a.WorkflowInstanceId
            join s in db.Staff.AsNoTracking() on c.SubjectStaffRef equals s.StaffRef
            join r in db.Staff.AsNoTracking() on c.RaisedByStaffRef equals r.StaffRef into raisers
            from r in raisers.DefaultIfEmpty()
            select new { b, w, c, a, s, r };
        rows = descending switch
        {
            true => rows.OrderByDescending(x => x.b.CreatedAtUtc).ThenByDescending(x => x.b.Id),
            false => rows.OrderBy(x => x.b.CreatedAtUtc).ThenBy(x => x.b.Id),
            null => rows,
        };
        return rows.Select(x => new QueueRow(x.b, x.w, x.c, x.a, x.s, x.r));
    }

    private ReviewQueueItem? ToItem(QueueRow row, CaseActor reviewer, ReviewQueueQuery query)
    {
        var definition = triage.Catalog.Get(row.Instance.DefinitionId, row.Instance.DefinitionVersion);
        ReviewTaskKind? kind = definition.GetActivity(row.Bookmark.ActivityId) switch
        {
            CommissioningReviewActivity => ReviewTaskKind.RouteDecision,
            InformalResolutionActivity => ReviewTaskKind.InformalResolutionResult,
            _ => null,
        };
        if (kind is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var daysWaiting = (int)Math.Floor((now - row.Bookmark.CreatedAtUtc).TotalDays);
        var reviewDate = row.Action.InformalReviewDate;
        return new ReviewQueueItem(
            row.Bookmark.Id,
            row.Concern.Id,
            row.Action.Ordinal,
            kind.Value,
            Domain.Concerns.CaseReference.Of(row.Concern.Id),
            row.Concern.Category,
            row.Action.Outcome,
            daysWaiting,
            OverdueOf(kind.Value, daysWaiting, reviewDate, today, query),
            row.Action.ReturnedFromInformalResolution,
            reviewDate,
            reviewDate is { } due && due.DayNumber - today.DayNumber <= query.ReviewDateWarningDays,
            CaseAccessPolicy.ReviewerConflict(reviewer.User, reviewer.Staff, row.Concern.Parties(row.Subject, row.Raiser)));
    }

    private static OverdueReason? OverdueOf(ReviewTaskKind kind, int daysWaiting, DateOnly? reviewDate, DateOnly today, ReviewQueueQuery query) => kind switch
    {
        ReviewTaskKind.RouteDecision when daysWaiting > query.OverdueAfterDays => OverdueReason.RouteDecisionWaiting,
        ReviewTaskKind.InformalResolutionResult when reviewDate is null && daysWaiting > query.InformalPlanDueDays => OverdueReason.NoInformalPlan,
        ReviewTaskKind.InformalResolutionResult when reviewDate is { } date && date < today => OverdueReason.ReviewDatePassed,
        _ => null,
    };

    private static bool Matches(ReviewQueueItem item, ReviewQueueQuery query) =>
        (query.Kind is null || item.Kind == query.Kind)
        && (string.IsNullOrEmpty(query.Category) || string.Equals(item.Category, query.Category, StringComparison.Ordinal))
        && (!query.OverdueOnly || item.IsOverdue);

    private static List<ReviewQueueItem> Sorted(IEnumerable<ReviewQueueItem> items, ReviewQueueSort sort) => sort switch
    {
        ReviewQueueSort.NewestFirst => [.. items.OrderBy(i => i.DaysWaiting).ThenBy(i => i.CaseReference, StringComparer.Ordinal).ThenBy(i => i.ActionOrdinal)],
        ReviewQueueSort.OverdueFirst => [.. items.OrderBy(i => i.IsOverdue ? 0 : 1).ThenByDescending(i => i.DaysWaiting).ThenBy(i => i.ActionOrdinal)],
        ReviewQueueSort.CaseReference => [.. items.OrderBy(i => i.CaseReference, StringComparer.Ordinal).ThenBy(i => i.ActionOrdinal)],
        // Stable: the rows arrive oldest task first.
        _ => [.. items.OrderByDescending(i => i.DaysWaiting)],
    };

    private sealed record QueueRow(BookmarkRecord Bookmark, WorkflowInstanceRecord Instance, Concern Concern,
        ConcernAction Action, StaffMember Subject, StaffMember? Raiser);

    /// <summary>An item with the one sort value it does not carry: when its task was created.</summary>
    internal sealed record KeyedItem(ReviewQueueItem Item, DateTime CreatedAtUtc);

    /// <summary>The total orders of the two sorts read in memory; each ends on the task id so no two items tie.</summary>
    private sealed class KeyComparer(ReviewQueueSort sort) : IComparer<KeyedItem>
    {
        public int Compare(KeyedItem? x, KeyedItem? y) =>
            Compare(Key.Of(x!, sort), Key.Of(y!, sort));

        public int Compare(KeyedItem x, QueueCursor at) => Compare(Key.Of(x, sort), at.Key);

        private static int Compare(Key x, Key y)
        {
            var order = x.Group.CompareTo(y.Group);
            if (order == 0) order = string.CompareOrdinal(x.Reference, y.Reference);
            if (order == 0) order = x.Ordinal.CompareTo(y.Ordinal);
            if (order == 0) order = x.CreatedAtUtc.CompareTo(y.CreatedAtUtc);
            return order != 0 ? order : x.TaskId.CompareTo(y.TaskId);
        }
    }

    /// <summary>A sort key: overdue first groups (0 overdue, 1 not) then longest waiting; case reference orders by
    /// reference then action; the indexed orders use only the creation time and task id.</summary>
    internal readonly record struct Key(int Group, string Reference, int Ordinal, DateTime CreatedAtUtc, Guid TaskId)
    {
        public static Key Of(KeyedItem keyed, ReviewQueueSort sort)
        {
            var item = keyed.Item;
            return sort switch
            {
                ReviewQueueSort.OverdueFirst => new Key(item.IsOverdue ? 0 : 1, "", 0, keyed.CreatedAtUtc, item.TaskId),
                ReviewQueueSort.CaseReference => new Key(0, item.CaseReference, item.ActionOrdinal, default, item.TaskId),
                _ => new Key(0, "", 0, keyed.CreatedAtUtc, item.TaskId),
            };
        }
    }

    /// <summary>A position in the queue: the sort key of the item a page follows (or precedes, for the page before),
    /// with that item's place. Opaque to clients (base64url text) and tied to the sort it was given for.</summary>
    internal readonly record struct QueueCursor(ReviewQueueSort Sort, bool Before, int Position, Key Key)
    {
        public DateTime CreatedAtUtc => Key.CreatedAtUtc;

        public Guid TaskId => Key.TaskId;

        public static QueueCursor From(KeyedItem item, ReviewQueueSort sort, bool before, int position) =>
            new(sort, before, position, Key.Of(item, sort));

        public override string ToString()
        {
            var text = string.Join('|', "1", ((int)Sort).ToString(CultureInfo.InvariantCulture), Before ? "b" : "a",
                Position.ToString(CultureInfo.InvariantCulture), Key.Group.ToString(CultureInfo.InvariantCulture), Key.Reference,
                Key.Ordinal.ToString(CultureInfo.InvariantCulture), Key.CreatedAtUtc.Ticks.ToString(CultureInfo.InvariantCulture), Key.TaskId.ToString("N"));
            return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
        }

        public static QueueCursor? TryParse(string text, bool before, ReviewQueueSort sort)
        {
            if (text.Length > 200)
            {
                return null;
            }

            Span<byte> bytes = stackalloc byte[160];
            int written;
            try
            {
                if (!Base64Url.TryDecodeFromChars(text, bytes, out written))
                {
                    return null;
                }
            }
            catch (FormatException)
            {
                // Characters outside base64url throw rather than return false.
                return null;
            }

            string[] parts;
            try
            {
                parts = new UTF8Encoding(false, true).GetString(bytes[..written]).Split('|');
            }
            catch (DecoderFallbackException)
            {
                return null;
            }

            const NumberStyles Whole = NumberStyles.None;
            var invariant = CultureInfo.InvariantCulture;
            if (parts.Length != 9 || parts[0] != "1"
                || !int.TryParse(parts[1], Whole, invariant, out var sortValue) || sortValue != (int)sort
                || parts[2] != (before ? "b" : "a")
                || !int.TryParse(parts[3], Whole, invariant, out var position) || position < 1
                || !int.TryParse(parts[4], Whole, invariant, out var group) || group > 1
                || parts[5].Length > 16
                || !int.TryParse(parts[6], Whole, invariant, out var ordinal)
                || !long.TryParse(parts[7], Whole, invariant, out var ticks) || ticks > DateTime.MaxValue.Ticks
                || !Guid.TryParseExact(parts[8], "N", out var taskId))
            {
                return null;
            }

            return new QueueCursor(sort, before, position, new Key(group, parts[5], ordinal, new DateTime(ticks, DateTimeKind.Utc), taskId));
        }
    }
}
