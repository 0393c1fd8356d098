using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using JustCulture.Persistence.DecisionLog.Checkpoints;

namespace JustCulture.Persistence.Tests.Checkpoints;

/// <summary>docs/log-format.md §2: witness cosignatures (cosignature/v1 message, key id ‖ time ‖ DER signature).</summary>
public sealed class CosignatureTests : IDisposable
{
    private const string Source = "the export's checkpoint";
    private const string WitnessName = "witness.example/trust-board";
    private static readonly DateTimeOffset CosignedAt = CheckpointSamples.SignedAt.AddMinutes(2);

    private readonly LogSigningKey _log = CheckpointSamples.NewLogKey();
    private readonly WitnessKey _witness = CheckpointSamples.NewWitness(WitnessName);

    public void Dispose()
    {
        _log.Dispose();
        _witness.Dispose();
    }

    [Fact]
    public void VerifiesGivenACosignatureByAKnownWitness()
    {
        var note = _log.SignCheckpoint(CheckpointSamples.At(2914));

        var cosigned = _witness.Cosign(note, LogOnly(), CosignedAt);
        var result = WithWitness(_witness.PublicKey).Verify(cosigned, Source);

        cosigned.ShouldStartWith(note);
        result.IsAccepted.ShouldBeTrue(result.Problem);
        result.Witnesses.ShouldBe([WitnessName]);
        result.Cosignatures.ShouldHaveSingleItem().CosignedAt.ShouldBe(CosignedAt);
    }

    [Fact]
    public void LaysOutTheLineAsTheFormatSays()
    {
        var checkpoint = CheckpointSamples.At(2914);

        var cosigned = SignedNote.Parse(_witness.Cosign(_log.SignCheckpoint(checkpoint), LogOnly(), CosignedAt), Source);

        var line = cosigned.Signatures[^1];
        line.KeyName.ShouldBe(WitnessName);
        var spki = _witness.PublicKey.SubjectPublicKeyInfo();
        var id = SHA256.HashData([.. Encoding.UTF8.GetBytes(WitnessName), 0x0A, 0x04, .. spki]);
        line.KeyId.ShouldBe(BinaryPrimitives.ReadUInt32BigEndian(id));
        var body = line.Signature.Span;
        BinaryPrimitives.ReadInt64BigEndian(body).ShouldBe(CosignedAt.ToUnixTimeSeconds());
        var message = Encoding.UTF8.GetBytes($"cosignature/v1\ntime {CosignedAt.ToUnixTimeSeconds()}\n{checkpoint.Text}");
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(spki, out _);
        ecdsa.VerifyData(message, body[8..], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence).ShouldBeTrue();
    }

    [Fact]
    public void CountsNoWitnessGivenACosignatureByAnotherKeyUnderTheWitnesssName()
    {
        using var impostor = CheckpointSamples.NewWitness(WitnessName);
        var cosigned = impostor.Cosign(_log.SignCheckpoint(CheckpointSamples.At(2914)), LogOnly(), CosignedAt);

        var result = WithWitness(_witness.PublicKey).Verify(cosigned, Source);

        // Another key id under a known name is an unknown key: ignored, so the note stands on the log's signature alone.
        result.IsAccepted.ShouldBeTrue(result.Problem);
        result.Witnesses.ShouldBeEmpty();
    }

    [Fact]
    public void RejectsGivenACosignatureOverAnotherCheckpoint()
    {
        var first = _witness.Cosign(_log.SignCheckpoint(CheckpointSamples.At(2900)), LogOnly(), CosignedAt);
        var cosignatureLine = SignedNote.Parse(first, Source).Signatures[^1];
        var second = SignedNote.Parse(_log.SignCheckpoint(CheckpointSamples.At(2914)), Source).WithSignature(cosignatureLine);

        var result = WithWitness(_witness.PublicKey).Verify(second.Format(), Source);

        result.IsAccepted.ShouldBeFalse();
        result.LogSignatureVerified.ShouldBeTrue();
        result.Witnesses.ShouldBeEmpty();
        result.Problem.ShouldBe(
            $"{Source}: the cosignature by witness '{WitnessName}' (key id {cosignatureLine.KeyIdHex}) does not verify for this checkpoint");
    }

    [Fact]
    public void RejectsGivenACosignatureWhoseTimeWasChanged()
    {
        var cosigned = SignedNote.Parse(_witness.Cosign(_log.SignCheckpoint(CheckpointSamples.At(2914)), LogOnly(), CosignedAt), Source);
        var line = cosigned.Signatures[^1];
        var body = line.Signature.ToArray();
        BinaryPrimitives.WriteInt64BigEndian(body, CosignedAt.ToUnixTimeSeconds() + 1);
        var tampered = new SignedNote(cosigned.Text, [cosigned.Signatures[0], new NoteSignature(line.KeyName, line.KeyId, body)]);

        WithWitness(_witness.PublicKey).Verify(tampered.Format(), Source).IsAccepted.ShouldBeFalse();
    }

    [Fact]
    public void RefusesToCosignGivenANoteNotSignedByTheLog()
    {
        using var other = CheckpointSamples.NewLogKey();
        var forged = other.SignCheckpoint(CheckpointSamples.At(2914));

        var error = Should.Throw<InvalidOperationException>(() => _witness.Cosign(forged, LogOnly(), CosignedAt));

        error.Message.ShouldContain("Refusing to cosign: the checkpoint to cosign: not signed by the log's key");
    }

    [Fact]
    public void RefusesToCosignGivenAnAlteredText()
    {
        var note = _log.SignCheckpoint(CheckpointSamples.At(2914)).Replace("\n2914\n", "\n2915\n", StringComparison.Ordinal);

        Should.Throw<InvalidOperationException>(() => _witness.Cosign(note, LogOnly(), CosignedAt))
            .Message.ShouldContain("does not verify");
    }

    [Fact]
    public void RefusesToCosignTwice()
    {
        var once = _witness.Cosign(_log.SignCheckpoint(CheckpointSamples.At(2914)), LogOnly(), CosignedAt);

        Should.Throw<InvalidOperationException>(() => _witness.Cosign(once, LogOnly(), CosignedAt.AddSeconds(5)))
            .Message.ShouldContain("already carries a cosignature");
    }

    [Fact]
    public void VerifiesEachOfTwoWitnesses()
    {
        using var second = CheckpointSamples.NewWitness("witness.example/auditor");
        var note = _log.SignCheckpoint(CheckpointSamples.At(2914));
        var both = second.Cosign(_witness.Cosign(note, LogOnly(), CosignedAt), LogOnly(), CosignedAt.AddSeconds(30));

        var verifier = new CheckpointVerifier(_log.PublicKey, CheckpointSamples.Origin, new Dictionary<string, LogPublicKey>
        {
            [WitnessName] = _witness.PublicKey,
            ["witness.example/auditor"] = second.PublicKey,
        });
        var result = verifier.Verify(both, Source);

        result.IsAccepted.ShouldBeTrue(result.Problem);
        result.Witnesses.ShouldBe([WitnessName, "witness.example/auditor"]);
    }

    private CheckpointVerifier LogOnly() => new(_log.PublicKey, CheckpointSamples.Origin);

    private CheckpointVerifier WithWitness(LogPublicKey witnessKey) =>
        new(_log.PublicKey, CheckpointSamples.Origin, new Dictionary<string, LogPublicKey> { [WitnessName] = witnessKey });
}
