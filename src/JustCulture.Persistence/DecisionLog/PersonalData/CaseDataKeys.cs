using Microsoft.EntityFrameworkCore;

namespace JustCulture.Persistence.DecisionLog.PersonalData;

/// <summary>Crypto-shredding: destroying a case's data key leaves its log entries hashed and verifiable but unreadable.</summary>
public static class CaseDataKeys
{
    /// <summary>
    /// Destroys these cases' keys (sets wrapped_key NULL and erased_at_utc) in the caller's transaction.
    /// Returns how many keys were erased (already-erased ones, and cases that never had a key, are not counted).
    /// </summary>
    public static async Task<int> EraseAsync(JustCultureDbContext db, IReadOnlyCollection<Guid> concernIds, DateTime nowUtc, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(concernIds);
        if (concernIds.Count == 0)
        {
            return 0;
        }

        var ids = concernIds.Distinct().ToList();
        var at = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc);
        // A set-based update, straight to the database: an entity tracked with the key still in it must not be
        // able to write the key back later in this unit of work.
        return await db.CaseDataKeys.Where(k => ids.Contains(k.ConcernId) && k.WrappedKey != null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.WrappedKey, (string?)null).SetProperty(k => k.ErasedAtUtc, at), ct);
    }
}
