using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Reporting;
using JustCulture.Domain.Staff;

namespace JustCulture.Application.Reports;

/// <summary>One person as a report sees them: WRES group and the attributes breakdowns use.</summary>
/// <param name="Erased">Their case data was erased at the end of retention: only the group is known, and breakdowns
/// count them as <see cref="StaffPopulation.ErasedAttribute"/>.</param>
public sealed record ReportPerson(string StaffRef, WresGroup Group, string Band, string StaffGroup, string Directorate, DateOnly StartDate, bool Erased = false)
{
    public static ReportPerson From(HeadcountSnapshotEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.StaffRef, entry.WresGroup, entry.Band, entry.StaffGroup, entry.Directorate, entry.StartDate);
    }

    public static ReportPerson From(StaffMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return new(member.StaffRef, member.WresGroup, member.Band, member.StaffGroup, member.Directorate, member.StartDate);
    }

    public static ReportPerson From(StaffDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return new(details.StaffRef, details.EthnicCode.WresGroup, details.Band, details.StaffGroup, details.Directorate, details.StartDate);
    }
}

/// <summary>Where a person's group came from when a report counted them.</summary>
public enum PersonSource
{
    /// <summary>The headcount snapshot of the year being reported.</summary>
    Snapshot,

    /// <summary>Absent from that snapshot (e.g. left before 31 March): the staff record instead.</summary>
    StaffRecord,

    /// <summary>In no staff record at all: counted as not stated, never guessed.</summary>
    Unknown,
}

/// <summary>
/// Who was employed, as the reports need it: each reporting year's headcount snapshot (the 31 March
/// position), and the staff records to fall back on for someone counted in a year's cases but absent from its
/// snapshot; and, for people whose case data was erased, the group they were counted in, frozen at erasure. Built from the database for live reports and from staff files for offline recomputation, so the
/// same pure calculations serve both.
/// </summary>
public sealed class StaffPopulation
{
    private readonly Dictionary<ReportingYear, Dictionary<string, ReportPerson>> _snapshots;
    private readonly Dictionary<string, ReportPerson> _records;
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<ReportingYear, (WresGroup Group, PersonSource Source)>> _erased;

    /// <param name="erased">People whose case data was erased at the end of retention, by their erasure pseudonym:
    /// the group and its source they were counted with in each year, frozen at erasure (<see cref="CaseSubjects"/>).</param>
    public StaffPopulation(IReadOnlyDictionary<ReportingYear, IReadOnlyList<ReportPerson>> snapshots, IEnumerable<ReportPerson> staffRecords,
        IReadOnlyDictionary<string, IReadOnlyDictionary<ReportingYear, (WresGroup Group, PersonSource Source)>>? erased = null)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(staffRecords);
        _snapshots = snapshots.ToDictionary(s => s.Key, s => s.Value.ToDictionary(p => p.StaffRef, StringComparer.Ordinal));
        _records = staffRecords.ToDictionary(p => p.StaffRef, StringComparer.Ordinal);
        _erased = erased ?? new Dictionary<string, IReadOnlyDictionary<ReportingYear, (WresGroup, PersonSource)>>(StringComparer.Ordinal);
    }

    /// <summary>What a breakdown shows for the band, staff group and directorate of someone whose case data was erased.</summary>
    public const string ErasedAttribute = "Erased at the end of retention";

    public bool HasSnapshot(ReportingYear year) => _snapshots.ContainsKey(year);

    /// <summary>The year's headcount snapshot; empty when none was imported.</summary>
    public IReadOnlyCollection<ReportPerson> Snapshot(ReportingYear year) =>
        _snapshots.TryGetValue(year, out var snapshot) ? snapshot.Values : [];

    /// <summary>The person as counted in <paramref name="year"/>: from its snapshot, else the staff record.</summary>
    public (ReportPerson Person, PersonSource Source) Find(ReportingYear year, string staffRef)
    {
        if (_erased.TryGetValue(staffRef, out var frozen))
        {
            // Only the group survives erasure; the other attributes went with the case's personal data.
            var (group, source) = frozen.TryGetValue(year, out var counted) ? counted : (WresGroup.NotStated, PersonSource.Unknown);
            return (new ReportPerson(staffRef, group, ErasedAttribute, ErasedAttribute, ErasedAttribute, default, Erased: true), source);
        }

        if (_snapshots.TryGetValue(year, out var snapshot) && snapshot.TryGetValue(staffRef, out var person))
        {
            return (person, PersonSource.Snapshot);
        }

        return _records.TryGetValue(staffRef, out var record)
            ? (record, PersonSource.StaffRecord)
            : (new ReportPerson(staffRef, WresGroup.NotStated, "Unknown", "Unknown", "Unknown", default), PersonSource.Unknown);
    }
}
