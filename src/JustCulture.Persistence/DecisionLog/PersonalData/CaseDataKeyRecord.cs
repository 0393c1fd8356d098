namespace JustCulture.Persistence.DecisionLog.PersonalData;

/// <summary>
/// One case's data key, wrapped under the key-wrapping key derived from the log's signing key
/// (docs/log-format.md §1.4). Erasing the case's personal data destroys the wrapped key and keeps the row, so
/// the record that (and when) it was erased stays; the database refuses to replace a key or delete a row.
/// </summary>
public sealed class CaseDataKeyRecord
{
    public Guid ConcernId { get; set; }

    /// <summary><c>kw1:</c> and base64 of nonce ‖ ciphertext ‖ tag; null once erased.</summary>
    public string? WrappedKey { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? ErasedAtUtc { get; set; }
}
