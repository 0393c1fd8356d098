using System.Buffers.Binary;
using System.Text;

namespace JustCulture.Persistence.DecisionLog.Checkpoints;

/// <summary>
/// A C2SP signed note (https://c2sp.org/signed-note): a text ending in a newline, a blank line, then one or more
/// signature lines. Parsing is strict and <see cref="Format"/> gives back exactly the bytes that were parsed.
/// </summary>
public sealed class SignedNote
{
    /// <summary>More would only cost time: the log and a few witnesses sign a checkpoint.</summary>
    public const int MaxSignatures = 100;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public SignedNote(string text, IEnumerable<NoteSignature> signatures)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(signatures);
        if (!text.EndsWith('\n'))
        {
            throw new ArgumentException("A note's text must end in a newline.", nameof(text));
        }

        if (FindBadCharacter(text) is { } bad)
        {
            throw new ArgumentException($"A note's text {bad}.", nameof(text));
        }

        Text = text;
        Signatures = signatures.ToList();
        if (Signatures.Count is 0 or > MaxSignatures)
        {
            throw new ArgumentException($"A note carries 1 to {MaxSignatures} signatures.", nameof(signatures));
        }
    }

    /// <summary>The signed text, including its final newline.</summary>
    public string Text { get; }

    public IReadOnlyList<NoteSignature> Signatures { get; }

    /// <summary>The whole note: text, blank line, one line per signature.</summary>
    public string Format()
    {
        var note = new StringBuilder(Text).Append('\n');
        foreach (var signature in Signatures)
        {
            note.Append(signature.Line).Append('\n');
        }

        return note.ToString();
    }

    /// <summary>This note with one more signature line at the end.</summary>
    public SignedNote WithSignature(NoteSignature signature) => new(Text, Signatures.Append(signature));

    /// <summary>Parses a note read as bytes (e.g. a file): it must be UTF-8, with no byte-order mark.</summary>
    public static SignedNote Parse(ReadOnlySpan<byte> utf8, string sourceName)
    {
        if (utf8.StartsWith("\uFEFF"u8))
        {
            throw new CheckpointFormatException(sourceName, "the note starts with a byte-order mark");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException e)
        {
            throw new CheckpointFormatException(sourceName, $"the note is not valid UTF-8 (at byte {e.Index})");
        }

        return Parse(text, sourceName);
    }

    /// <summary>Parses a whole signed note.</summary>
    /// <exception cref="CheckpointFormatException">naming <paramref name="sourceName"/> and, where it can, the line.</exception>
    public static SignedNote Parse(string note, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(note);
        if (FindBadCharacter(note) is { } bad)
        {
            throw new CheckpointFormatException(sourceName, $"the note {bad}");
        }

        // The text may itself hold blank lines; the signatures start after the last one.
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0)
        {
            throw new CheckpointFormatException(sourceName, "no blank line separates the text from the signatures");
        }

        var text = note[..(split + 1)];
        var block = note[(split + 2)..];
        if (block.Length == 0)
        {
            throw new CheckpointFormatException(sourceName, "the note has no signature lines");
        }

        if (!block.EndsWith('\n'))
        {
            throw new CheckpointFormatException(sourceName, "the last signature line does not end in a newline");
        }

        var firstLine = text.Count(c => c == '\n') + 2;
        var lines = block[..^1].Split('\n');
        if (lines.Length > MaxSignatures)
        {
            throw new CheckpointFormatException(sourceName, $"the note has {lines.Length} signature lines; at most {MaxSignatures} are accepted");
        }

        var signatures = lines.Select((line, i) => ParseSignatureLine(line, firstLine + i, sourceName)).ToList();
        return new SignedNote(text, signatures);
    }

    private static NoteSignature ParseSignatureLine(string line, int lineNumber, string sourceName)
    {
        if (!line.StartsWith(NoteSignature.LinePrefix, StringComparison.Ordinal))
        {
            throw Problem("a signature line must start with an em dash (U+2014) and a space");
        }

        var rest = line[NoteSignature.LinePrefix.Length..];
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            throw Problem("a signature line needs a key name, a space and a signature");
        }

        var name = rest[..space];
        if (!KeyNames.IsValid(name))
        {
            throw Problem($"the key name is not valid ({KeyNames.Rule})");
        }

        if (!StrictBase64.TryDecode(rest[(space + 1)..], out var blob))
        {
            throw Problem("the signature is not base64 (standard alphabet, with padding)");
        }

        if (blob.Length < 5)
        {
            throw Problem("the signature is too short to hold a 4-byte key id and a signature");
        }

        return new NoteSignature(name, BinaryPrimitives.ReadUInt32BigEndian(blob), blob.AsSpan(4));

        CheckpointFormatException Problem(string what) => new(sourceName, $"line {lineNumber}: {what}");
    }

    /// <summary>Control characters other than newline, and text that cannot be UTF-8 (a lone surrogate).</summary>
    private static string? FindBadCharacter(string text)
    {
        var line = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
            }
            else if (c < 0x20)
            {
                return $"contains a control character (U+{(int)c:X4}) on line {line}";
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return $"is not valid UTF-8 (an unpaired surrogate on line {line})";
            }
        }

        return null;
    }
}
