namespace JustCulture.Persistence.DecisionLog.Checkpoints;

/// <summary>The C2SP signed-note signature type bytes this log uses in key ids (docs/log-format.md §2).</summary>
public static class NoteSignatureType
{
    /// <summary>The log's own ECDSA P-256 signature over the checkpoint text.</summary>
    public const byte Ecdsa = 0x02;

    /// <summary>A witness's timestamped cosignature (cosignature/v1 message, ECDSA P-256).</summary>
    public const byte Cosignature = 0x04;
}
