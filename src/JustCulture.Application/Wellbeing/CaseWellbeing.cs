using JustCulture.Application.Cases;
using JustCulture.Domain;
using JustCulture.Domain.Concerns;
using JustCulture.Domain.Wellbeing;
using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Wellbeing;

public sealed record CheckInView(int Ordinal, DateOnly HeldOn, string HeldBy, string? Notes, DateOnly NextDue, string RecordedBy, DateTime RecordedAtUtc);

/// <param name="Recorded">False when no wellbeing contact is recorded yet (the other fields are then empty).</param>
/// <param name="CanRecord">The reader may record or change it and log check-ins (an independent commissioning manager, case open).</param>
public sealed record WellbeingView(
    Guid ConcernId,
    string CaseReference,
    bool Recorded,
    string? ContactName,
    bool OccupationalHealthOffered,
    bool EmployeeAssistanceOffered,
    bool UnionOrStaffNetworkOffered,
    string? SupportNotes,
    DateOnly? NextCheckInDue,
    bool IsCheckInOverdue,
    string? RecordedBy,
    DateTime? RecordedAtUtc,
    IReadOnlyList<CheckInView> CheckIns,
    int Version,
    bool CanRecord);

/// <summary>
/// The person's welfare record on a case, for the case's parties only: the line manager who raised it and an
/// independent commissioning manager — the same access policy as the case itself, checked before anything is read.
/// An auditor, an administrator or any other user is refused (docs/domain/roles.md).
/// </summary>
public sealed class CaseWellbeingHandler(JustCultureDbContext db, CaseReader reader, TimeProvider clock)
{
    public async Task<WellbeingView> HandleAsync(Guid concernId, string userId, CancellationToken cancellationToken = default)
    {
        var loaded = await reader.ReadAsync(CaseTarget.Case(concernId), userId, CaseAccess.View, cancellationToken);
        var record = await db.WellbeingRecords.AsNoTracking().Include(w => w.CheckIns).SingleOrDefaultAsync(w => w.ConcernId == concernId, cancellationToken);
        var canRecord = loaded.Concern.Status != ConcernStatus.Closed
            && CaseAccessPolicy.Refusal(loaded.Actor, loaded.ActorStaff, loaded.Parties, CaseAccess.Review) is null;
        var reference = CaseReference.Of(concernId);
        if (record is null)
        {
            return new WellbeingView(concernId, reference, false, null, false, false, false, null, null, false, null, null, [], 0, canRecord);
        }

        var today = UkDates.UkDateOf(clock.GetUtcNow().UtcDateTime);
        return new WellbeingView(concernId, reference, true, record.ContactName, record.OccupationalHealthOffered, record.EmployeeAssistanceOffered,
            record.UnionOrStaffNetworkOffered, record.SupportNotes, record.NextCheckInDue,
            loaded.Concern.Status != ConcernStatus.Closed && record.IsCheckInOverdue(today), record.RecordedByUserId, record.RecordedAtUtc,
            record.CheckIns.OrderByDescending(c => c.Ordinal)
                .Select(c => new CheckInView(c.Ordinal, c.HeldOn, c.HeldBy, c.Notes, c.NextDue, c.RecordedByUserId, c.RecordedAtUtc)).ToList(),
            record.Version, canRecord);
    }
}

/// <summary>
/// The wellbeing flags for a set of open cases: a check-in overdue, or — once a review has decided a route — no wellbeing
/// contact and support recorded at all, which every case about a person should have from its review on.
/// </summary>
internal static class WellbeingFlags
{
    public static async Task<IReadOnlyList<(Guid ConcernId, CaseFlag Flag)>> ForAsync(JustCultureDbContext db, IReadOnlyCollection<Guid> ids, DateOnly todayUk,
        CancellationToken cancellationToken)
    {
        var overdue = await (
            from w in db.WellbeingRecords.AsNoTracking()
            join c in db.Concerns.AsNoTracking() on w.ConcernId equals c.Id
            where ids.Contains(w.ConcernId) && c.Status != ConcernStatus.Closed && w.NextCheckInDue < todayUk
            select new { w.ConcernId, w.NextCheckInDue })
            .ToListAsync(cancellationToken);
        var missing = await db.Concerns.AsNoTracking()
            .Where(c => ids.Contains(c.Id) && c.Status != ConcernStatus.Closed
                && db.ConcernActions.Any(a => a.ConcernId == c.Id && a.Route != null)
                && !db.WellbeingRecords.Any(w => w.ConcernId == c.Id))
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        return overdue.Select(o => (o.ConcernId, new CaseFlag("wellbeing-check-in-overdue", $"Wellbeing check-in overdue (due {UkDates.Date(o.NextCheckInDue)})", CaseFlagLevel.Overdue)))
            .Concat(missing.Select(id => (id, new CaseFlag("wellbeing-not-recorded", "No wellbeing contact recorded", CaseFlagLevel.Waiting))))
            .ToList();
    }
}
