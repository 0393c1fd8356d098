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
    /// The keys to seal these cases' new entries with, making a key for each case that has none yet — inserted at
    /// once, in the caller's transaction, so it commits or rolls back with the entries. A case whose key was erased
    /// stays erased: sealing for it is refused by the keyring.
    /// </summary>
    internal async Task<CaseDataKeyring> KeysForWritingAsync(JustCultureDbContext db, IReadOnlyDictionary<Guid, DateTime> firstEntryAt, CancellationToken ct)
    {
        var ids = firstEntryAt.Keys.ToList();
        // One read when every case has its key already (every step after a case's first).
        var rows = await db.CaseDataKeys.AsNoTracking().Where(k => ids.Contains(k.ConcernId)).ToListAsync(ct);
        var missing = firstEntryAt.Where(c => !rows.Exists(r => r.ConcernId == c.Key)).ToList();
        foreach (var (concernId, at) in missing)
        {
            var key = RandomNumberGenerator.GetBytes(CaseFieldCipher.KeySize);
            var wrapped = CaseFieldCipher.Wrap(trust.CaseKeyWrappingKey, concernId, key);
            CryptographicOperations.ZeroMemory(key);
            // Two steps writing a case's first entries at once: the second waits for the first and keeps its key,
            // rather than failing on the primary key (or, worse, sealing under a key that is then lost).
            if (db is SqlServerJustCultureDbContext)
            {
                await SqlServer.SqlServerCaseDataKeys.InsertIfMissingAsync(db, concernId, wrapped, at, ct);
                continue;
            }

            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO case_data_keys (concern_id, wrapped_key, created_at_utc) VALUES ({concernId}, {wrapped}, {at}) ON CONFLICT (concern_id) DO NOTHING", ct);
        }

        if (missing.Count > 0)
        {
            rows = await db.CaseDataKeys.AsNoTracking().Where(k => ids.Contains(k.ConcernId)).ToListAsync(ct);
        }

        if (rows.Count != ids.Count)
        {
            throw new InvalidOperationException("A case data key was made but cannot be read back in the same transaction.");
        }

        return new CaseDataKeyring(rows.ToDictionary(r => r.ConcernId, Unwrap), ids);
    }

    private byte[]? Unwrap(CaseDataKeyRecord row) =>
        row.WrappedKey is null
            ? null
            : CaseFieldCipher.Unwrap(trust.CaseKeyWrappingKey, row.ConcernId, row.WrappedKey)
              ?? throw new LogIntegrityException($"case {row.ConcernId}'s data key does not unwrap under this log's signing key: the key row was changed, or the database belongs to another server's key", null);
}
