namespace JustCulture.Domain.Staff;

/// <summary>The parts of a staff record an import can change (the staff ref is the identity and never changes).
/// Words for people are in <see cref="Vocabulary.Field"/>.</summary>
public enum StaffRecordField
{
    Name,
    EthnicCode,
    Band,
    StaffGroup,
    Directorate,
    StartDate,
    LineManager,
}
