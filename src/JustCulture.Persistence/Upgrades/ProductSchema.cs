using Microsoft.EntityFrameworkCore;

namespace JustCulture.Persistence.Upgrades;

/// <summary>Migrates the product context: adoption of a hand-written database, the checks a migration needs first, then EF.</summary>
public static class ProductSchema
{
    public static async Task<IReadOnlyList<string>> MigrateAsync(JustCultureDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await SchemaUpgrade.AdoptAsync(db, HandWrittenHistory.Product, cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await OneUserPerStaffRefCheck.RefuseDuplicatesAsync(db, pending, cancellationToken);
        return await SchemaUpgrade.MigrateAsync(db, HandWrittenHistory.Product, cancellationToken);
    }
}
