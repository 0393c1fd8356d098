namespace JustCulture.Persistence.DecisionLog.Checkpoints;

/// <summary>One file of the checkpoint store, parsed (not verified: use <see cref="CheckpointVerifier"/>).</summary>
/// <param name="NoteText">The file's signed note, verbatim.</param>
public sealed record StoredCheckpoint(string FilePath, string NoteText, SignedNote Note, Checkpoint Checkpoint);
