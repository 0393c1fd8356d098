using JustCulture.Application.Cases;
using JustCulture.Domain;
using JustCulture.Domain.Calendar;
using JustCulture.Domain.Concerns;
using JustCulture.Domain.Suspensions;
using JustCulture.Domain.Users;
using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Clocks;

public enum DueItemKind
{
    /// <summary>An action's stage has a working-day target.</summary>
    Stage,
    /// <summary>A suspension, exclusion or restriction of duties in force must be reviewed by its review date.</summary>
    SuspensionReview,
}

/// <summary>One thing due for the reader. Blinded like the review queue: a case reference, a stage, dates — no person, no free text.</summary>
/// <param name="ActionOrdinal">The action, for a stage; null for a suspension review.</param>
/// <param name="Stage">The action's stage, for a stage clock.</param>
/// <param name="Words">The item in words, e.g. "Action 1, awaiting review: due 15 January 2027, 3 working days left".</param>
public sealed record DueItem(DueItemKind Kind, Guid ConcernId, string CaseReference, int? ActionOrdinal, ActionStage? Stage, DateOnly DueOn,
    int WorkingDaysLeft, bool IsOverdue, bool DelayReasonNeeded, StageDelayReason? Delay, string Words);

/// <summary>The reader's due and overdue work: overdue first (longest overdue first), then by due date.</summary>
public sealed record DueForMe(DateOnly TodayUk, IReadOnlyList<DueItem> Items)
{
    public int OverdueCount => Items.Count(i => i.IsOverdue);
}

/// <summary>
/// What is due for one user (docs/domain/case-clocks.md, "Due for me"), through the one access policy: a line
/// manager's own checklists (the cases they raised); for a commissioning manager, every later stage and every
/// suspension review of the cases they are independent of. Other roles have no case work, so nothing is due.
/// </summary>
public sealed class DueForMeHandler(JustCultureDbContext db, StageClockReader clocks, ClockSettings settings, TimeProvider clock)
{
    public async Task<DueForMe> HandleAsync(string userId, CancellationToken cancellationToken = default)
    {
        var actor = await CaseActors.LoadAsync(db, userId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = UkDates.UkDateOf(now);
        if (!actor.User.IsActive || actor.User.Role is not (Role.LineManager or Role.CommissioningManager))
        {
            return new DueForMe(today, []);
        }

        var rows = await (
            from c in db.Concerns.AsNoTracking()
            where c.Status != ConcernStatus.Closed
                && (actor.User.Role == Role.CommissioningManager || c.RaisedByUserId == actor.User.UserId)
            join subject in db.Staff.AsNoTracking() on c.SubjectStaffRef equals subject.StaffRef
            join raiser in db.Staff.AsNoTracking() on c.RaisedByStaffRef equals raiser.StaffRef into raisers
            from raiser in raisers.DefaultIfEmpty()
            select new { Concern = c, Subject = subject, Raiser = raiser })
            .ToListAsync(cancellationToken);
        var access = actor.User.Role == Role.LineManager ? CaseAccess.AnswerChecklist : CaseAccess.Review;
        var admitted = rows
            .Where(r => CaseAccessPolicy.Refusal(actor.User, actor.Staff, r.Concern.Parties(r.Subject, r.Raiser), access) is null)
            .Select(r => r.Concern.Id)
            .ToList();

        var items = new List<DueItem>();
        foreach (var stageClock in (await clocks.ForAsync(admitted, cancellationToken)).Values.SelectMany(c => c))
        {
            // The raiser's work is the checklist; every later stage is the commissioning manager's.
            if ((stageClock.Stage == ActionStage.Checklist) != (actor.User.Role == Role.LineManager))
            {
                continue;
            }

            items.Add(new DueItem(DueItemKind.Stage, stageClock.ConcernId, stageClock.CaseReference, stageClock.ActionOrdinal, stageClock.Stage,
                stageClock.Due.DueOn, stageClock.Due.WorkingDaysLeft, stageClock.Due.IsOverdue, stageClock.DelayReasonNeeded, stageClock.Delay, stageClock.Words));
        }

        if (actor.User.Role == Role.CommissioningManager && admitted.Count > 0)
        {
            var suspensions = await db.Suspensions.AsNoTracking()
                .Where(s => admitted.Contains(s.ConcernId) && s.Status == SuspensionStatus.InForce)
                .Select(s => new { s.ConcernId, s.Kind, s.ReviewDate })
                .ToListAsync(cancellationToken);
            foreach (var s in suspensions)
            {
                var left = settings.Calendar.WorkingDaysBetween(today, s.ReviewDate);
                // A review date is a calendar date: past it (even on a weekend) the review is overdue.
                var overdue = s.ReviewDate < today;
                var words = $"{SuspensionWords.Kind(s.Kind)} review: "
                    + (overdue ? $"overdue (due {UkDates.Date(s.ReviewDate)})" : s.ReviewDate == today ? $"due today ({UkDates.Date(s.ReviewDate)})" : $"due {UkDates.Date(s.ReviewDate)}, {Days(left)} left");
                items.Add(new DueItem(DueItemKind.SuspensionReview, s.ConcernId, CaseReference.Of(s.ConcernId), null, null, s.ReviewDate,
                    overdue ? Math.Min(-1, left) : left, overdue, false, null, words));
            }
        }

        return new DueForMe(today, items
            .OrderByDescending(i => i.IsOverdue).ThenBy(i => i.DueOn).ThenBy(i => i.CaseReference, StringComparer.Ordinal).ThenBy(i => i.ActionOrdinal)
            .ToList());
    }

    private static string Days(int n) => n == 1 ? "1 working day" : $"{n} working days";
}
