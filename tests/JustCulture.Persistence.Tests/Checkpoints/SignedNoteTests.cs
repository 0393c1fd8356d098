using System.Text;
using JustCulture.Persistence.DecisionLog.Checkpoints;

namespace JustCulture.Persistence.Tests.Checkpoints;

/// <summary>C2SP signed-note parsing, strict, and writing back byte for byte.</summary>
public class SignedNoteTests
{
    private const string Source = "/srv/checkpoints/checkpoint-000000002914.txt";
    private const string Signature = "\u2014 example.org/log AAAAAAEC\n";

    [Fact]
    public void WritesBackByteForByteGivenAParsedNote()
    {
        // Text with an empty line of its own: the signatures start after the last blank line.
        var note = "first line\n\nsecond part\n\n\u2014 example.org/log AQIDBAUG\n\u2014 witness-x.example AQIDBAc=\n";

        var parsed = SignedNote.Parse(note, Source);

        parsed.Text.ShouldBe("first line\n\nsecond part\n");
        parsed.Signatures.Count.ShouldBe(2);
        parsed.Signatures[0].KeyName.ShouldBe("example.org/log");
        parsed.Signatures[0].KeyId.ShouldBe(0x01020304u);
        parsed.Signatures[0].Signature.ToArray().ShouldBe(new byte[] { 5, 6 });
        parsed.Signatures[1].KeyIdHex.ShouldBe("01020304");
        parsed.Format().ShouldBe(note);
        SignedNote.Parse(Encoding.UTF8.GetBytes(note), Source).Format().ShouldBe(note);
    }

    [Fact]
    public void ReadsNonAsciiTextGivenValidUtf8()
    {
        var note = "trust \u00e9 \U0001F600\n\n" + Signature;

        SignedNote.Parse(Encoding.UTF8.GetBytes(note), Source).Text.ShouldBe("trust \u00e9 \U0001F600\n");
    }

    [Fact]
    public void ReadsAHundredSignaturesButNotMore()
    {
        var hundred = "text\n\n" + string.Concat(Enumerable.Repeat(Signature, 100));

        SignedNote.Parse(hundred, Source).Signatures.Count.ShouldBe(100);
        var error = Should.Throw<CheckpointFormatException>(() => SignedNote.Parse(hundred + Signature, Source));
        error.Message.ShouldContain("at most 100");
    }

    [Theory]
    [InlineData("text\n" + Signature, "no blank line separates the text from the signatures")]
    [InlineData("text\n\n", "no signature lines")]
    [InlineData("text\n\n\u2014 example.org/log AAAAAAEC", "does not end in a newline")]
    [InlineData("te\txt\n\n" + Signature, "control character (U+0009) on line 1")]
    [InlineData("text\r\n\n" + Signature, "control character (U+000D) on line 1")]
    [InlineData("text\n\n- example.org/log AAAAAAEC\n", "line 3: a signature line must start with an em dash")]
    [InlineData("text\n\n\u2014example.org/log AAAAAAEC\n", "line 3: a signature line must start with an em dash")]
    [InlineData("text\n\n" + Signature + "\u2014 example.org/log\n", "line 4: a signature line needs a key name, a space and a signature")]
    [InlineData("text\n\n\u2014  AAAAAAEC\n", "line 3: the key name is not valid")]
    [InlineData("text\n\n\u2014 a+b AAAAAAEC\n", "line 3: the key name is not valid")]
    [InlineData("text\n\n\u2014 example.org/log AAAAAAE\n", "line 3: the signature is not base64")]
    [InlineData("text\n\n\u2014 example.org/log AAAAAAF=\n", "line 3: the signature is not base64")]
    [InlineData("text\n\n\u2014 example.org/log AAAA AAEC\n", "line 3: the signature is not base64")]
    [InlineData("text\n\n\u2014 example.org/log AAAA-_EC\n", "line 3: the signature is not base64")]
    [InlineData("text\n\n\u2014 example.org/log AAAAAA==\n", "line 3: the signature is too short")]
    public void RejectsNamingTheSourceGivenAMalformedNote(string note, string expected)
    {
        var error = Should.Throw<CheckpointFormatException>(() => SignedNote.Parse(note, Source));

        error.Message.ShouldStartWith(Source + ": ");
        error.Message.ShouldContain(expected);
        error.SourceName.ShouldBe(Source);
    }

    [Fact]
    public void RejectsGivenBytesThatAreNotUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes("text\n\n" + Signature);
        bytes[1] = 0xC3; // starts a two-byte sequence that 'x' does not continue

        var error = Should.Throw<CheckpointFormatException>(() => SignedNote.Parse(bytes, Source));

        error.Message.ShouldBe(Source + ": the note is not valid UTF-8 (at byte 1)");
    }

    [Fact]
    public void RejectsGivenAByteOrderMark()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("text\n\n" + Signature)).ToArray();

        Should.Throw<CheckpointFormatException>(() => SignedNote.Parse(bytes, Source)).Message.ShouldContain("byte-order mark");
    }

    [Fact]
    public void RejectsGivenAnUnpairedSurrogate()
    {
        Should.Throw<CheckpointFormatException>(() => SignedNote.Parse("te\ud800xt\n\n" + Signature, Source))
            .Message.ShouldContain("not valid UTF-8");
    }

    [Fact]
    public void AppendsASignatureLineGivenWithSignature()
    {
        var note = SignedNote.Parse("text\n\n" + Signature, Source);

        var more = note.WithSignature(new NoteSignature("witness.example", 0xA0B0C0D0, [9, 9]));

        more.Format().ShouldBe("text\n\n" + Signature + "\u2014 witness.example oLDA0AkJ\n");
        note.Signatures.Count.ShouldBe(1);
    }
}
