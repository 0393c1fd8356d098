using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Persistence.DecisionLog.PersonalData;

/// <summary>
/// Opens and makes case data keys with the key-wrapping key derived from the log's signing key
/// (docs/log-format.md §1.4), so a copy of the database alone opens no personal field. One per process.
/// </summary>
public sealed class CaseDataProtector(DecisionLogTrust trust)
{
    /// <summary>Loads (and unwraps) the keys of these cases: one query.</summary>
    /// <exception cref="LogIntegrityException">a wrapped key does not unwrap under this server's key.</exception>
    public async Task<CaseDataKeyring> KeyringAsync(JustCultureDbContext db, IEnumerable<Guid> concernIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(concernIds);
        var ids = concernIds.Distinct().ToList();
        var rows = ids.Count == 0 ? [] : await db.CaseDataKeys.AsNoTracking().Where(k => ids.Contains(k.ConcernId)).ToListAsync(ct);
        return new CaseDataKeyring(rows.ToDictionary(r => r.ConcernId, Unwrap), ids);
    }

    /// <summary>
    /// The keys to seal these cases' new entries with, making (and adding to <paramref name="db"/>, to be saved
    /// with the entries) a key for each case that has none yet. A case whose key was erased stays erased: sealing
    /// for it is refused by the keyring.
    /// </summary>
    internal async Task<CaseDataKeyring> KeysForWritingAsync(JustCultureDbContext db, IReadOnlyDictionary<Guid, DateTime> firstEntryAt, CancellationToken ct)
    {
        var keys = new Dictionary<Guid, byte[]?>();
        // Keys made earlier in this unit of work and not yet saved. Saved ones are read from the database, never
        // from the tracker: a tracked row may still hold a key that has since been erased.
        foreach (var pending in db.ChangeTracker.Entries<CaseDataKeyRecord>().Where(e => e.State == EntityState.Added && firstEntryAt.ContainsKey(e.Entity.ConcernId)))
        {
            keys[pending.Entity.ConcernId] = Unwrap(pending.Entity);
        }

        var missing = firstEntryAt.Keys.Where(id => !keys.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            foreach (var row in await db.CaseDataKeys.AsNoTracking().Where(k => missing.Contains(k.ConcernId)).ToListAsync(ct))
            {
                keys[row.ConcernId] = Unwrap(row);
            }
        }

        foreach (var (concernId, at) in firstEntryAt.Where(c => !keys.ContainsKey(c.Key)))
        {
            var key = RandomNumberGenerator.GetBytes(CaseFieldCipher.KeySize);
            db.CaseDataKeys.Add(new CaseDataKeyRecord
            {
                ConcernId = concernId,
                WrappedKey = CaseFieldCipher.Wrap(trust.CaseKeyWrappingKey, concernId, key),
                CreatedAtUtc = at,
            });
            keys[concernId] = key;
        }

        return new CaseDataKeyring(keys, firstEntryAt.Keys);
    }

    private byte[]? Unwrap(CaseDataKeyRecord row) =>
        row.WrappedKey is null
            ? null
            : CaseFieldCipher.Unwrap(trust.CaseKeyWrappingKey, row.ConcernId, row.WrappedKey)
              ?? throw new LogIntegrityException($"case {row.ConcernId}'s data key does not unwrap under this log's signing key: the key row was changed, or the database belongs to another server's key", null);
}
