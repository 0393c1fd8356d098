using System.Security.Cryptography;

namespace JustCulture.Persistence.DecisionLog.PersonalData;

/// <summary>
/// The unwrapped data keys of some cases, loaded once (<see cref="CaseDataProtector.KeyringAsync"/>) to open the
/// personal fields of their entries. Holds keys in memory only for as long as the caller keeps it.
/// </summary>
public sealed class CaseDataKeyring
{
    // Null value: the case's key was erased. A case asked for but absent has no key row at all.
    private readonly Dictionary<Guid, byte[]?> _keys;
    private readonly HashSet<Guid> _asked;

    internal CaseDataKeyring(Dictionary<Guid, byte[]?> keys, IEnumerable<Guid> asked)
    {
        _keys = keys;
        _asked = asked.ToHashSet();
        _asked.UnionWith(keys.Keys);
    }

    public bool IsErased(Guid concernId)
    {
        RequireLoaded(concernId);
        return _keys.TryGetValue(concernId, out var key) && key is null;
    }

    /// <summary>
    /// The entry's personal fields in plaintext. Version 1 entries and entries without a concern: the stored text
    /// as it is. All null and Erased once the case's key is gone.
    /// </summary>
    /// <exception cref="LogIntegrityException">a sealed field does not open (wrong key, changed bytes), or the case has no key.</exception>
    public OpenedFields Open(DecisionLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!CaseFieldCipher.HoldsSealedFields(entry))
        {
            return OpenedFields.Clear(entry);
        }

        var concernId = entry.ConcernId!.Value;
        RequireLoaded(concernId);
        if (!_keys.TryGetValue(concernId, out var key))
        {
            throw new LogIntegrityException($"entry id {entry.EntryId}: its case {concernId} has no data key, so its personal fields cannot be opened: the key's row was removed outside the application", null);
        }

        if (key is null)
        {
            return OpenedFields.ErasedFields;
        }

        return new OpenedFields(
            OpenField(key, entry, PersonalField.SubjectStaffRef, entry.SubjectStaffRef),
            OpenField(key, entry, PersonalField.Rationale, entry.Rationale),
            OpenField(key, entry, PersonalField.InformalNotAppropriate, entry.InformalNotAppropriate),
            Erased: false);
    }

    /// <summary>Seals the entry's personal fields in place (the writer's half).</summary>
    internal void Seal(DecisionLogEntry entry)
    {
        var concernId = entry.ConcernId!.Value;
        if (!_keys.TryGetValue(concernId, out var key))
        {
            throw new InvalidOperationException($"No data key was made for case {concernId}.");
        }

        if (key is null)
        {
            throw new InvalidOperationException($"Case {concernId}'s personal data was erased: nothing more may be written about it.");
        }

        entry.SubjectStaffRef = CaseFieldCipher.Seal(key, concernId, entry.EntryId, PersonalField.SubjectStaffRef, entry.SubjectStaffRef);
        entry.Rationale = CaseFieldCipher.Seal(key, concernId, entry.EntryId, PersonalField.Rationale, entry.Rationale);
        entry.InformalNotAppropriate = CaseFieldCipher.Seal(key, concernId, entry.EntryId, PersonalField.InformalNotAppropriate, entry.InformalNotAppropriate);
    }

    private static string? OpenField(byte[] key, DecisionLogEntry entry, PersonalField field, string? stored) =>
        CaseFieldCipher.TryOpen(key, entry.ConcernId!.Value, entry.EntryId, field, stored, out var plaintext)
            ? plaintext
            : throw new LogIntegrityException($"entry id {entry.EntryId}: its {FieldName(field)} does not open under its case's key: the stored text was changed", null);

    private static string FieldName(PersonalField field) => field switch
    {
        PersonalField.SubjectStaffRef => "subject staff ref",
        PersonalField.Rationale => "rationale",
        _ => "informal-not-appropriate statement",
    };

    private void RequireLoaded(Guid concernId)
    {
        if (!_asked.Contains(concernId))
        {
            throw new InvalidOperationException($"The keyring was not loaded for case {concernId}: ask for every case whose entries you open.");
        }
    }

    /// <summary>Forgets the keys (best effort: the bytes are zeroed).</summary>
    internal void Clear()
    {
        foreach (var key in _keys.Values)
        {
            if (key is not null)
            {
                CryptographicOperations.ZeroMemory(key);
            }
        }
    }
}
