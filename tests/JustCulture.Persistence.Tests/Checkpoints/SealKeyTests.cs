using System.Security.Cryptography;
using System.Text;
using JustCulture.Persistence.DecisionLog.Checkpoints;

namespace JustCulture.Persistence.Tests.Checkpoints;

/// <summary>docs/log-format.md §1.3: the entry-seal key is derived from the log's private key, and only from it.</summary>
public sealed class SealKeyTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void DerivesTheSameSealKeyGivenTheSameKeyFile()
    {
        var path = _folder.File("log.pem");
        using var created = LogSigningKey.CreateFile(path);
        using var loaded = LogSigningKey.Load(path);

        loaded.SealKey.ShouldBe(created.SealKey);
        loaded.SealKey.Length.ShouldBe(32);
    }

    [Fact]
    public void DerivesDifferentSealKeysGivenDifferentKeys()
    {
        using var one = CheckpointSamples.NewLogKey();
        using var two = CheckpointSamples.NewLogKey();

        one.SealKey.ShouldNotBe(two.SealKey);
    }

    [Fact]
    public void FollowsHkdfSha256OverThePrivateScalar()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var key = LogSigningKey.FromPem(ecdsa.ExportPkcs8PrivateKeyPem());
        var scalar = ecdsa.ExportParameters(includePrivateParameters: true).D!;

        // RFC 5869 by hand: extract with an all-zero salt of hash length, then one expand block.
        var pseudoRandomKey = HMACSHA256.HashData(new byte[32], scalar);
        byte[] firstBlockInput = [.. Encoding.UTF8.GetBytes("justculture/entry-seal/v1"), 0x01];
        var expected = HMACSHA256.HashData(pseudoRandomKey, firstBlockInput);

        scalar.Length.ShouldBe(32);
        key.SealKey.ShouldBe(expected);
    }
}
