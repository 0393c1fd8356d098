using System.Security.Cryptography;
using System.Text;

namespace JustCulture.Persistence.DecisionLog.Checkpoints;

/// <summary>
/// The log's private key: it signs checkpoints (key name = the origin) and yields the entry-seal key
/// (docs/log-format.md §1.3 and §2). Keep one per server; dispose it when done.
/// </summary>
public sealed class LogSigningKey : IDisposable
{
    private static readonly byte[] SealInfo = Encoding.UTF8.GetBytes("justculture/entry-seal/v1");
    private static readonly byte[] CaseKeyWrapInfo = Encoding.UTF8.GetBytes("justculture/case-data-key-wrap/v1");

    private readonly ECDsa _key;
    private readonly byte[] _sealKey;
    private readonly byte[] _caseKeyWrappingKey;

    private LogSigningKey(ECDsa key)
    {
        _key = key;
        PublicKey = LogPublicKey.Of(key);
        _sealKey = DeriveKey(key, SealInfo);
        _caseKeyWrappingKey = DeriveKey(key, CaseKeyWrapInfo);
    }

    public LogPublicKey PublicKey { get; }

    /// <summary>
    /// The HMAC key for entry seals: HKDF-SHA256 with the private scalar as input key material (32 bytes,
    /// big-endian), no salt, info <c>justculture/entry-seal/v1</c>, 32 bytes out. A copy.
    /// </summary>
    public byte[] SealKey => (byte[])_sealKey.Clone();

    /// <summary>
    /// The AES-256-GCM key that wraps each case's data key (docs/log-format.md §1.4): HKDF-SHA256 as for
    /// <see cref="SealKey"/>, info <c>justculture/case-data-key-wrap/v1</c>. So a copy of the database alone opens
    /// no personal field: it takes the server's signing key too. A copy.
    /// </summary>
    public byte[] CaseKeyWrappingKey => (byte[])_caseKeyWrappingKey.Clone();

    /// <exception cref="CheckpointKeyException">naming the file: missing, unreadable, not PEM, not a PKCS#8 P-256 key.</exception>
    public static LogSigningKey Load(string pemPath) => new(P256KeyFiles.LoadPrivate(pemPath));

    /// <exception cref="CheckpointKeyException">naming <paramref name="sourceName"/>.</exception>
    public static LogSigningKey FromPem(string pem, string sourceName = "the log's private key")
    {
        ArgumentNullException.ThrowIfNull(pem);
        return new(P256KeyFiles.PrivateFromPem(pem, sourceName));
    }

    /// <summary>
    /// Generates a key, writes it as PKCS#8 PEM readable by its owner only, and its public key beside it
    /// (<see cref="PublicKeyPathFor"/>). Refuses, with <see cref="IOException"/>, when either file exists.
    /// </summary>
    public static LogSigningKey CreateFile(string pemPath) => new(P256KeyFiles.CreatePrivateFile(pemPath));

    /// <summary>Where <see cref="CreateFile"/> writes the public key: <c>log.pem</c> → <c>log.pub.pem</c>.</summary>
    public static string PublicKeyPathFor(string pemPath) => P256KeyFiles.PublicKeyPathFor(pemPath);

    /// <summary>The whole signed note: the checkpoint text, a blank line and the log's signature line.</summary>
    public string SignCheckpoint(Checkpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        var text = checkpoint.Text;
        var signature = CheckpointMessages.SignDer(_key, CheckpointMessages.LogSigned(text));
        var line = new NoteSignature(checkpoint.Origin, PublicKey.KeyId(checkpoint.Origin, NoteSignatureType.Ecdsa), signature);
        return new SignedNote(text, [line]).Format();
    }

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_sealKey);
        CryptographicOperations.ZeroMemory(_caseKeyWrappingKey);
        _key.Dispose();
    }

    private static byte[] DeriveKey(ECDsa key, byte[] info)
    {
        var parameters = key.ExportParameters(includePrivateParameters: true);
        var scalar = new byte[32];
        try
        {
            var d = parameters.D!;
            // Left-padded to the curve's 32 bytes, so every implementation feeds HKDF the same input.
            d.CopyTo(scalar, scalar.Length - d.Length);
            return HKDF.DeriveKey(HashAlgorithmName.SHA256, scalar, 32, salt: [], info: info);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(scalar);
            if (parameters.D is { } d)
            {
                CryptographicOperations.ZeroMemory(d);
            }
        }
    }
}
