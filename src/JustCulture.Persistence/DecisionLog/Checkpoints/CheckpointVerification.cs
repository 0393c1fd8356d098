namespace JustCulture.Persistence.DecisionLog.Checkpoints;

/// <summary>
/// What <see cref="CheckpointVerifier"/> found. Trust <see cref="Checkpoint"/> only when <see cref="IsAccepted"/>:
/// until then it is merely what the note claims.
/// </summary>
/// <param name="Problem">Why the note is rejected, starting with its source name; null when accepted.</param>
public sealed record CheckpointVerification(
    Checkpoint Checkpoint,
    SignedNote Note,
    bool LogSignatureVerified,
    IReadOnlyList<WitnessCosignature> Cosignatures,
    string? Problem)
{
    public bool IsAccepted => Problem is null;

    /// <summary>The names of the known witnesses whose cosignatures verified.</summary>
    public IReadOnlyList<string> Witnesses => Cosignatures.Select(c => c.WitnessName).ToList();
}

/// <summary>A witness cosignature that verified, and the time the witness says it signed.</summary>
public sealed record WitnessCosignature(string WitnessName, DateTimeOffset CosignedAt);
