using JustCulture.Domain.Ethnicity;

namespace JustCulture.Domain.Staff;

/// <summary>One person of a replaced <see cref="HeadcountSnapshot"/>, as they were counted in it.</summary>
public sealed class ArchivedHeadcountEntry
{
    private ArchivedHeadcountEntry()
    {
        StaffRef = EthnicCode = Band = StaffGroup = Directorate = string.Empty;
    }

    public Guid SnapshotId { get; private set; }
    public string StaffRef { get; private set; }
    public string EthnicCode { get; private set; }
    public WresGroup WresGroup { get; private set; }
    public string Band { get; private set; }
    public string StaffGroup { get; private set; }
    public string Directorate { get; private set; }
    public DateOnly StartDate { get; private set; }

    public static ArchivedHeadcountEntry Of(Guid snapshotId, HeadcountSnapshotEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new()
        {
            SnapshotId = snapshotId,
            StaffRef = entry.StaffRef,
            EthnicCode = entry.EthnicCode,
            WresGroup = entry.WresGroup,
            Band = entry.Band,
            StaffGroup = entry.StaffGroup,
            Directorate = entry.Directorate,
            StartDate = entry.StartDate,
        };
    }
}
