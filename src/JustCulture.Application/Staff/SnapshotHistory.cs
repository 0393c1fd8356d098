using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Staff;

/// <summary>Every headcount snapshot imported, newest year first and within a year newest first.</summary>
public sealed class SnapshotHistoryHandler(JustCultureDbContext db)
{
    public async Task<IReadOnlyList<SnapshotSummary>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var snapshots = await db.HeadcountSnapshotHistory.AsNoTracking().ToListAsync(cancellationToken);
        return [.. snapshots.OrderByDescending(s => s.Year, StringComparer.Ordinal).ThenByDescending(s => s.ImportedAtUtc).Select(SnapshotSummary.Of)];
    }
}
