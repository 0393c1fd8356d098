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
        // Prefix and version, fifteen tags and length prefixes, six non-text fields (each under 64 bytes of text).
        var length = 2 + (15 * 5) + (6 * 64);
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

        var at = 0;
        destination[at++] = 0x00;
        destination[at++] = (byte)entry.LeafVersion;
        Formatted<long>(destination, ref at, entry.EntryId, default);
        Text(destination, ref at, entry.EventType);
        Formatted(destination, ref at, entry.ConcernId, "D");
        Formatted(destination, ref at, entry.WorkflowInstanceId, "D");
        Text(destination, ref at, entry.SubjectStaffRef);
        Text(destination, ref at, entry.DefinitionId);
        Formatted(destination, ref at, entry.DefinitionVersion, default);
        Text(destination, ref at, entry.ActivityId);
        Text(destination, ref at, entry.Question);
        Text(destination, ref at, entry.Answer);
        Text(destination, ref at, entry.Rationale);
        Text(destination, ref at, entry.InformalNotAppropriate);
        Text(destination, ref at, entry.ActorId);
        Text(destination, ref at, entry.ActorRole);
        Formatted(destination, ref at, (DateTime?)NormaliseTimestamp(entry.OccurredAtUtc), TimestampFormat);
        return at;
    }

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

    // A present field: 0x01, its UTF-8 length as four big-endian bytes, then the bytes; an absent one: 0x00.
    private static void Text(Span<byte> destination, ref int at, string? text)
    {
        if (text is null)
        {
            destination[at++] = 0x00;
            return;
        }

        var length = Encoding.UTF8.GetBytes(text, destination[(at + 5)..]);
        Present(destination, ref at, length);
    }

    private static void Formatted<T>(Span<byte> destination, ref int at, T? value, ReadOnlySpan<char> format)
        where T : struct, IUtf8SpanFormattable
    {
        if (value is not { } present)
        {
            destination[at++] = 0x00;
            return;
        }

        if (!present.TryFormat(destination[(at + 5)..], out var length, format, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("The leaf buffer is smaller than MaxLeafInputLength.");
        }

        Present(destination, ref at, length);
    }

    private static void Present(Span<byte> destination, ref int at, int length)
    {
        destination[at] = 0x01;
        BinaryPrimitives.WriteUInt32BigEndian(destination[(at + 1)..], (uint)length);
        at += 5 + length;
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
