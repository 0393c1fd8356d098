using JustCulture.Application.Cases;
using JustCulture.Application.Common;
using JustCulture.Domain;
using JustCulture.Domain.Concerns;
using JustCulture.Domain.Suspensions;
using JustCulture.Domain.Users;
using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Suspensions;

public sealed record AlternativeView(SuspensionAlternative Alternative, string? Description, string WhyNot);

/// <param name="CanApprove">The reader is a named approver who did not propose what is waiting.</param>
/// <param name="ApprovalBlockedBecause">Why the reader cannot approve what is waiting (null when they can or nothing waits).</param>
public sealed record SuspensionView(
    Guid SuspensionId,
    Guid ConcernId,
    string CaseReference,
    SuspensionKind Kind,
    SuspensionStatus Status,
    string Reason,
    IReadOnlyList<AlternativeView> Alternatives,
    string ProposedBy,
    DateTime ProposedAtUtc,
    string? ApprovedBy,
    DateTime? ApprovedAtUtc,
    DateOnly ReviewDate,
    int ReviewsHeld,
    DateOnly? PendingReviewDate,
    string? PendingRationale,
    string? PendingBy,
    DateTime? EndedAtUtc,
    string? EndedBy,
    string? EndReason,
    int Version,
    bool IsReviewOverdue,
    bool AwaitsApproval,
    bool CanApprove,
    string? ApprovalBlockedBecause)
{
    public bool IsOpen => Status is SuspensionStatus.AwaitingApproval or SuspensionStatus.InForce;
}

/// <summary>A case's suspensions, newest first, for anyone who may review the case (the same access policy as its steps).</summary>
public sealed class CaseSuspensionsHandler(JustCultureDbContext db, CaseReader reader, SuspensionRules rules, TimeProvider clock)
{
    public async Task<IReadOnlyList<SuspensionView>> HandleAsync(Guid concernId, string userId, CancellationToken cancellationToken = default)
    {
        var loaded = await reader.ReadAsync(CaseTarget.Case(concernId), userId, CaseAccess.Review, cancellationToken);
        var suspensions = await db.Suspensions.AsNoTracking().Include(s => s.Alternatives)
            .Where(s => s.ConcernId == concernId).OrderByDescending(s => s.ProposedAtUtc).ToListAsync(cancellationToken);
        var today = UkDates.UkDateOf(clock.GetUtcNow().UtcDateTime);
        return suspensions.Select(s => SuspensionViews.Of(s, loaded.Actor!, rules, today)).ToList();
    }

    public async Task<SuspensionView> OneAsync(Guid suspensionId, string userId, CancellationToken cancellationToken = default)
    {
        var concernId = await db.Suspensions.AsNoTracking().Where(s => s.Id == suspensionId).Select(s => (Guid?)s.ConcernId).SingleOrDefaultAsync(cancellationToken)
            ?? throw UseCaseException.NotFound($"Unknown suspension {suspensionId}.");
        return (await HandleAsync(concernId, userId, cancellationToken)).Single(s => s.SuspensionId == suspensionId);
    }
}

/// <summary>One open suspension on the reader's work list.</summary>
public sealed record SuspensionListItem(Guid SuspensionId, Guid ConcernId, string CaseReference, SuspensionKind Kind, SuspensionStatus Status,
    DateOnly ReviewDate, DateOnly? PendingReviewDate, bool AwaitsApproval, bool IsReviewOverdue, bool CanApprove);

/// <summary>
/// The open suspensions of the cases a commissioning manager is independent of: what waits for their approval
/// first, then overdue reviews, then by review date. Blinded like the review queue: a case reference, no person.
/// </summary>
public sealed class ListSuspensionsHandler(JustCultureDbContext db, SuspensionRules rules, TimeProvider clock)
{
    public async Task<IReadOnlyList<SuspensionListItem>> HandleAsync(string userId, CancellationToken cancellationToken = default)
    {
        var reader = await CaseActors.ReviewerAsync(db, userId, cancellationToken);
        var rows = await (
            from s in db.Suspensions.AsNoTracking()
            where s.Status == SuspensionStatus.AwaitingApproval || s.Status == SuspensionStatus.InForce
            join c in db.Concerns.AsNoTracking() on s.ConcernId equals c.Id
            join subject in db.Staff.AsNoTracking() on c.SubjectStaffRef equals subject.StaffRef
            join raiser in db.Staff.AsNoTracking() on c.RaisedByStaffRef equals raiser.StaffRef into raisers
            from raiser in raisers.DefaultIfEmpty()
            select new { Suspension = s, Concern = c, Subject = subject, Raiser = raiser })
            .ToListAsync(cancellationToken);
        var today = UkDates.UkDateOf(clock.GetUtcNow().UtcDateTime);
        return rows
            .Where(r => CaseAccessPolicy.Refusal(reader.User, reader.Staff, r.Concern.Parties(r.Subject, r.Raiser), CaseAccess.Review) is null)
            .Select(r => SuspensionViews.Of(r.Suspension, reader.User, rules, today))
            .Select(v => new SuspensionListItem(v.SuspensionId, v.ConcernId, v.CaseReference, v.Kind, v.Status, v.ReviewDate, v.PendingReviewDate,
                v.AwaitsApproval, v.IsReviewOverdue, v.CanApprove))
            .OrderByDescending(i => i.CanApprove).ThenByDescending(i => i.IsReviewOverdue).ThenBy(i => i.ReviewDate).ThenBy(i => i.CaseReference, StringComparer.Ordinal)
            .ToList();
    }
}

internal static class SuspensionViews
{
    public static SuspensionView Of(Suspension s, User reader, SuspensionRules rules, DateOnly todayUk)
    {
        string? blocked = null;
        if (s.AwaitsApproval)
        {
            blocked = !rules.IsApprover(reader.UserId)
                ? "Only a named senior approver can approve it."
                : s.ApproverConflict(reader);
        }

        return new SuspensionView(s.Id, s.ConcernId, CaseReference.Of(s.ConcernId), s.Kind, s.Status, s.Reason,
            s.Alternatives.OrderBy(a => a.Ordinal).Select(a => new AlternativeView(a.Alternative, a.Description, a.WhyNot)).ToList(),
            s.ProposedByUserId, s.ProposedAtUtc, s.ApprovedByUserId, s.ApprovedAtUtc, s.ReviewDate, s.ReviewsHeld,
            s.PendingReviewDate, s.PendingRationale, s.PendingByUserId, s.EndedAtUtc, s.EndedByUserId, s.EndReason, s.Version,
            s.IsReviewOverdue(todayUk), s.AwaitsApproval, s.AwaitsApproval && blocked is null, blocked);
    }
}
