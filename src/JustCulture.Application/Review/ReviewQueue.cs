using JustCulture.Domain.Concerns;
using JustCulture.Application.Cases;
using JustCulture.Application.Common;
using JustCulture.Persistence;
using JustCulture.Workflows;
using Microsoft.EntityFrameworkCore;

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

/// <summary>Cases with actions awaiting a commissioning review or an informal-resolution result, filtered and sorted as asked.</summary>
public sealed class ReviewQueueHandler(JustCultureDbContext db, TriageWorkflow triage, TimeProvider clock)
{
    public async Task<IReadOnlyList<ReviewQueueItem>> HandleAsync(ReviewQueueQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var reviewer = await CaseActors.ReviewerAsync(db, query.ReviewerUserId, cancellationToken);
        var role = reviewer.User.Role.ToString();
        var rows = await (
            from b in db.Bookmarks.AsNoTracking()
            where b.CompletedAtUtc == null && b.Role == role
            join w in db.WorkflowInstances.AsNoTracking() on b.WorkflowInstanceId equals w.Id
            join c in db.Concerns.AsNoTracking() on b.CorrelationId equals c.Id
            join a in db.ConcernActions.AsNoTracking() on w.Id equals a.WorkflowInstanceId
            join s in db.Staff.AsNoTracking() on c.SubjectStaffRef equals s.StaffRef
            join r in db.Staff.AsNoTracking() on c.RaisedByStaffRef equals r.StaffRef into raisers
            from r in raisers.DefaultIfEmpty()
            select new { Bookmark = b, Instance = w, Concern = c, Action = a, Subject = s, Raiser = r })
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var items = new List<ReviewQueueItem>(rows.Count);
        foreach (var row in rows.OrderBy(r => r.Bookmark.CreatedAtUtc).ThenBy(r => r.Action.Ordinal))
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
                continue;
            }

            var daysWaiting = (int)Math.Floor((now - row.Bookmark.CreatedAtUtc).TotalDays);
            var reviewDate = row.Action.InformalReviewDate;
            items.Add(new ReviewQueueItem(
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
                CaseAccessPolicy.ReviewerConflict(reviewer.User, reviewer.Staff, row.Concern.Parties(row.Subject, row.Raiser))));
        }

        return Sorted(items.Where(i => Matches(i, query)), query.Sort);
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
}
