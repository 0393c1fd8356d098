using System.Security.Cryptography;

namespace JustCulture.Persistence.DecisionLog.Checkpoints;

/// <summary>
/// A witness's private key and name. It adds a cosignature line (C2SP tlog-cosignature shape, ECDSA P-256;
/// docs/log-format.md §2) to a checkpoint the log really signed. Checking that the checkpoint is consistent with
/// the last one this witness cosigned is the caller's job, with a consistency proof.
/// </summary>
public sealed class WitnessKey : IDisposable
{
    private readonly ECDsa _key;

    private WitnessKey(string name, ECDsa key)
    {
        Name = name;
        _key = key;
        PublicKey = LogPublicKey.Of(key);
        KeyId = PublicKey.KeyId(name, NoteSignatureType.Cosignature);
    }

    /// <summary>The witness's key name, e.g. <c>witness.example.org/trust-board</c>; part of its key id.</summary>
    public string Name { get; }

    public LogPublicKey PublicKey { get; }

    public uint KeyId { get; }

    /// <exception cref="CheckpointKeyException">naming the file: missing, unreadable, not PEM, not a PKCS#8 P-256 key.</exception>
    public static WitnessKey Load(string pemPath, string name) => new(CheckName(name), P256KeyFiles.LoadPrivate(pemPath));

    /// <exception cref="CheckpointKeyException">naming <paramref name="sourceName"/>.</exception>
    public static WitnessKey FromPem(string pem, string name, string sourceName = "the witness's private key")
    {
        ArgumentNullException.ThrowIfNull(pem);
        return new(CheckName(name), P256KeyFiles.PrivateFromPem(pem, sourceName));
    }

    /// <summary>As <see cref="LogSigningKey.CreateFile"/>: owner-only PKCS#8 PEM, public key beside it, never overwriting.</summary>
    public static WitnessKey CreateFile(string pemPath, string name) => new(CheckName(name), P256KeyFiles.CreatePrivateFile(pemPath));

    /// <summary>
    /// The note with this witness's cosignature line appended. Refuses (with <see cref="InvalidOperationException"/>)
    /// a note the log's key did not validly sign, one with any failing known signature, or one this witness has
    /// already cosigned.
    /// </summary>
    /// <param name="log">The log's public key and origin this witness vouches for.</param>
    /// <exception cref="CheckpointFormatException">when the note is malformed.</exception>
    public string Cosign(string signedNoteText, CheckpointVerifier log, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(log);
        const string source = "the checkpoint to cosign";
        var verification = log.Verify(signedNoteText, source);
        if (!verification.IsAccepted)
        {
            throw new InvalidOperationException($"Refusing to cosign: {verification.Problem}");
        }

        var note = verification.Note;
        if (note.Signatures.Any(s => s.KeyName == Name && s.KeyId == KeyId))
        {
            throw new InvalidOperationException($"Refusing to cosign: {source} already carries a cosignature by witness '{Name}'.");
        }

        var time = now.ToUnixTimeSeconds();
        if (time < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(now), "A cosignature time cannot be before 1970.");
        }

        var signature = CheckpointMessages.SignDer(_key, CheckpointMessages.Cosigned(note.Text, time));
        return note.WithSignature(new NoteSignature(Name, KeyId, Cosignature.Body(time, signature))).Format();
    }

    public void Dispose() => _key.Dispose();

    // Checked before any file is read or written, so a bad name never leaves a new key file behind.
    private static string CheckName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return KeyNames.IsValid(name)
            ? name
            : throw new ArgumentException($"The witness name '{name}' is not a valid key name: {KeyNames.Rule}.", nameof(name));
    }
}
