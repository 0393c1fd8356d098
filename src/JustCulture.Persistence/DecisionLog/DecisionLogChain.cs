using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace JustCulture.Persistence.DecisionLog;

/// <summary>
/// The hash chain over decision-log entries. Pure code: the same functions verify the live table and an
/// exported JSON-lines file, so an auditor's offline check and the server's agree by construction.
/// </summary>
public static class DecisionLogChain
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>
    /// SHA-256 over a JSON array of every field in a fixed order. A JSON array (rather than joined text)
    /// makes the encoding unambiguous: no choice of field contents can make two entries hash alike.
    /// </summary>
    public static string ComputeHash(DecisionLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var fields = new object?[]
        {
            entry.Sequence,
            entry.PreviousHash,
            entry.EventType,
            entry.ConcernId?.ToString("D"),
            entry.WorkflowInstanceId?.ToString("D"),
            entry.SubjectStaffRef,
            entry.DefinitionId,
            entry.DefinitionVersion,
            entry.ActivityId,
            entry.Question,
            entry.Answer,
            entry.Rationale,
            entry.InformalNotAppropriate,
            entry.ActorId,
            entry.ActorRole,
            FormatTimestamp(entry.OccurredAtUtc),
        };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(fields);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>Microsecond precision: the finest every supported database stores, so a stored entry
    /// hashes the same after a round trip.</summary>
    public static DateTime NormaliseTimestamp(DateTime utc)
    {
        var ticks = DateTime.SpecifyKind(utc, DateTimeKind.Utc).Ticks;
        return new DateTime(ticks - (ticks % 10), DateTimeKind.Utc);
    }

    public static string FormatTimestamp(DateTime utc) =>
        NormaliseTimestamp(utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Seals a new entry onto the chain after <paramref name="previous"/>.</summary>
    public static void Seal(DecisionLogEntry entry, long previousSequence, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.Sequence = previousSequence + 1;
        entry.PreviousHash = previousHash;
        entry.OccurredAtUtc = NormaliseTimestamp(entry.OccurredAtUtc);
        entry.Hash = ComputeHash(entry);
    }

    /// <summary>
    /// Walks the entries in the order given (sequence order) and reports the first that breaks the chain.
    /// When <paramref name="expectedHead"/> is given, a missing tail (entries deleted from the end) is
    /// detected too.
    /// </summary>
    public static LogVerification Verify(IEnumerable<DecisionLogEntry> entries, (long Sequence, string Hash)? expectedHead)
    {
        ArgumentNullException.ThrowIfNull(entries);
        long previousSequence = 0;
        var previousHash = GenesisHash;
        long count = 0;
        foreach (var entry in entries)
        {
            count++;
            if (entry.Sequence <= previousSequence)
            {
                return LogVerification.Broken(count, entry.Sequence, $"entry {entry.Sequence} is out of order or duplicated (follows entry {previousSequence})");
            }

            if (entry.Sequence != previousSequence + 1)
            {
                // Name the first missing entry, as a deleted tail does below.
                var firstMissing = previousSequence + 1;
                return LogVerification.Broken(count, firstMissing, entry.Sequence == firstMissing + 1
                    ? $"entry {firstMissing} is missing before entry {entry.Sequence}"
                    : $"entries {firstMissing}–{entry.Sequence - 1} are missing before entry {entry.Sequence}");
            }

            if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
            {
                return LogVerification.Broken(count, entry.Sequence, $"entry {entry.Sequence} does not link to entry {previousSequence} (previous hash differs): an entry was inserted, removed or moved");
            }

            if (!string.Equals(ComputeHash(entry), entry.Hash, StringComparison.Ordinal))
            {
                return LogVerification.Broken(count, entry.Sequence, $"entry {entry.Sequence} was changed after it was written (its hash does not match its contents)");
            }

            previousSequence = entry.Sequence;
            previousHash = entry.Hash;
        }

        if (expectedHead is { } head && (head.Sequence != previousSequence || !string.Equals(head.Hash, previousHash, StringComparison.Ordinal)))
        {
            if (head.Sequence == previousSequence)
            {
                // The same length but another tip: the last entry was rewritten (hash recomputed) or replaced.
                return LogVerification.Broken(count, previousSequence, previousSequence == 0
                    ? "the log is empty but its head records a hash other than the genesis hash"
                    : $"entry {previousSequence} does not match the hash its head recorded: it was changed or replaced after it was written");
            }

            var bad = Math.Min(head.Sequence, previousSequence) + 1;
            return LogVerification.Broken(count, bad, head.Sequence > previousSequence
                ? $"the log ends at entry {previousSequence} but its head records entry {head.Sequence}: entries were deleted from the end"
                : $"the log's head records entry {head.Sequence} but entries continue to {previousSequence}: entries were appended outside the system");
        }

        return LogVerification.Intact(count, previousSequence, previousHash);
    }
}

/// <summary>The result of checking the chain. <see cref="FirstBadSequence"/> names the first bad entry.</summary>
public sealed record LogVerification(bool IsIntact, long EntriesChecked, long LastSequence, string HeadHash, long? FirstBadSequence, string? Problem)
{
    public static LogVerification Intact(long count, long last, string hash) => new(true, count, last, hash, null, null);

    public static LogVerification Broken(long count, long firstBad, string problem) => new(false, count, 0, string.Empty, firstBad, problem);
}
