namespace JustCulture.Persistence.DecisionLog.PersonalData;

/// <summary>
/// The entry fields that hold a case's personal data, numbered as in the leaf data (docs/log-format.md §1.1).
/// The number is part of each sealed field's associated data, so a sealed value cannot be moved to another field.
/// </summary>
public enum PersonalField
{
    SubjectStaffRef = 5,
    Rationale = 11,
    InformalNotAppropriate = 12,
}

/// <summary>The plaintext of one entry's personal fields; all null and <paramref name="Erased"/> true once its case's key is erased.</summary>
public sealed record OpenedFields(string? SubjectStaffRef, string? Rationale, string? InformalNotAppropriate, bool Erased)
{
    /// <summary>What an entry whose case's key was destroyed opens to: nothing.</summary>
    public static OpenedFields ErasedFields { get; } = new(null, null, null, Erased: true);

    /// <summary>The stored text as it is, for entries that have nothing sealed.</summary>
    public static OpenedFields Clear(DecisionLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.SubjectStaffRef, entry.Rationale, entry.InformalNotAppropriate, Erased: false);
    }
}
