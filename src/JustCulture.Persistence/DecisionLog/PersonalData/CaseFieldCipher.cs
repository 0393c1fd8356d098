using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace JustCulture.Persistence.DecisionLog.PersonalData;

/// <summary>
/// The bytes of crypto-shredding (docs/log-format.md §1.4): a case's personal fields sealed with AES-256-GCM
/// under the case's own data key, and that key wrapped under a key derived from the log's signing key. The log
/// hashes and seals the sealed text, so destroying the case key later changes no hashed byte.
/// </summary>
public static class CaseFieldCipher
{
    public const string FieldPrefix = "pd1:";
    public const string WrappedKeyPrefix = "kw1:";
    public const int KeySize = 32;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>
    /// Whether an entry's personal fields are stored sealed. Decided by the entry's clear, hashed fields — never by
    /// looking for the prefix — so a plaintext that happens to start with <c>pd1:</c> is never mistaken for one.
    /// Erasure records are written after the key is gone and carry no free text, so they stay clear.
    /// </summary>
    public static bool HoldsSealedFields(DecisionLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.LeafVersion >= LeafEncoding.SealedFieldsVersion && entry.ConcernId is not null
            && !string.Equals(entry.EventType, LogEventTypes.PersonalDataErased, StringComparison.Ordinal);
    }

    /// <summary>Binds a sealed field to its case, entry and field, so it cannot be copied to another and still open.</summary>
    public static byte[] AssociatedData(Guid concernId, long entryId, PersonalField field) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"justculture/case-field/v1\n{concernId.ToString("D")}\n{entryId}\n{(int)field}"));

    public static string? Seal(ReadOnlySpan<byte> caseKey, Guid concernId, long entryId, PersonalField field, string? plaintext) =>
        plaintext is null ? null : FieldPrefix + Encrypt(caseKey, Encoding.UTF8.GetBytes(plaintext), AssociatedData(concernId, entryId, field));

    /// <summary>Null when the sealed text does not open under this key (wrong key, changed bytes, not a sealed field).</summary>
    public static bool TryOpen(ReadOnlySpan<byte> caseKey, Guid concernId, long entryId, PersonalField field, string? stored, out string? plaintext)
    {
        plaintext = null;
        if (stored is null)
        {
            return true;
        }

        if (!stored.StartsWith(FieldPrefix, StringComparison.Ordinal)
            || Decrypt(caseKey, stored[FieldPrefix.Length..], AssociatedData(concernId, entryId, field)) is not { } bytes)
        {
            return false;
        }

        try
        {
            plaintext = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    public static string Wrap(ReadOnlySpan<byte> wrappingKey, Guid concernId, ReadOnlySpan<byte> caseKey) =>
        WrappedKeyPrefix + Encrypt(wrappingKey, caseKey, WrapAssociatedData(concernId));

    /// <summary>Null when the wrapped key does not open under this wrapping key (another server's key, changed bytes).</summary>
    public static byte[]? Unwrap(ReadOnlySpan<byte> wrappingKey, Guid concernId, string wrapped)
    {
        ArgumentNullException.ThrowIfNull(wrapped);
        if (!wrapped.StartsWith(WrappedKeyPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var key = Decrypt(wrappingKey, wrapped[WrappedKeyPrefix.Length..], WrapAssociatedData(concernId));
        return key is { Length: KeySize } ? key : null;
    }

    private static byte[] WrapAssociatedData(Guid concernId) => Encoding.UTF8.GetBytes(concernId.ToString("D"));

    private static string Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var output = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceSize, plaintext.Length), output.AsSpan(NonceSize + plaintext.Length), associatedData);
        return Convert.ToBase64String(output);
    }

    private static byte[]? Decrypt(ReadOnlySpan<byte> key, string base64, ReadOnlySpan<byte> associatedData)
    {
        byte[] input;
        try
        {
            input = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }

        if (input.Length < NonceSize + TagSize)
        {
            return null;
        }

        var length = input.Length - NonceSize - TagSize;
        var plaintext = new byte[length];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize, length), input.AsSpan(NonceSize + length), plaintext, associatedData);
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }
}
