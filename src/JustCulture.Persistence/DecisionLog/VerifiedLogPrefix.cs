using JustCulture.Persistence.DecisionLog.Checkpoints;
using JustCulture.Persistence.DecisionLog.Merkle;

namespace JustCulture.Persistence.DecisionLog;

/// <summary>
/// What a verification proved about the log up to its newest signed checkpoint, kept so the next verification
/// can start there and read only the entries after it (docs/decisions/0013-incremental-log-verification.md).
/// Only <see cref="DecisionLogVerifier"/> makes one, and only for a log it found intact.
/// </summary>
public sealed class VerifiedLogPrefix
{
    private readonly MerkleFrontier _frontier;

    internal VerifiedLogPrefix(StoredCheckpoint checkpoint, MerkleFrontier frontier, int checkpointCount, long sealsFrom, long adoptionLimit,
        long highestEntryId, bool witnessed)
    {
        Checkpoint = checkpoint;
        _frontier = frontier.Clone();
        CheckpointCount = checkpointCount;
        SealsFrom = sealsFrom;
        AdoptionLimit = adoptionLimit;
        HighestEntryId = highestEntryId;
        Witnessed = witnessed;
    }

    /// <summary>The newest checkpoint checked; the prefix is exactly the entries it covers.</summary>
    public StoredCheckpoint Checkpoint { get; }

    public long Size => Checkpoint.Checkpoint.Size;

    /// <summary>How many checkpoints, up to and including <see cref="Checkpoint"/>, were checked.</summary>
    internal int CheckpointCount { get; }

    /// <summary>The first sealed entry's sequence (long.MaxValue when none was): no unsealed entry may follow it.</summary>
    internal long SealsFrom { get; }

    /// <summary>The size of the first checkpoint: unsealed entries are adopted only up to it.</summary>
    internal long AdoptionLimit { get; }

    /// <summary>The highest entry id in the prefix; rows beyond it that are not in the tree must be waiting for it.</summary>
    internal long HighestEntryId { get; }

    /// <summary>Whether some checked checkpoint carries every configured witness's cosignature.</summary>
    internal bool Witnessed { get; }

    /// <summary>A copy of the tree's frontier at <see cref="Size"/>, for the next verification to grow.</summary>
    internal MerkleFrontier Frontier() => _frontier.Clone();
}
