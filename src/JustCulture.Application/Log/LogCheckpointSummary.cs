using System.Globalization;
using JustCulture.Persistence.DecisionLog.Checkpoints;

namespace JustCulture.Application.Log;

/// <summary>
/// What a report says it was computed against: a signed checkpoint of the log — its size, root and time, and
/// the file an auditor can keep and check with the public key (offline, the export that carries it).
/// </summary>
public sealed record LogCheckpointSummary(long TreeSize, string RootHex, DateTimeOffset SignedAt, string FileName)
{
    public static LogCheckpointSummary? Of(StoredCheckpoint? stored) => stored is null ? null : Of(stored.Checkpoint, Path.GetFileName(stored.FilePath));

    /// <param name="fileName">Where the signed note can be found: its file in the checkpoint store, or the export that carries it.</param>
    public static LogCheckpointSummary Of(Checkpoint checkpoint, string fileName)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return new(checkpoint.Size, Convert.ToHexStringLower(checkpoint.Root), checkpoint.SignedAt, fileName);
    }

    /// <summary>One line for people: "signed checkpoint of 2,914 entries, 1 December 2026 at 13:05 UK time (root 3f2a…, checkpoint-000000002914.txt)".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"signed checkpoint of {TreeSize:N0} entries, {Domain.UkDates.DateTime(SignedAt.UtcDateTime)} (root {RootHex[..16]}…, {FileName})");
}
