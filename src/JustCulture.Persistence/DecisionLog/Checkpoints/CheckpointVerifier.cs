using System.Buffers.Binary;

namespace JustCulture.Persistence.DecisionLog.Checkpoints;

/// <summary>
/// Checks a signed checkpoint against the log's public key and, optionally, known witnesses' keys
/// (docs/log-format.md §2). Lines from keys it does not know — name and key id both — are ignored; a known key
/// whose signature fails rejects the whole note; so does a note the log's key did not sign.
/// </summary>
public sealed class CheckpointVerifier
{
    private readonly LogPublicKey _logKey;
    private readonly string _origin;
    private readonly uint _logKeyId;
    private readonly Dictionary<string, (LogPublicKey Key, uint KeyId)> _witnesses;

    /// <param name="witnesses">Witness name → public key; the name is part of the key id.</param>
    public CheckpointVerifier(LogPublicKey logKey, string origin, IReadOnlyDictionary<string, LogPublicKey>? witnesses = null)
    {
        ArgumentNullException.ThrowIfNull(logKey);
        ArgumentNullException.ThrowIfNull(origin);
        _logKey = logKey;
        _origin = origin;
        _logKeyId = logKey.KeyId(origin, NoteSignatureType.Ecdsa);
        _witnesses = (witnesses ?? new Dictionary<string, LogPublicKey>()).ToDictionary(
            w => w.Key, w => (w.Value, w.Value.KeyId(w.Key, NoteSignatureType.Cosignature)), StringComparer.Ordinal);
    }

    public string Origin => _origin;

    /// <exception cref="CheckpointFormatException">when the note or its checkpoint text is malformed.</exception>
    public CheckpointVerification Verify(string noteText, string sourceName) =>
        Verify(SignedNote.Parse(noteText, sourceName), sourceName);

    /// <exception cref="CheckpointFormatException">when the note's text is not a checkpoint.</exception>
    public CheckpointVerification Verify(SignedNote note, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(note);
        var checkpoint = Checkpoint.ParseText(note.Text, sourceName);
        var problems = new List<string>();
        var logVerified = VerifyLogSignatures(note, checkpoint, problems);
        var cosignatures = VerifyCosignatures(note, problems);
        var problem = problems.Count == 0 ? null : $"{sourceName}: {problems[0]}";
        return new CheckpointVerification(checkpoint, note, logVerified, cosignatures, problem);
    }

    private bool VerifyLogSignatures(SignedNote note, Checkpoint checkpoint, List<string> problems)
    {
        if (checkpoint.Origin != _origin)
        {
            problems.Add($"the checkpoint is for origin '{checkpoint.Origin}', not this log's '{_origin}'");
            return false;
        }

        var ours = note.Signatures.Where(s => s.KeyName == _origin && s.KeyId == _logKeyId).ToList();
        if (ours.Count == 0)
        {
            var found = note.Signatures.Count == 0
                ? "none"
                : string.Join(", ", note.Signatures.Select(s => $"'{s.KeyName}' {s.KeyIdHex}"));
            problems.Add($"not signed by the log's key (key id {NoteSignature.FormatKeyId(_logKeyId)} expected for '{_origin}', found {found})");
            return false;
        }

        var message = CheckpointMessages.LogSigned(note.Text);
        if (ours.Any(s => !_logKey.Verifies(message, s.Signature.Span)))
        {
            problems.Add($"the log's signature (key id {NoteSignature.FormatKeyId(_logKeyId)}) does not verify: the text or the signature has been altered");
            return false;
        }

        return true;
    }

    private List<WitnessCosignature> VerifyCosignatures(SignedNote note, List<string> problems)
    {
        var valid = new List<WitnessCosignature>();
        foreach (var line in note.Signatures)
        {
            if (!_witnesses.TryGetValue(line.KeyName, out var witness) || witness.KeyId != line.KeyId)
            {
                continue;
            }

            if (Cosignature.Read(line) is not var (time, signature))
            {
                problems.Add($"the cosignature by witness '{line.KeyName}' is malformed (it needs an 8-byte time and a signature)");
                continue;
            }

            if (time > Cosignature.MaxUnixSeconds
                || !witness.Key.Verifies(CheckpointMessages.Cosigned(note.Text, (long)time), signature.Span))
            {
                problems.Add($"the cosignature by witness '{line.KeyName}' (key id {line.KeyIdHex}) does not verify for this checkpoint");
                continue;
            }

            if (valid.All(v => v.WitnessName != line.KeyName))
            {
                valid.Add(new WitnessCosignature(line.KeyName, DateTimeOffset.FromUnixTimeSeconds((long)time)));
            }
        }

        return valid;
    }
}

/// <summary>The body of a cosignature line: an 8-byte big-endian Unix time, then the DER signature.</summary>
internal static class Cosignature
{
    public const ulong MaxUnixSeconds = 253_402_300_799;

    public static (ulong Time, ReadOnlyMemory<byte> Signature)? Read(NoteSignature line)
    {
        var body = line.Signature;
        return body.Length <= 8 ? null : (BinaryPrimitives.ReadUInt64BigEndian(body.Span), body[8..]);
    }

    public static byte[] Body(long unixSeconds, byte[] derSignature)
    {
        var body = new byte[8 + derSignature.Length];
        BinaryPrimitives.WriteInt64BigEndian(body, unixSeconds);
        derSignature.CopyTo(body, 8);
        return body;
    }
}
