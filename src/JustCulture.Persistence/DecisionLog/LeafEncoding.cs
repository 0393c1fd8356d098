using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace JustCulture.Persistence.DecisionLog;

/// <summary>
/// The bytes of an entry that are hashed into the tree and sealed (docs/log-format.md §1.1): a version byte,
/// then fifteen length-prefixed fields. Length prefixes make the encoding unambiguous in any language, which
/// is what lets the verifier in tools/ recompute every leaf without our code. Both versions encode the same
/// fields; in version 2 a case's personal fields are in their stored, sealed text (§1.4), so destroying a
/// case's key later changes no byte that is hashed.
/// </summary>
public static class LeafEncoding
{
    /// <summary>Every field clear: entries written before personal fields were sealed.</summary>
    public const int ClearFieldsVersion = 1;

    /// <summary>A case's personal fields sealed under its data key (docs/log-format.md §1.4).</summary>
    public const int SealedFieldsVersion = 2;

    /// <summary>The version the writer writes.</summary>
    public const int CurrentVersion = SealedFieldsVersion;

    public static bool IsKnownVersion(int version) => version is ClearFieldsVersion or SealedFieldsVersion;

    /// <exception cref="InvalidDataException">the entry's leaf version is neither 1 nor 2.</exception>
    public static byte[] LeafData(DecisionLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!IsKnownVersion(entry.LeafVersion))
        {
            throw new InvalidDataException($"Entry id {entry.EntryId} has leaf version {entry.LeafVersion}; only 1 and 2 exist.");
        }

        var buffer = new byte[MaxLeafInputLength(entry)];
        var length = WriteLeafInput(entry, buffer);
        return buffer.AsSpan(1, length - 1).ToArray();
    }

    /// <summary>
    /// An upper bound on <see cref="WriteLeafInput"/>'s length for <paramref name="entry"/>, so a caller can size (or
    /// rent) its buffer once and the encoding itself never allocates.
    /// </summary>
    public static int MaxLeafInputLength(DecisionLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var length = FixedInputLength;
        foreach (var text in (ReadOnlySpan<string?>)[entry.EventType, entry.SubjectStaffRef, entry.DefinitionId, entry.ActivityId, entry.Question,
                     entry.Answer, entry.Rationale, entry.InformalNotAppropriate, entry.ActorId, entry.ActorRole])
        {
            length += text is null ? 0 : Encoding.UTF8.GetMaxByteCount(text.Length);
        }

        return length;
    }

    /// <summary>
    /// Writes the RFC 9162 leaf prefix 0x00 and then the leaf data (docs/log-format.md §1.1) into
    /// <paramref name="destination"/> (at least <see cref="MaxLeafInputLength"/> bytes) and returns the length
    /// written: SHA-256 of all of it is the leaf hash, and the bytes after the first are what the seal covers.
    /// Fields are written as UTF-8 straight into the buffer, so verifying a million entries allocates nothing per entry.
    /// </summary>
    /// <exception cref="InvalidDataException">the entry's leaf version is neither 1 nor 2.</exception>
    public static int WriteLeafInput(DecisionLogEntry entry, Span<byte> destination)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!IsKnownVersion(entry.LeafVersion))
        {
            throw new InvalidDataException($"Entry id {entry.EntryId} has leaf version {entry.LeafVersion}; only 1 and 2 exist.");
        }

        var writer = new LeafInputWriter(destination, entry.LeafVersion);
        writer.Formatted<long>(entry.EntryId, default);
        writer.Text(entry.EventType);
        writer.Formatted(entry.ConcernId, "D");
        writer.Formatted(entry.WorkflowInstanceId, "D");
        writer.Text(entry.SubjectStaffRef);
        writer.Text(entry.DefinitionId);
        writer.Formatted(entry.DefinitionVersion, default);
        writer.Text(entry.ActivityId);
        writer.Text(entry.Question);
        writer.Text(entry.Answer);
        writer.Text(entry.Rationale);
        writer.Text(entry.InformalNotAppropriate);
        writer.Text(entry.ActorId);
        writer.Text(entry.ActorRole);
        writer.Timestamp(entry.OccurredAtUtc);
        return writer.Length;
    }

    /// <summary>The fixed part of <see cref="MaxLeafInputLength"/>: prefix and version, fifteen tags and length prefixes, six non-text fields (each under 64 bytes of text).</summary>
    internal const int FixedInputLength = 2 + (15 * 5) + (6 * 64);

    /// <summary>RFC 9162 leaf hash of the entry, in lower-case hex as the leaves table stores it.</summary>
    public static string LeafHashHex(DecisionLogEntry entry) => Convert.ToHexStringLower(LeafHash(entry));

    public static byte[] LeafHash(DecisionLogEntry entry) => Merkle.MerkleHashing.LeafHash(LeafData(entry));

    /// <summary>Microsecond precision: the finest every supported database stores, so a stored entry encodes
    /// the same after a round trip.</summary>
    public static DateTime NormaliseTimestamp(DateTime utc)
    {
        var ticks = DateTime.SpecifyKind(utc, DateTimeKind.Utc).Ticks;
        return new DateTime(ticks - (ticks % 10), DateTimeKind.Utc);
    }

    /// <summary>The text form of a time in leaf data and exports (docs/log-format.md §1.1).</summary>
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static string FormatTimestamp(DateTime utc) => NormaliseTimestamp(utc).ToString(TimestampFormat, CultureInfo.InvariantCulture);
}

/// <summary>
/// Writes a leaf input field by field (docs/log-format.md §1.1), in the order <see cref="LeafEncoding.WriteLeafInput"/>
/// gives them: from an entry's properties, or straight from a row's stored UTF-8 when the verifier reads without strings.
/// </summary>
internal ref struct LeafInputWriter
{
    private readonly Span<byte> _destination;
    private int _at;

    /// <summary>Writes the RFC 9162 leaf prefix 0x00 and the version byte.</summary>
    public LeafInputWriter(Span<byte> destination, int version)
    {
        _destination = destination;
        _destination[0] = 0x00;
        _destination[1] = (byte)version;
        _at = 2;
    }

    public readonly int Length => _at;

    /// <summary>An absent field: 0x00.</summary>
    public void Absent() => _destination[_at++] = 0x00;

    // A present field: 0x01, its UTF-8 length as four big-endian bytes, then the bytes; an absent one: 0x00.
    public void Text(string? text)
    {
        if (text is null)
        {
            Absent();
            return;
        }

        Present(Encoding.UTF8.GetBytes(text, _destination[(_at + 5)..]));
    }

    /// <summary>A text field already in UTF-8 (as a database stores it).</summary>
    public void Utf8(ReadOnlySpan<byte> text)
    {
        text.CopyTo(_destination[(_at + 5)..]);
        Present(text.Length);
    }

    public void Formatted<T>(T? value, ReadOnlySpan<char> format)
        where T : struct, IUtf8SpanFormattable
    {
        if (value is not { } present)
        {
            Absent();
            return;
        }

        if (!present.TryFormat(_destination[(_at + 5)..], out var length, format, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("The leaf buffer is smaller than MaxLeafInputLength.");
        }

        Present(length);
    }

    public void Timestamp(DateTime utc) => Formatted((DateTime?)LeafEncoding.NormaliseTimestamp(utc), LeafEncoding.TimestampFormat);

    private void Present(int length)
    {
        _destination[_at] = 0x01;
        BinaryPrimitives.WriteUInt32BigEndian(_destination[(_at + 1)..], (uint)length);
        _at += 5 + length;
    }
}

/// <summary>
/// The application's seal on an entry (docs/log-format.md §1.3): HMAC-SHA256 of its leaf data. Only a holder of
/// the signing key can make one, so a row someone inserts into the table directly — even with the
/// application's own database rights — is recognised as not written by the application.
/// </summary>
public static class EntrySeal
{
    public static string Compute(ReadOnlySpan<byte> sealKey, DecisionLogEntry entry) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(sealKey, LeafEncoding.LeafData(entry)));

    /// <summary>
    /// Whether <paramref name="seal"/> (the entry's stored seal, lower-case hex) is the HMAC of <paramref name="leafData"/>
    /// under the key <paramref name="hmac"/> was made with — the allocation-free form the verifier uses for every entry.
    /// </summary>
    public static bool IsValid(IncrementalHash hmac, string? seal, ReadOnlySpan<byte> leafData)
    {
        ArgumentNullException.ThrowIfNull(hmac);
        Span<byte> stored = stackalloc byte[32];
        // Compute writes lower-case hex, so a seal in any other spelling was not written by the application.
        if (seal is not { Length: 64 } || seal.AsSpan().ContainsAnyInRange('A', 'F')
            || Convert.FromHexString(seal, stored, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[32];
        hmac.AppendData(leafData);
        hmac.GetHashAndReset(expected);
        return CryptographicOperations.FixedTimeEquals(expected, stored);
    }

    public static bool IsValid(ReadOnlySpan<byte> sealKey, DecisionLogEntry entry)
    {
        if (entry.Seal is not { Length: 64 } seal || !LeafEncoding.IsKnownVersion(entry.LeafVersion))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(sealKey, entry));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(seal));
    }
}
