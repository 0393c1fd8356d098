using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Text;

namespace JustCulture.Persistence.DecisionLog.Checkpoints;

/// <summary>
/// Reading and writing the PEM key files of docs/log-format.md §2: PKCS#8 private keys and SubjectPublicKeyInfo
/// public keys, ECDSA on P-256 only. Every refusal names the file and says what it holds instead, because the
/// person reading the error is setting up a server or a witness and needs to know which file to fix.
/// </summary>
internal static class P256KeyFiles
{
    private const string PrivateLabel = "PRIVATE KEY";
    private const string PublicLabel = "PUBLIC KEY";
    private const string EcPublicKeyOid = "1.2.840.10045.2.1";
    private const string P256Oid = "1.2.840.10045.3.1.7";

    private static readonly Dictionary<string, string> AlgorithmNames = new()
    {
        ["1.2.840.113549.1.1.1"] = "an RSA key",
        ["1.2.840.113549.1.1.10"] = "an RSA-PSS key",
        ["1.2.840.10040.4.1"] = "a DSA key",
        ["1.3.101.110"] = "an X25519 key",
        ["1.3.101.111"] = "an X448 key",
        ["1.3.101.112"] = "an Ed25519 key",
        ["1.3.101.113"] = "an Ed448 key",
    };

    private static readonly Dictionary<string, string> CurveNames = new()
    {
        ["1.3.132.0.34"] = "P-384",
        ["1.3.132.0.35"] = "P-521",
        ["1.3.132.0.10"] = "secp256k1",
        ["1.2.840.10045.3.1.1"] = "P-192",
        ["1.3.132.0.33"] = "P-224",
    };

    public static ECDsa LoadPrivate(string path) => PrivateFromPem(ReadKeyFile(path), path);

    public static ECDsa LoadPublic(string path) => PublicFromPem(ReadKeyFile(path), path);

    public static ECDsa PrivateFromPem(string pem, string source)
    {
        var der = FindBlock(pem, source, PrivateLabel);
        CheckAlgorithm(source, () =>
        {
            // PrivateKeyInfo ::= SEQUENCE { version INTEGER, privateKeyAlgorithm AlgorithmIdentifier, ... }
            var info = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
            info.ReadInteger();
            return info.ReadSequence();
        }, "a PKCS#8 private key");
        return Import(source, key => { key.ImportPkcs8PrivateKey(der, out var read); return read; }, der.Length, "private");
    }

    public static ECDsa PublicFromPem(string pem, string source)
    {
        var der = FindBlock(pem, source, PublicLabel);
        CheckAlgorithm(source, () =>
        {
            // SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }
            var info = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
            return info.ReadSequence();
        }, "a SubjectPublicKeyInfo public key");
        return Import(source, key => { key.ImportSubjectPublicKeyInfo(der, out var read); return read; }, der.Length, "public");
    }

    /// <summary><c>log.pem</c> → <c>log.pub.pem</c>; a name without <c>.pem</c> just gets <c>.pub.pem</c> added.</summary>
    public static string PublicKeyPathFor(string privateKeyPath) =>
        (privateKeyPath.EndsWith(".pem", StringComparison.OrdinalIgnoreCase) ? privateKeyPath[..^4] : privateKeyPath) + ".pub.pem";

    /// <summary>
    /// Generates a key and writes it (owner-only) with its public key beside it. Neither file may exist already:
    /// overwriting a signing key would orphan every checkpoint it signed.
    /// </summary>
    public static ECDsa CreatePrivateFile(string path)
    {
        var publicPath = PublicKeyPathFor(path);
        foreach (var target in new[] { path, publicPath })
        {
            if (File.Exists(target) || Directory.Exists(target))
            {
                throw new IOException($"{target}: a file already exists there; refusing to overwrite it.");
            }
        }

        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        try
        {
            WriteNew(path, key.ExportPkcs8PrivateKeyPem() + "\n", ownerOnly: true);
            try
            {
                WriteNew(publicPath, key.ExportSubjectPublicKeyInfoPem() + "\n", ownerOnly: false);
            }
            catch
            {
                // Half a key pair is worse than none: the next attempt would refuse to overwrite it.
                File.Delete(path);
                throw;
            }

            return key;
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    private static void WriteNew(string path, string content, bool ownerOnly)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (ownerOnly && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(path, options);
            stream.Write(Encoding.ASCII.GetBytes(content));
            stream.Flush(flushToDisk: true);
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new IOException($"{path}: a file already exists there; refusing to overwrite it.");
        }
    }

    private static string ReadKeyFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            throw new CheckpointKeyException(path, "this is a directory, not a key file");
        }

        try
        {
            return Encoding.UTF8.GetString(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CheckpointKeyException(path, "the key file does not exist", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new CheckpointKeyException(path, "the key file cannot be read (permission denied)", e);
        }
        catch (IOException e)
        {
            throw new CheckpointKeyException(path, $"the key file cannot be read ({e.Message})", e);
        }
    }

    /// <summary>The DER inside the one PEM block labelled <paramref name="label"/>, or a refusal saying what is there.</summary>
    private static byte[] FindBlock(string pem, string source, string label)
    {
        var blocks = new List<(string Label, byte[] Der)>();
        var rest = pem.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            blocks.Add((rest[fields.Label].ToString(), Convert.FromBase64String(rest[fields.Base64Data].ToString())));
            rest = rest[fields.Location.End..];
        }

        var wanted = blocks.Where(b => b.Label == label).ToList();
        if (wanted.Count == 1)
        {
            return wanted[0].Der;
        }

        if (wanted.Count > 1)
        {
            throw new CheckpointKeyException(source, $"the file holds {wanted.Count} '{label}' blocks; expected one");
        }

        var expected = $"expected a PEM block '-----BEGIN {label}-----'";
        if (blocks.Count == 0)
        {
            throw new CheckpointKeyException(source, $"not a PEM key file ({expected})");
        }

        var found = string.Join(", ", blocks.Select(b => $"'-----BEGIN {b.Label}-----'"));
        var hint = blocks.Select(b => b.Label).FirstOrDefault(l => LabelHints.ContainsKey(l)) is { } known
            ? $"; {LabelHints[known](label)}"
            : "";
        throw new CheckpointKeyException(source, $"{expected}, found {found}{hint}");
    }

    private static readonly Dictionary<string, Func<string, string>> LabelHints = new()
    {
        ["EC PRIVATE KEY"] = wanted => wanted == PrivateLabel
            ? "this is a SEC1 EC key: convert it with 'openssl pkcs8 -topk8 -nocrypt'"
            : "this is a private key: write its public key with 'openssl pkey -pubout'",
        ["ENCRYPTED PRIVATE KEY"] = _ => "the key is encrypted: decrypt it with 'openssl pkcs8 -nocrypt'",
        ["RSA PRIVATE KEY"] = _ => "this is an RSA key, not an EC P-256 key",
        ["PRIVATE KEY"] = _ => "this is a private key: write its public key with 'openssl pkey -pubout'",
        ["PUBLIC KEY"] = _ => "this is a public key, not a private key",
    };

    /// <summary>Reads the AlgorithmIdentifier and refuses anything but id-ecPublicKey on the named curve P-256.</summary>
    private static void CheckAlgorithm(string source, Func<AsnReader> readAlgorithm, string expectedKind)
    {
        string algorithm;
        string? curve;
        try
        {
            var identifier = readAlgorithm();
            algorithm = identifier.ReadObjectIdentifier();
            curve = identifier.HasData && identifier.PeekTag().HasSameClassAndValue(Asn1Tag.ObjectIdentifier)
                ? identifier.ReadObjectIdentifier()
                : null;
        }
        catch (AsnContentException e)
        {
            throw new CheckpointKeyException(source, $"the PEM block is not {expectedKind}", e);
        }

        if (algorithm != EcPublicKeyOid)
        {
            var what = AlgorithmNames.GetValueOrDefault(algorithm, $"a key of algorithm {algorithm}");
            throw new CheckpointKeyException(source, $"the file holds {what}, not an EC P-256 key");
        }

        if (curve is null)
        {
            throw new CheckpointKeyException(source, "the EC key gives explicit curve parameters; only the named curve P-256 (prime256v1) is accepted");
        }

        if (curve != P256Oid)
        {
            var name = CurveNames.GetValueOrDefault(curve, $"curve {curve}");
            throw new CheckpointKeyException(source, $"the file holds an EC key on {name}, not P-256 (prime256v1)");
        }
    }

    private static ECDsa Import(string source, Func<ECDsa, int> import, int length, string kind)
    {
        var key = ECDsa.Create();
        try
        {
            if (import(key) != length)
            {
                throw new CryptographicException("unexpected bytes after the key");
            }

            return key;
        }
        catch (CryptographicException e)
        {
            key.Dispose();
            throw new CheckpointKeyException(source, $"the {kind} key cannot be read ({length} bytes): {e.Message}", e);
        }
    }
}
