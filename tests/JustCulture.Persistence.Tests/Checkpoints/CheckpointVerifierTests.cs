using System.Security.Cryptography;
using System.Text;
using JustCulture.Persistence.DecisionLog.Checkpoints;

namespace JustCulture.Persistence.Tests.Checkpoints;

/// <summary>docs/log-format.md §2: the log's signature over the checkpoint text, and how a verifier judges a note.</summary>
public sealed class CheckpointVerifierTests : IDisposable
{
    private const string Source = "the proof's checkpoint";
    private readonly LogSigningKey _log = CheckpointSamples.NewLogKey();

    public void Dispose() => _log.Dispose();

    [Fact]
    public void AcceptsGivenANoteSignedByTheLogsKey()
    {
        var checkpoint = CheckpointSamples.At(2914);
        var note = _log.SignCheckpoint(checkpoint);

        var result = Verifier().Verify(note, Source);

        result.IsAccepted.ShouldBeTrue(result.Problem);
        result.LogSignatureVerified.ShouldBeTrue();
        result.Checkpoint.ShouldBe(checkpoint);
        result.Cosignatures.ShouldBeEmpty();
        result.Note.Format().ShouldBe(note);
    }

    [Fact]
    public void WritesTheNoteAsTheFormatSays()
    {
        var checkpoint = CheckpointSamples.At(2914);

        var note = SignedNote.Parse(_log.SignCheckpoint(checkpoint), Source);

        note.Text.ShouldBe(checkpoint.Text);
        var line = note.Signatures.ShouldHaveSingleItem();
        line.KeyName.ShouldBe(CheckpointSamples.Origin);
        line.KeyId.ShouldBe(_log.PublicKey.KeyId(CheckpointSamples.Origin, NoteSignatureType.Ecdsa));
        // Checked with .NET's ECDSA directly: DER signature, SHA-256, over exactly the text's UTF-8 bytes.
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(_log.PublicKey.SubjectPublicKeyInfo(), out _);
        ecdsa.VerifyData(Encoding.UTF8.GetBytes(checkpoint.Text), line.Signature.Span, HashAlgorithmName.SHA256,
            DSASignatureFormat.Rfc3279DerSequence).ShouldBeTrue();
    }

    [Fact]
    public void RejectsNamingBothKeyIdsGivenANoteSignedByAnotherKey()
    {
        using var other = CheckpointSamples.NewLogKey();
        var note = other.SignCheckpoint(CheckpointSamples.At(2914));

        var result = Verifier().Verify(note, Source);

        result.IsAccepted.ShouldBeFalse();
        result.LogSignatureVerified.ShouldBeFalse();
        var expectedId = NoteSignature.FormatKeyId(_log.PublicKey.KeyId(CheckpointSamples.Origin, NoteSignatureType.Ecdsa));
        var foundId = NoteSignature.FormatKeyId(other.PublicKey.KeyId(CheckpointSamples.Origin, NoteSignatureType.Ecdsa));
        result.Problem.ShouldBe(
            $"{Source}: not signed by the log's key (key id {expectedId} expected for '{CheckpointSamples.Origin}', found '{CheckpointSamples.Origin}' {foundId})");
    }

    [Fact]
    public void RejectsGivenOneFlippedCharacterInTheText()
    {
        var note = _log.SignCheckpoint(CheckpointSamples.At(2914));
        var rootStart = note.IndexOf("\n2914\n", StringComparison.Ordinal) + 6;

        var result = Verifier().Verify(CheckpointSamples.FlipCharacter(note, rootStart + 5), Source);

        result.IsAccepted.ShouldBeFalse();
        result.Problem.ShouldStartWith($"{Source}: the log's signature (key id ");
        result.Problem.ShouldEndWith("does not verify: the text or the signature has been altered");
    }

    [Fact]
    public void RejectsGivenAnotherSize()
    {
        var note = _log.SignCheckpoint(CheckpointSamples.At(2914));

        Verifier().Verify(note.Replace("\n2914\n", "\n2915\n", StringComparison.Ordinal), Source).IsAccepted.ShouldBeFalse();
    }

    [Fact]
    public void RejectsGivenOneFlippedByteInTheSignature()
    {
        var note = SignedNote.Parse(_log.SignCheckpoint(CheckpointSamples.At(2914)), Source);
        var line = note.Signatures[0];
        var signature = line.Signature.ToArray();
        signature[^1] ^= 0x01;
        var tampered = new SignedNote(note.Text, [new NoteSignature(line.KeyName, line.KeyId, signature)]);

        var result = Verifier().Verify(tampered.Format(), Source);

        result.IsAccepted.ShouldBeFalse();
        result.Problem.ShouldNotBeNull().ShouldContain("the log's signature");
    }

    [Fact]
    public void RejectsGivenASignatureThatIsNotDer()
    {
        var note = SignedNote.Parse(_log.SignCheckpoint(CheckpointSamples.At(1)), Source);
        var line = note.Signatures[0];
        var garbled = new SignedNote(note.Text, [new NoteSignature(line.KeyName, line.KeyId, [1, 2, 3])]);

        Verifier().Verify(garbled.Format(), Source).IsAccepted.ShouldBeFalse();
    }

    [Fact]
    public void IgnoresSignatureLinesFromUnknownKeys()
    {
        var note = SignedNote.Parse(_log.SignCheckpoint(CheckpointSamples.At(2914)), Source)
            .WithSignature(new NoteSignature("stranger.example", 0xDEADBEEF, [1, 2, 3]))
            // Same name as the log, other key id: an unknown key too (C2SP: both must match).
            .WithSignature(new NoteSignature(CheckpointSamples.Origin, 0x12345678, [1, 2, 3]));

        var result = Verifier().Verify(note.Format(), Source);

        result.IsAccepted.ShouldBeTrue(result.Problem);
    }

    [Fact]
    public void RejectsGivenASecondFailingSignatureByTheLogsKey()
    {
        var note = SignedNote.Parse(_log.SignCheckpoint(CheckpointSamples.At(2914)), Source);
        var keyId = note.Signatures[0].KeyId;

        var result = Verifier().Verify(note.WithSignature(new NoteSignature(CheckpointSamples.Origin, keyId, [1, 2, 3])).Format(), Source);

        result.IsAccepted.ShouldBeFalse();
    }

    [Fact]
    public void RejectsGivenAnotherLogsOrigin()
    {
        var note = _log.SignCheckpoint(CheckpointSamples.At(5, origin: "other.example/log"));

        var result = Verifier().Verify(note, Source);

        result.Problem.ShouldBe($"{Source}: the checkpoint is for origin 'other.example/log', not this log's '{CheckpointSamples.Origin}'");
    }

    [Fact]
    public void ThrowsNamingTheSourceGivenAMalformedNote()
    {
        Should.Throw<CheckpointFormatException>(() => Verifier().Verify("not a note", Source))
            .Message.ShouldStartWith(Source + ": ");
    }

    private CheckpointVerifier Verifier() => new(_log.PublicKey, CheckpointSamples.Origin);
}
