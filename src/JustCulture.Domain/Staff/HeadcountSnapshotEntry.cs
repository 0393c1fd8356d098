using JustCulture.Domain.Ethnicity;

namespace JustCulture.Domain.Staff;

/// <summary>
/// One person counted in a reporting year's headcount (the 31 March position the WRES return uses).
/// Kept per person, not as totals, so breakdowns by band, staff group, service and directorate
/// can be recomputed for any year.
/// </summary>
public sealed class HeadcountSnapshotEntry
{
    private HeadcountSnapshotEntry()
    {
        Year = StaffRef = EthnicCode = Band = StaffGroup = Directorate = string.Empty;
    }

    /// <summary>Reporting year, "2024-25".</summary>
    public string Year { get; private set; }
    public string StaffRef { get; private set; }
    public string EthnicCode { get; private set; }
    public WresGroup WresGroup { get; private set; }
    public string Band { get; private set; }
    public string StaffGroup { get; private set; }
    public string Directorate { get; private set; }
    public DateOnly StartDate { get; private set; }

    public static HeadcountSnapshotEntry From(string year, StaffDetails details) => new()
    {
        Year = year,
        StaffRef = details.StaffRef,
        EthnicCode = details.EthnicCode.Code,
        WresGroup = details.EthnicCode.WresGroup,
        Band = details.Band,
        StaffGroup = details.StaffGroup,
        Directorate = details.Directorate,
        StartDate = details.StartDate,
    };
}
