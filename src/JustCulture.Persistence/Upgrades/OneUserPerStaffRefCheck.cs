using Microsoft.EntityFrameworkCore;

namespace JustCulture.Persistence.Upgrades;

/// <summary>
/// Before the <c>OneUserPerStaffRef</c> migration makes a staff ref belong to at most one user account, a database
/// where accounts already share one is refused, naming each shared staff ref and its users, with nothing changed.
/// </summary>
public static class OneUserPerStaffRefCheck
{
    public const string MigrationName = "_OneUserPerStaffRef";

    public static async Task RefuseDuplicatesAsync(JustCultureDbContext db, IReadOnlyCollection<string> pendingMigrations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(pendingMigrations);
        // A new database (its Baseline still pending) has no users to check.
        if (!pendingMigrations.Any(id => id.EndsWith(MigrationName, StringComparison.Ordinal))
            || pendingMigrations.Any(id => id.EndsWith(SchemaUpgrade.BaselineName, StringComparison.Ordinal)))
        {
            return;
        }

        var linked = await db.Users.AsNoTracking().Where(u => u.StaffRef != null).Select(u => new { u.StaffRef, u.UserId }).ToListAsync(cancellationToken);
        var shared = linked.GroupBy(u => u.StaffRef!, StringComparer.Ordinal).Where(g => g.Count() > 1).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"staff ref {g.Key} is linked to users {string.Join(", ", g.Select(u => u.UserId).Order(StringComparer.Ordinal))}")
            .ToList();
        if (shared.Count > 0)
        {
            throw new DatabaseUpgradeRefusedException(
                $"Each staff ref may belong to at most one user account, but {string.Join("; ", shared)}. "
                + "Give each of those staff refs to one user only, then migrate again. Nothing was changed.");
        }
    }
}
