using System.Security.Cryptography;
using JustCulture.Persistence.DecisionLog.PersonalData;

namespace JustCulture.Persistence.DecisionLog;

/// <summary>
/// Adds a step's entries to the log inside the step's own transaction: each gets an id (rising in the order
/// written, so a case's entries read in order before they have their place in the tree), its case's personal
/// fields sealed under the case's data key (made with the case's first entry, in the same transaction), and the
/// application's seal, and goes out with the step's SaveChanges. Nothing here locks anything: the database
/// queues each entry for the sequencer as it is inserted, so writers never wait for one another on the log.
/// </summary>
public sealed class DecisionLogWriter(DecisionLogTrust trust, CaseDataProtector protector)
{
    public DecisionLogWriter(DecisionLogTrust trust)
        : this(trust, new CaseDataProtector(trust))
    {
    }

    private static readonly long Epoch = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    private long _appended;
    private long _lastId;

    /// <summary>Entries this process has added (committed or not), so a short-lived command knows to checkpoint before it ends.</summary>
    public long Appended => Interlocked.Read(ref _appended);

    /// <summary>
    /// Callers set the plaintext; afterwards each entry holds its stored form (personal fields sealed), ready to be
    /// saved with the step.
    /// </summary>
    /// <exception cref="InvalidOperationException">outside a transaction, or for a case whose personal data was erased.</exception>
    public async Task AppendAsync(JustCultureDbContext db, IReadOnlyList<DecisionLogEntry> entries, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entries);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Decision-log entries must be appended inside the step's transaction.");
        }

        if (entries.Count == 0)
        {
            return;
        }

        foreach (var entry in entries)
        {
            entry.LeafVersion = LeafEncoding.CurrentVersion;
        }

        var firstEntryAt = entries.Where(CaseFieldCipher.HoldsSealedFields)
            .GroupBy(e => e.ConcernId!.Value)
            .ToDictionary(g => g.Key, g => LeafEncoding.NormaliseTimestamp(g.Min(e => e.OccurredAtUtc)));
        var keyring = firstEntryAt.Count == 0 ? null : await protector.KeysForWritingAsync(db, firstEntryAt, ct);
        try
        {
            // Everything is sealed before anything is added, so a refusal leaves nothing half-written in the unit of work.
            foreach (var entry in entries)
            {
                entry.EntryId = NextId();
                entry.OccurredAtUtc = LeafEncoding.NormaliseTimestamp(entry.OccurredAtUtc);
                if (CaseFieldCipher.HoldsSealedFields(entry))
                {
                    keyring!.Seal(entry);
                }

                entry.Seal = EntrySeal.Compute(trust.SealKey, entry);
            }
        }
        finally
        {
            keyring?.Clear();
        }

        db.DecisionLog.AddRange(entries);

        Interlocked.Add(ref _appended, entries.Count);
    }

    /// <summary>
    /// Microseconds since 2020 and 10 random bits (room for 140 years below 2^62), and always above the last id
    /// this process gave: ids rise in the order entries are written here, and two web nodes would have to write in
    /// the same microsecond and draw the same bits to clash (the second step would then fail and be retried).
    /// </summary>
    private long NextId()
    {
        var micros = (DateTime.UtcNow.Ticks - Epoch) / 10;
        var candidate = (micros << 10) + RandomNumberGenerator.GetInt32(1 << 10);
        while (true)
        {
            var last = Interlocked.Read(ref _lastId);
            var id = Math.Max(candidate, last + 1);
            if (Interlocked.CompareExchange(ref _lastId, id, last) == last)
            {
                return id;
            }
        }
    }
}
