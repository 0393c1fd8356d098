using JustCulture.Domain.Staff;
using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Staff;

/// <summary>
/// Keeps each staff record's line-management chain (<see cref="LineManagementChain"/>) in step with the
/// staff table. A move of one manager changes the chain of everyone below them, including people not in
/// the file being imported, so the chains are worked out over the whole table.
/// </summary>
internal static class ManagerChains
{
    /// <summary>Recomputes every chain inside an import's transaction, after its rows are applied (tracked, not yet saved).</summary>
    public static async Task RecomputeAsync(JustCultureDbContext db, CancellationToken cancellationToken)
    {
        var tracked = db.ChangeTracker.Entries<StaffMember>().Select(e => e.Entity).ToDictionary(s => s.StaffRef, StringComparer.Ordinal);
        var stored = await db.Staff.AsNoTracking().Select(s => new { s.StaffRef, s.LineManagerRef, s.ManagerChain }).ToListAsync(cancellationToken);
        var managerOf = stored.ToDictionary(s => s.StaffRef, s => s.LineManagerRef, StringComparer.Ordinal);
        foreach (var member in tracked.Values)
        {
            managerOf[member.StaffRef] = member.LineManagerRef;
        }

        var storedChain = stored.ToDictionary(s => s.StaffRef, s => s.ManagerChain, StringComparer.Ordinal);
        foreach (var staffRef in managerOf.Keys)
        {
            var chain = LineManagementChain.Walk(staffRef, managerOf);
            if (tracked.TryGetValue(staffRef, out var member))
            {
                member.SetManagerChain(chain);
                continue;
            }

            var formatted = LineManagementChain.Format(chain);
            if (!string.Equals(storedChain.GetValueOrDefault(staffRef), formatted, StringComparison.Ordinal))
            {
                await db.Staff.Where(s => s.StaffRef == staffRef)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.ManagerChain, formatted), cancellationToken);
            }
        }
    }

    /// <summary>Fills in chains that were never computed (records from before chains were kept).</summary>
    public static async Task BackfillAsync(JustCultureDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Staff.AnyAsync(s => s.ManagerChain == null, cancellationToken))
        {
            return;
        }

        var staff = await db.Staff.ToListAsync(cancellationToken);
        var managerOf = staff.ToDictionary(s => s.StaffRef, s => s.LineManagerRef, StringComparer.Ordinal);
        foreach (var member in staff)
        {
            member.SetManagerChain(LineManagementChain.Walk(member.StaffRef, managerOf));
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }
}
