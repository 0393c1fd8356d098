using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Persistence.DecisionLog;

/// <summary>Appends to, verifies and exports the decision log of one database.</summary>
public static class DecisionLogStore
{
    public static readonly JsonSerializerOptions ExportJson = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = false,
    };

    /// <summary>
    /// Seals <paramref name="entries"/> onto the chain inside the caller's transaction. The head row is
    /// locked first, so concurrent writers queue here and each sees the other's committed tip; the
    /// entries become visible only when the caller's step commits, or not at all.
    /// </summary>
    public static async Task AppendAsync(JustCultureDbContext db, IReadOnlyList<DecisionLogEntry> entries, CancellationToken cancellationToken = default)
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

        await LockHeadAsync(db, cancellationToken);
        var head = await db.DecisionLogHead.AsNoTracking().SingleAsync(h => h.Id == DecisionLogHead.SingletonId, cancellationToken);
        var (sequence, hash) = SealAfter(db, head.LastSequence, head.LastHash, entries);

        var moved = await db.DecisionLogHead
            .Where(h => h.Id == DecisionLogHead.SingletonId && h.LastSequence == head.LastSequence)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, sequence).SetProperty(h => h.LastHash, hash), cancellationToken);
        if (moved != 1)
        {
            throw new DbUpdateConcurrencyException("The decision log moved on while this step was being written; try again.");
        }
    }

    /// <summary>
    /// Locks the head row until the caller's transaction ends (a no-op UPDATE, the same on every provider).
    /// A case step takes it first: steps then run one after another, and each step's reads — made after
    /// the lock — see everything the previous step committed.
    /// </summary>
    public static async Task LockHeadAsync(JustCultureDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The decision-log head can only be locked inside a transaction.");
        }

        await db.DecisionLogHead
            .Where(h => h.Id == DecisionLogHead.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, h => h.LastSequence), cancellationToken);
    }

    /// <summary>
    /// Seals <paramref name="entries"/> after <paramref name="lockedHead"/> — read, tracked, after
    /// <see cref="LockHeadAsync"/> in the same transaction — and moves the head. Nothing is sent here: the
    /// entries and the head go out with the step's own SaveChanges, in one batch.
    /// </summary>
    public static void AppendAfterLockedHead(JustCultureDbContext db, DecisionLogHead lockedHead, IReadOnlyList<DecisionLogEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(lockedHead);
        ArgumentNullException.ThrowIfNull(entries);
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Decision-log entries must be appended inside the step's transaction.");
        }

        (lockedHead.LastSequence, lockedHead.LastHash) = SealAfter(db, lockedHead.LastSequence, lockedHead.LastHash, entries);
    }

    /// <summary>Seals the entries in order after the given tip and adds them; returns the new tip.</summary>
    private static (long Sequence, string Hash) SealAfter(JustCultureDbContext db, long sequence, string hash, IReadOnlyList<DecisionLogEntry> entries)
    {
        foreach (var entry in entries)
        {
            DecisionLogChain.Seal(entry, sequence, hash);
            sequence = entry.Sequence;
            hash = entry.Hash;
            db.DecisionLog.Add(entry);
        }

        return (sequence, hash);
    }

    public static async Task<LogVerification> VerifyAsync(JustCultureDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var head = await db.DecisionLogHead.AsNoTracking().SingleAsync(h => h.Id == DecisionLogHead.SingletonId, cancellationToken);
        var entries = await db.DecisionLog.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        return DecisionLogChain.Verify(entries, (head.LastSequence, head.LastHash));
    }

    /// <summary>Writes every entry as one JSON object per line, in sequence order.</summary>
    public static async Task<long> ExportAsync(JustCultureDbContext db, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(writer);
        long count = 0;
        await foreach (var entry in db.DecisionLog.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            await writer.WriteLineAsync(JsonSerializer.Serialize(entry, ExportJson));
            count++;
        }

        return count;
    }

    /// <summary>Reads an export back; a malformed line is reported with its line number.</summary>
    public static async IAsyncEnumerable<DecisionLogEntry> ReadExportAsync(TextReader reader, string sourceName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            DecisionLogEntry? entry;
            try
            {
                entry = JsonSerializer.Deserialize<DecisionLogEntry>(line, ExportJson);
            }
            catch (JsonException ex)
            {
                throw new FormatException($"{sourceName} line {lineNumber}: not a decision-log entry ({ex.Message})", ex);
            }

            yield return entry ?? throw new FormatException($"{sourceName} line {lineNumber}: empty entry");
        }
    }
}
