using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace JustCulture.Persistence.DecisionLog.Checkpoints;

/// <summary>
/// An ECDSA P-256 public key: the log's, or a witness's. Held as its DER SubjectPublicKeyInfo, which is what key
/// ids and fingerprints are computed over (docs/log-format.md §2).
/// </summary>
public sealed class LogPublicKey
{
    private readonly byte[] _spki;

    private LogPublicKey(ECDsa key)
    {
        // Re-exported rather than kept as read, so the bytes are the one canonical form (named curve,
        // uncompressed point) whatever produced the file.
        _spki = key.ExportSubjectPublicKeyInfo();
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(_spki));
    }

    /// <summary>Lower-case hex SHA-256 of the SubjectPublicKeyInfo: for people comparing keys by eye.</summary>
    public string Fingerprint { get; }

    /// <summary>The DER SubjectPublicKeyInfo (a copy).</summary>
    public byte[] SubjectPublicKeyInfo() => (byte[])_spki.Clone();

    /// <exception cref="CheckpointKeyException">naming the file: missing, unreadable, not PEM, not a P-256 public key.</exception>
    public static LogPublicKey Load(string pemPath)
    {
        using var key = P256KeyFiles.LoadPublic(pemPath);
        return new LogPublicKey(key);
    }

    /// <exception cref="CheckpointKeyException">naming <paramref name="sourceName"/>.</exception>
    public static LogPublicKey FromPem(string pem, string sourceName = "the public key")
    {
        ArgumentNullException.ThrowIfNull(pem);
        using var key = P256KeyFiles.PublicFromPem(pem, sourceName);
        return new LogPublicKey(key);
    }

    internal static LogPublicKey Of(ECDsa key) => new(key);

    /// <summary>The key as a <c>-----BEGIN PUBLIC KEY-----</c> PEM block, ending in a newline.</summary>
    public string ToPem() => PemEncoding.WriteString("PUBLIC KEY", _spki) + "\n";

    /// <summary>
    /// The C2SP signed-note key id: the first 4 bytes, big-endian, of
    /// SHA-256(key name ‖ 0x0A ‖ signature type ‖ SubjectPublicKeyInfo). See <see cref="NoteSignatureType"/>.
    /// </summary>
    public uint KeyId(string keyName, byte signatureType)
    {
        ArgumentNullException.ThrowIfNull(keyName);
        var name = Encoding.UTF8.GetBytes(keyName);
        var input = new byte[name.Length + 2 + _spki.Length];
        name.CopyTo(input, 0);
        input[name.Length] = 0x0A;
        input[name.Length + 1] = signatureType;
        _spki.CopyTo(input, name.Length + 2);
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(input));
    }

    /// <summary>Whether <paramref name="derSignature"/> is this key's ECDSA-SHA256 signature over <paramref name="message"/>.</summary>
    public bool Verifies(ReadOnlySpan<byte> message, ReadOnlySpan<byte> derSignature)
    {
        using var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(_spki, out _);
        try
        {
            return key.VerifyData(message, derSignature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            // A signature that is not even DER is simply not a valid signature.
            return false;
        }
    }

    public override string ToString() => $"P-256 key {Fingerprint}";
}
