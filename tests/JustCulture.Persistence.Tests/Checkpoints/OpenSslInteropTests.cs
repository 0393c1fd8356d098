using System.Buffers.Binary;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using JustCulture.Persistence.DecisionLog.Checkpoints;

namespace JustCulture.Persistence.Tests.Checkpoints;

/// <summary>
/// The key files and signatures are the standard ones: keys made by the OpenSSL commands in docs/log-format.md
/// load, and OpenSSL verifies the log's signatures — so an auditor needs nothing of ours to check a checkpoint.
/// </summary>
public sealed class OpenSslInteropTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [OpenSslFact]
    public void LoadsAKeyMadeByTheDocumentedOpenSslCommands()
    {
        var keyPath = MakeOpenSslKey("witness.pem");
        var publicPath = _folder.File("witness.pub.pem");
        Run("pkey", "-in", keyPath, "-pubout", "-out", publicPath);

        using var key = LogSigningKey.Load(keyPath);
        using var witness = WitnessKey.Load(keyPath, "witness.example");

        LogPublicKey.Load(publicPath).Fingerprint.ShouldBe(key.PublicKey.Fingerprint);
        witness.PublicKey.Fingerprint.ShouldBe(key.PublicKey.Fingerprint);
    }

    [OpenSslFact]
    public void OpenSslVerifiesTheLogsSignatureOverTheCheckpointText()
    {
        using var key = LogSigningKey.Load(MakeOpenSslKey("log.pem"));
        var checkpoint = CheckpointSamples.At(2914);
        var line = SignedNote.Parse(key.SignCheckpoint(checkpoint), "the signed note").Signatures.ShouldHaveSingleItem();
        var textPath = WriteBytes("checkpoint.txt", Encoding.UTF8.GetBytes(checkpoint.Text));
        var signaturePath = WriteBytes("sig.der", line.Signature.ToArray());
        var publicPath = _folder.File("pub.pem");
        File.WriteAllText(publicPath, key.PublicKey.ToPem());

        Run("dgst", "-sha256", "-verify", publicPath, "-signature", signaturePath, textPath).ShouldContain("Verified OK");

        // And a signature over other text does not verify: the check above is not vacuous.
        var otherPath = WriteBytes("other.txt", Encoding.UTF8.GetBytes(CheckpointSamples.At(2915).Text));
        Should.Throw<InvalidOperationException>(() =>
            Run("dgst", "-sha256", "-verify", publicPath, "-signature", signaturePath, otherPath));
    }

    [OpenSslFact]
    public void AcceptsACheckpointSignedByOpenSsl()
    {
        var keyPath = MakeOpenSslKey("log.pem");
        var publicPath = _folder.File("log.pub.pem");
        Run("pkey", "-in", keyPath, "-pubout", "-out", publicPath);
        var spkiPath = _folder.File("log.pub.der");
        Run("pkey", "-in", keyPath, "-pubout", "-outform", "DER", "-out", spkiPath);
        var checkpoint = CheckpointSamples.At(2914);
        var textPath = WriteBytes("checkpoint.txt", Encoding.UTF8.GetBytes(checkpoint.Text));
        var signaturePath = _folder.File("sig.der");
        Run("dgst", "-sha256", "-sign", keyPath, "-out", signaturePath, textPath);
        // The key id computed from OpenSSL's own DER public key, independently of our key classes.
        var keyId = BinaryPrimitives.ReadUInt32BigEndian(
            SHA256.HashData([.. Encoding.UTF8.GetBytes(CheckpointSamples.Origin), 0x0A, 0x02, .. File.ReadAllBytes(spkiPath)]));
        var note = new SignedNote(checkpoint.Text, [new NoteSignature(CheckpointSamples.Origin, keyId, File.ReadAllBytes(signaturePath))]);

        var result = new CheckpointVerifier(LogPublicKey.Load(publicPath), CheckpointSamples.Origin).Verify(note.Format(), "openssl's note");

        result.IsAccepted.ShouldBeTrue(result.Problem);
    }

    private string MakeOpenSslKey(string name)
    {
        var path = _folder.File(name);
        var parameters = _folder.File(name + ".sec1");
        Run("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", parameters);
        Run("pkcs8", "-topk8", "-nocrypt", "-in", parameters, "-out", path);
        File.ReadAllText(path).ShouldStartWith("-----BEGIN PRIVATE KEY-----");
        return path;
    }

    private string WriteBytes(string name, byte[] bytes)
    {
        var path = _folder.File(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Runs openssl; its standard output, or an exception with its standard error when it fails.</summary>
    private static string Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(OpenSsl.Path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"openssl {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}{output.Result}");
        }

        return output.Result;
    }
}
