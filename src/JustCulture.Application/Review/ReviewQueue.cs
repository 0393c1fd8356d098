using JustCulture.Domain.Concerns;
using JustCulture.Application.Cases;
using JustCulture.Application.Common;
using JustCulture.Persistence;
using JustCulture.Workflows;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Review;

/// <param name="OverdueAfterDays">A review waiting longer than this is overdue.</param>
/// <param name="ReviewDateWarningDays">An informal-resolution review date this close (or past) is highlighted.</param>
public sealed record ReviewQueueQuery(string ReviewerUserId, int OverdueAfterDays = 14, int ReviewDateWarningDays = 7);

public enum ReviewTaskKind
{
    /// <summary>Choose a route for an action whose checklist is complete.</summary>
    RouteDecision,
    /// <summary>Record whether an informal resolution worked.</summary>
    InformalResolutionResult,
}

/// <summary>
/// One line of the review queue. Blinded by construction: it carries what a reviewer needs to weigh the
/// case (band, staff group, length of service, outcome) and nothing that identifies or classifies the
/// person — no name, no ethnicity, and no staff ref (a direct identifier): the case is named by its
/// <see cref="Domain.Concerns.CaseReference"/>.
/// </summary>
/// <param name="Conflict">Why the signed-in reviewer may not review this case, or null when they may.</param>
public sealed record ReviewQueueItem(
    Guid TaskId,
    Guid ConcernId,
    int ActionOrdinal,
    ReviewTaskKind Kind,
    string CaseReference,
    string Band,
    string StaffGroup,
    int YearsOfService,
    string Category,
    ChecklistOutcome? Outcome,
    int DaysWaiting,
    bool IsOverdue,
    DateOnly? ReviewDate,
    bool ReviewDateDue,
    bool ReviewDatePassed,
    string? Conflict);

/// <summary>Cases with actions awaiting a commissioning review or an informal-resolution result, oldest first.</summary>
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
                row.Subject.Band,
                row.Subject.StaffGroup,
                row.Subject.YearsOfService(today),
                row.Concern.Category,
                row.Action.Outcome,
                daysWaiting,
                kind == ReviewTaskKind.RouteDecision && daysWaiting > query.OverdueAfterDays,
                reviewDate,
                reviewDate is { } due && due.DayNumber - today.DayNumber <= query.ReviewDateWarningDays,
                reviewDate is { } passed && passed < today,
                CaseAccessPolicy.ReviewerConflict(reviewer.User, reviewer.Staff, row.Concern.Parties(row.Subject, row.Raiser))));
        }

        return items;
    }
}
