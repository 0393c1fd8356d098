using System.Security.Cryptography;

namespace JustCulture.Persistence.DecisionLog;

/// <summary>
/// Adds a step's entries to the log inside the step's own transaction: each gets an id and the application's
/// seal, and goes out with the step's SaveChanges. Nothing here locks anything: the database queues each entry
/// for the sequencer as it is inserted, so writers never wait for one another on the log.
/// </summary>
public sealed class DecisionLogWriter(DecisionLogTrust trust)
{
    /// <summary>Ids are random below 2^62, leaving room for a step's entries to count up from the first.</summary>
    private const long IdRange = 1L << 62;

    private long _appended;

    /// <summary>Entries this process has added (committed or not), so a short-lived command knows to checkpoint before it ends.</summary>
    public long Appended => Interlocked.Read(ref _appended);

    public void Append(JustCultureDbContext db, IReadOnlyList<DecisionLogEntry> entries)
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

        var id = NewId();
        foreach (var entry in entries)
        {
            entry.EntryId = id++;
            entry.OccurredAtUtc = LeafEncoding.NormaliseTimestamp(entry.OccurredAtUtc);
            entry.Seal = EntrySeal.Compute(trust.SealKey, entry);
            db.DecisionLog.Add(entry);
        }

        Interlocked.Add(ref _appended, entries.Count);
    }

    private static long NewId()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return (BitConverter.ToInt64(bytes) & (IdRange - 1)) + 1;
    }
}
