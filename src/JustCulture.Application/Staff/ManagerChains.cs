using JustCulture.Domain.Staff;
using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Staff;

/// <summary>
/// Keeps each staff record's line-management chain (<see cref="LineManagementChain"/>) in step with the
/// staff table. A move of one manager changes the chain of everyone below them, including people not in
/// the file being imported, so the chains are worked out over the whole table.
/// </summary>
/// <param name="InFile">Each of the file's people → their chain.</param>
/// <param name="Others">Stored people outside the file whose chain changes, with the new chain.</param>
internal sealed record ChainPlan(IReadOnlyDictionary<string, IReadOnlyList<string>> InFile, IReadOnlyList<(string StaffRef, string Chain)> Others);

internal static class ManagerChains
{
    /// <summary>
    /// Works out every chain as it will be once the file's rows are applied: the file's people (set on their records
    /// as they are written) and the stored people whose chain changes with them (written by <see cref="ApplyOthersAsync"/>).
    /// </summary>
    public static async Task<ChainPlan> PlanAsync(JustCultureDbContext db, IReadOnlyList<StaffDetails> rows, CancellationToken cancellationToken)
    {
        var stored = await db.Staff.AsNoTracking().Select(s => new { s.StaffRef, s.LineManagerRef, s.ManagerChain }).ToListAsync(cancellationToken);
        var managerOf = stored.ToDictionary(s => s.StaffRef, s => s.LineManagerRef, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            managerOf[row.StaffRef] = row.LineManagerRef;
        }

        var inFile = new Dictionary<string, IReadOnlyList<string>>(rows.Count, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            inFile[row.StaffRef] = LineManagementChain.Walk(row.StaffRef, managerOf);
        }

        var others = new List<(string StaffRef, string Chain)>();
        foreach (var person in stored.Where(s => !inFile.ContainsKey(s.StaffRef)))
        {
            var formatted = LineManagementChain.Format(LineManagementChain.Walk(person.StaffRef, managerOf));
            if (!string.Equals(person.ManagerChain, formatted, StringComparison.Ordinal))
            {
                others.Add((person.StaffRef, formatted));
            }
        }

        return new ChainPlan(inFile, others);
    }

    /// <summary>Writes the changed chains of stored people not in the file (someone above them moved).</summary>
    public static async Task ApplyOthersAsync(JustCultureDbContext db, ChainPlan plan, CancellationToken cancellationToken)
    {
        foreach (var (staffRef, chain) in plan.Others)
        {
            await db.Staff.Where(s => s.StaffRef == staffRef)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ManagerChain, chain), cancellationToken);
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
