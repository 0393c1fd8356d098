using System.Security.Cryptography;
using System.Text;
using JustCulture.Persistence.DecisionLog.Checkpoints;

namespace JustCulture.Persistence.Tests.Checkpoints;

/// <summary>docs/log-format.md §2 key files: PKCS#8 and SubjectPublicKeyInfo PEM, P-256 only, errors naming the file.</summary>
public sealed class KeyFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void WritesAnOwnerOnlyKeyAndItsPublicKeyBesideItGivenCreateFile()
    {
        var path = _folder.File("log.pem");

        using var created = LogSigningKey.CreateFile(path);

        File.ReadAllText(path).ShouldStartWith("-----BEGIN PRIVATE KEY-----\n");
        var publicPath = _folder.File("log.pub.pem");
        LogSigningKey.PublicKeyPathFor(path).ShouldBe(publicPath);
        File.ReadAllText(publicPath).ShouldStartWith("-----BEGIN PUBLIC KEY-----\n");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        using var loaded = LogSigningKey.Load(path);
        loaded.PublicKey.Fingerprint.ShouldBe(created.PublicKey.Fingerprint);
        LogPublicKey.Load(publicPath).Fingerprint.ShouldBe(created.PublicKey.Fingerprint);
    }

    [Theory]
    [InlineData("log.pem")]
    [InlineData("log.pub.pem")]
    public void RefusesToOverwriteGivenAnExistingFile(string existing)
    {
        File.WriteAllText(_folder.File(existing), "keep me");

        var error = Should.Throw<IOException>(() => LogSigningKey.CreateFile(_folder.File("log.pem")));

        error.Message.ShouldContain(_folder.File(existing));
        error.Message.ShouldContain("refusing to overwrite");
        File.ReadAllText(_folder.File(existing)).ShouldBe("keep me");
        Directory.GetFiles(_folder.Path).Length.ShouldBe(1);
    }

    [Fact]
    public void NamesTheFileGivenAMissingKey()
    {
        var path = _folder.File("absent.pem");

        var error = Should.Throw<CheckpointKeyException>(() => LogSigningKey.Load(path));

        error.Message.ShouldBe($"{path}: the key file does not exist");
        Should.Throw<CheckpointKeyException>(() => LogPublicKey.Load(path)).Message.ShouldStartWith(path + ": ");
        Should.Throw<CheckpointKeyException>(() => WitnessKey.Load(path, "w")).Message.ShouldStartWith(path + ": ");
    }

    [Fact]
    public void NamesTheFileGivenADirectory()
    {
        Should.Throw<CheckpointKeyException>(() => LogSigningKey.Load(_folder.Path))
            .Message.ShouldBe($"{_folder.Path}: this is a directory, not a key file");
    }

    [UnreadableFilesFact]
    public void NamesTheFileGivenAnUnreadableKey()
    {
        var path = WriteKey("locked.pem", ECDsa.Create(ECCurve.NamedCurves.nistP256).ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.None);
        }

        Should.Throw<CheckpointKeyException>(() => LogSigningKey.Load(path))
            .Message.ShouldBe($"{path}: the key file cannot be read (permission denied)");
    }

    [Fact]
    public void NamesTheFileGivenGarbage()
    {
        var path = _folder.File("garbage.pem");
        File.WriteAllBytes(path, RandomNumberGenerator.GetBytes(200));

        var error = Should.Throw<CheckpointKeyException>(() => LogSigningKey.Load(path));

        error.Message.ShouldBe($"{path}: not a PEM key file (expected a PEM block '-----BEGIN PRIVATE KEY-----')");
        error.ShouldBeAssignableTo<FormatException>();
    }

    [Fact]
    public void NamesTheFileGivenAnRsaKey()
    {
        using var rsa = RSA.Create(2048);
        var path = WriteKey("rsa.pem", rsa.ExportPkcs8PrivateKeyPem());

        Should.Throw<CheckpointKeyException>(() => LogSigningKey.Load(path))
            .Message.ShouldBe($"{path}: the file holds an RSA key, not an EC P-256 key");
    }

    [Fact]
    public void NamesTheFileGivenAnRsaPublicKey()
    {
        using var rsa = RSA.Create(2048);
        var path = WriteKey("rsa.pub.pem", rsa.ExportSubjectPublicKeyInfoPem());

        Should.Throw<CheckpointKeyException>(() => LogPublicKey.Load(path))
            .Message.ShouldBe($"{path}: the file holds an RSA key, not an EC P-256 key");
    }

    [Fact]
    public void NamesTheFileAndCurveGivenAP384Key()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var path = WriteKey("p384.pem", p384.ExportPkcs8PrivateKeyPem());
        var publicPath = WriteKey("p384.pub.pem", p384.ExportSubjectPublicKeyInfoPem());

        Should.Throw<CheckpointKeyException>(() => LogSigningKey.Load(path))
            .Message.ShouldBe($"{path}: the file holds an EC key on P-384, not P-256 (prime256v1)");
        Should.Throw<CheckpointKeyException>(() => LogPublicKey.Load(publicPath))
            .Message.ShouldBe($"{publicPath}: the file holds an EC key on P-384, not P-256 (prime256v1)");
    }

    [Fact]
    public void SaysHowToConvertGivenASec1Key()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var path = WriteKey("sec1.pem", key.ExportECPrivateKeyPem());

        var error = Should.Throw<CheckpointKeyException>(() => LogSigningKey.Load(path));

        error.Message.ShouldStartWith($"{path}: expected a PEM block '-----BEGIN PRIVATE KEY-----', found '-----BEGIN EC PRIVATE KEY-----'");
        error.Message.ShouldContain("openssl pkcs8 -topk8 -nocrypt");
    }

    [Fact]
    public void SaysWhichKindGivenAPublicKeyWhereAPrivateOneBelongs()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var publicPath = WriteKey("log.pub.pem", key.ExportSubjectPublicKeyInfoPem());
        var privatePath = WriteKey("log.pem", key.ExportPkcs8PrivateKeyPem());

        Should.Throw<CheckpointKeyException>(() => LogSigningKey.Load(publicPath))
            .Message.ShouldContain("this is a public key, not a private key");
        Should.Throw<CheckpointKeyException>(() => LogPublicKey.Load(privatePath))
            .Message.ShouldContain("write its public key with 'openssl pkey -pubout'");
    }

    [Fact]
    public void NamesTheFileGivenAPemBlockThatIsNotAKey()
    {
        var path = WriteKey("junk.pem", PemEncoding.WriteString("PRIVATE KEY", Encoding.ASCII.GetBytes("not DER at all")));

        Should.Throw<CheckpointKeyException>(() => LogSigningKey.Load(path))
            .Message.ShouldBe($"{path}: the PEM block is not a PKCS#8 private key");
    }

    [Fact]
    public void RoundTripsThePublicKeyThroughPem()
    {
        using var key = CheckpointSamples.NewLogKey();

        var pem = key.PublicKey.ToPem();
        var again = LogPublicKey.FromPem(pem);

        pem.ShouldStartWith("-----BEGIN PUBLIC KEY-----\n");
        again.SubjectPublicKeyInfo().ShouldBe(key.PublicKey.SubjectPublicKeyInfo());
        again.ToPem().ShouldBe(pem);
    }

    [Fact]
    public void ComputesKeyIdAndFingerprintOverTheSubjectPublicKeyInfo()
    {
        using var key = CheckpointSamples.NewLogKey();
        var spki = key.PublicKey.SubjectPublicKeyInfo();
        var hash = SHA256.HashData([.. Encoding.UTF8.GetBytes("example.org/log"), 0x0A, 0x02, .. spki]);

        key.PublicKey.KeyId("example.org/log", NoteSignatureType.Ecdsa)
            .ShouldBe((uint)(hash[0] << 24 | hash[1] << 16 | hash[2] << 8 | hash[3]));
        key.PublicKey.KeyId("example.org/log", NoteSignatureType.Cosignature)
            .ShouldNotBe(key.PublicKey.KeyId("example.org/log", NoteSignatureType.Ecdsa));
        key.PublicKey.Fingerprint.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(spki)));
    }

    [Fact]
    public void WritesAWitnessKeyLikeTheLogKey()
    {
        var path = _folder.File("witness.pem");

        using var created = WitnessKey.CreateFile(path, "witness.example/board");
        using var loaded = WitnessKey.Load(path, "witness.example/board");

        loaded.PublicKey.Fingerprint.ShouldBe(created.PublicKey.Fingerprint);
        LogPublicKey.Load(_folder.File("witness.pub.pem")).Fingerprint.ShouldBe(created.PublicKey.Fingerprint);
        Should.Throw<IOException>(() => WitnessKey.CreateFile(path, "witness.example/board"));
    }

    [Fact]
    public void WritesNoFileGivenAnInvalidWitnessName()
    {
        Should.Throw<ArgumentException>(() => WitnessKey.CreateFile(_folder.File("w.pem"), "two words"));

        Directory.GetFiles(_folder.Path).ShouldBeEmpty();
    }

    private string WriteKey(string name, string pem)
    {
        var path = _folder.File(name);
        File.WriteAllText(path, pem + "\n");
        return path;
    }
}
