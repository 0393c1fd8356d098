using System.Buffers.Binary;

namespace JustCulture.Persistence.DecisionLog.Checkpoints;

/// <summary>
/// One signature line of a signed note: <c>— &lt;key name&gt; base64(key id ‖ signature)</c>. Two lines are
/// equal when they are written alike.
/// </summary>
public sealed class NoteSignature : IEquatable<NoteSignature>
{
    public const string LinePrefix = "\u2014 ";

    private readonly byte[] _signature;

    public NoteSignature(string keyName, uint keyId, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(keyName);
        if (!KeyNames.IsValid(keyName))
        {
            throw new ArgumentException($"The key name '{keyName}' is not valid: {KeyNames.Rule}.", nameof(keyName));
        }

        if (signature.IsEmpty)
        {
            throw new ArgumentException("A signature cannot be empty.", nameof(signature));
        }

        KeyName = keyName;
        KeyId = keyId;
        _signature = signature.ToArray();
        var blob = new byte[4 + _signature.Length];
        BinaryPrimitives.WriteUInt32BigEndian(blob, keyId);
        _signature.CopyTo(blob, 4);
        Line = $"{LinePrefix}{keyName} {Convert.ToBase64String(blob)}";
    }

    public string KeyName { get; }

    /// <summary>The 4-byte key id, read big-endian.</summary>
    public uint KeyId { get; }

    /// <summary>The bytes after the key id: what the signature type defines.</summary>
    public ReadOnlyMemory<byte> Signature => _signature;

    /// <summary>The line as written in the note, without its newline.</summary>
    public string Line { get; }

    /// <summary>The key id as people and error messages show it: eight lower-case hex digits.</summary>
    public string KeyIdHex => FormatKeyId(KeyId);

    public static string FormatKeyId(uint keyId) => keyId.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);

    public bool Equals(NoteSignature? other) => other is not null && string.Equals(Line, other.Line, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as NoteSignature);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Line);

    public override string ToString() => Line;
}
