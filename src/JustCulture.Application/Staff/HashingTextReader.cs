using System.Security.Cryptography;
using System.Text;

namespace JustCulture.Application.Staff;

/// <summary>
/// Passes a file's text through while taking its SHA-256 (of the text as UTF-8, as
/// <see cref="StaffImportPreview.HashOf"/> does), so a confirmed import checks it is the previewed file without
/// holding the whole text in memory.
/// </summary>
internal sealed class HashingTextReader(TextReader inner) : TextReader
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly Encoder _utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetEncoder();
    private byte[] _bytes = new byte[4096];

    public override int Peek() => inner.Peek();

    public override int Read()
    {
        var c = inner.Read();
        if (c >= 0)
        {
            Span<char> one = [(char)c];
            Add(one, flush: false);
        }

        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var read = inner.Read(buffer);
        Add(buffer[..read], flush: false);
        return read;
    }

    /// <summary>The hash of the whole text: whatever the reader's caller left unread is read (and hashed) first.</summary>
    public string HashHex()
    {
        var rest = new char[8192];
        while (Read(rest, 0, rest.Length) > 0)
        {
        }

        Add([], flush: true);
        return Convert.ToHexStringLower(_hash.GetHashAndReset());
    }

    private void Add(ReadOnlySpan<char> chars, bool flush)
    {
        var needed = _utf8.GetByteCount(chars, flush);
        if (needed > _bytes.Length)
        {
            _bytes = new byte[needed];
        }

        var written = _utf8.GetBytes(chars, _bytes, flush);
        _hash.AppendData(_bytes, 0, written);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }

        base.Dispose(disposing);
    }
}
