using JustCulture.Domain;
using JustCulture.Domain.Suspensions;
using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Cases;

/// <summary>How loudly a flag is shown: an overdue flag is the one that asks for action now.</summary>
public enum CaseFlagLevel
{
    Info,
    Waiting,
    Overdue,
}

/// <param name="Code">Stable, for tests and styling: "suspension-awaiting-approval", "suspension-in-force", "suspension-review-overdue";
/// a stage clock's "stage-due", "stage-overdue" (no delay reason yet), "stage-overdue-delay-recorded"; wellbeing's
/// "wellbeing-check-in-overdue" and "wellbeing-not-recorded" (a route decided with no contact or support recorded).</param>
public sealed record CaseFlag(string Code, string Text, CaseFlagLevel Level);

/// <summary>
/// The flags a case carries wherever it is listed (case page, review queue, work lists): things about the case
/// as a whole that a reader must not miss, an overdue review above all. The caller has already decided the
/// reader may see each case; a flag names no person.
/// </summary>
public sealed class CaseFlagsHandler(JustCultureDbContext db, TimeProvider clock, Clocks.StageClockReader stageClocks)
{
    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<CaseFlag>>> ForAsync(IReadOnlyCollection<Guid> concernIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(concernIds);
        if (concernIds.Count == 0)
        {
            return new Dictionary<Guid, IReadOnlyList<CaseFlag>>();
        }

        var ids = concernIds.Distinct().ToList();
        var open = await db.Suspensions.AsNoTracking()
            .Where(s => ids.Contains(s.ConcernId) && (s.Status == SuspensionStatus.AwaitingApproval || s.Status == SuspensionStatus.InForce))
            .Select(s => new { s.ConcernId, s.Kind, s.Status, s.ReviewDate, s.PendingReviewDate })
            .ToListAsync(cancellationToken);
        var today = UkDates.UkDateOf(clock.GetUtcNow().UtcDateTime);
        var flags = open.GroupBy(s => s.ConcernId).ToDictionary(g => g.Key, g => (IReadOnlyList<CaseFlag>)g.Select(s =>
        {
            var kind = SuspensionWords.Kind(s.Kind);
            if (s.Status == SuspensionStatus.AwaitingApproval)
            {
                return new CaseFlag("suspension-awaiting-approval", $"{kind} awaiting approval", CaseFlagLevel.Waiting);
            }

            return s.ReviewDate < today
                ? new CaseFlag("suspension-review-overdue", $"{kind} review overdue (due {UkDates.Date(s.ReviewDate)})", CaseFlagLevel.Overdue)
                : s.PendingReviewDate is not null
                    ? new CaseFlag("suspension-continuation-awaiting-approval", $"{kind}: continuation awaiting approval", CaseFlagLevel.Waiting)
                    : new CaseFlag("suspension-in-force", $"{kind} in force, review by {UkDates.Date(s.ReviewDate)}", CaseFlagLevel.Info);
        }).ToList());

        // Wellbeing: an overdue check-in (docs/domain/process-safeguards.md, "Wellbeing").
        foreach (var (concernId, flag) in await Wellbeing.WellbeingFlags.ForAsync(db, ids, today, cancellationToken))
        {
            flags[concernId] = [.. flags.GetValueOrDefault(concernId, []), flag];
        }

        return await WithStageClocksAsync(flags, ids, cancellationToken);
    }

    /// <summary>Each open action's stage clock (docs/domain/case-clocks.md): overdue when past its working-day target.</summary>
    private async Task<Dictionary<Guid, IReadOnlyList<CaseFlag>>> WithStageClocksAsync(Dictionary<Guid, IReadOnlyList<CaseFlag>> flags, List<Guid> ids,
        CancellationToken cancellationToken)
    {
        foreach (var (concernId, clocks) in await stageClocks.ForAsync(ids, cancellationToken))
        {
            var added = clocks.Select(c => c.Due.IsOverdue
                ? new CaseFlag(c.DelayReasonNeeded ? "stage-overdue" : "stage-overdue-delay-recorded", c.Words, CaseFlagLevel.Overdue)
                : new CaseFlag("stage-due", c.Words, CaseFlagLevel.Info));
            flags[concernId] = [.. flags.GetValueOrDefault(concernId) ?? [], .. added];
        }

        return flags;
    }
}
