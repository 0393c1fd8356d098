using JustCulture.Persistence.DecisionLog.Checkpoints;

namespace JustCulture.Application.Log;

/// <summary>
/// What a report says it was computed against: a signed checkpoint of the log — its size, root and time, and
/// the file an auditor can keep and check with the public key.
/// </summary>
public sealed record LogCheckpointSummary(long TreeSize, string RootHex, DateTimeOffset SignedAt, string FileName)
{
    public static LogCheckpointSummary? Of(StoredCheckpoint? stored) => stored is null ? null
        : new(stored.Checkpoint.Size, Convert.ToHexStringLower(stored.Checkpoint.Root), stored.Checkpoint.SignedAt, Path.GetFileName(stored.FilePath));

    /// <summary>One line for people: "checkpoint of 2,914 entries signed 1 December 2026 at 13:05 UK time (root 3f2a…)".</summary>
    public string Describe() =>
        $"signed checkpoint of {TreeSize:N0} entries, {Domain.UkDates.DateTime(SignedAt.UtcDateTime)} (root {RootHex[..16]}…, {FileName})";
}
