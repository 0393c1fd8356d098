using JustCulture.Persistence.DecisionLog.Checkpoints;

namespace JustCulture.Persistence.DecisionLog;

/// <summary>
/// The result of checking the log: its entries, seals and tree against the newest signed checkpoint and every
/// older one in the store. A broken log names the first bad entry (by sequence, or by id when it has none yet)
/// or the checkpoint it contradicts.
/// </summary>
/// <param name="EntriesChecked">Entries in the tree (integrated).</param>
/// <param name="Waiting">Sealed entries not yet integrated by the sequencer.</param>
/// <param name="Checkpoint">The newest checkpoint the log was checked against (and agrees with when intact).</param>
/// <param name="CheckpointsChecked">How many checkpoints in the store were checked.</param>
public sealed record LogVerification(
    bool IsIntact,
    long EntriesChecked,
    int Waiting,
    string RootHex,
    StoredCheckpoint? Checkpoint,
    int CheckpointsChecked,
    long? FirstBadSequence,
    long? FirstBadEntryId,
    string? BadCheckpointPath,
    string? Problem)
{
    public long LastSequence => EntriesChecked;

    /// <summary>How many entries this verification read and hashed (all of them, or only those after <see cref="Prefix"/> it started from).</summary>
    public long EntriesRead { get; init; }

    /// <summary>Whether it started from an earlier verification's prefix rather than from the first entry.</summary>
    public bool Incremental { get; init; }

    /// <summary>What an intact verification proved, up to the newest checkpoint, for the next one to start from (null when broken or unsigned).</summary>
    public VerifiedLogPrefix? Prefix { get; init; }

    public static LogVerification Broken(long checkedSoFar, string problem, long? sequence = null, long? entryId = null, string? checkpointPath = null) =>
        new(false, checkedSoFar, 0, string.Empty, null, 0, sequence, entryId, checkpointPath, problem);
}
