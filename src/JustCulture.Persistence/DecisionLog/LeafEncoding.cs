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

        using var buffer = new MemoryStream(256);
        buffer.WriteByte((byte)entry.LeafVersion);
        Field(buffer, entry.EntryId.ToString(CultureInfo.InvariantCulture));
        Field(buffer, entry.EventType);
        Field(buffer, entry.ConcernId?.ToString("D"));
        Field(buffer, entry.WorkflowInstanceId?.ToString("D"));
        Field(buffer, entry.SubjectStaffRef);
        Field(buffer, entry.DefinitionId);
        Field(buffer, entry.DefinitionVersion?.ToString(CultureInfo.InvariantCulture));
        Field(buffer, entry.ActivityId);
        Field(buffer, entry.Question);
        Field(buffer, entry.Answer);
        Field(buffer, entry.Rationale);
        Field(buffer, entry.InformalNotAppropriate);
        Field(buffer, entry.ActorId);
        Field(buffer, entry.ActorRole);
        Field(buffer, FormatTimestamp(entry.OccurredAtUtc));
        return buffer.ToArray();
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

    private static void Field(MemoryStream buffer, string? text)
    {
        if (text is null)
        {
            buffer.WriteByte(0x00);
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)bytes.Length);
        buffer.WriteByte(0x01);
        buffer.Write(length);
        buffer.Write(bytes);
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
