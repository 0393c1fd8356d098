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

/// <summary>A breakdown dimension of a year's headcount (docs/domain/beyond-the-indicator.md).</summary>
public enum HeadcountDimension
{
    Band,
    StaffGroup,
    LengthOfService,
    Directorate,
}

/// <summary>
/// A year's headcount snapshot as the reports count it: people by WRES group, and by group within each breakdown
/// category. Counted from the people (offline) or by GROUP BY in the database (live), so the live cost does not
/// follow the number of staff.
/// </summary>
public sealed class SnapshotHeadcount
{
    private readonly Dictionary<WresGroup, int> _byGroup;
    private readonly Dictionary<HeadcountDimension, Dictionary<string, Dictionary<WresGroup, int>>> _byCategory = [];

    public SnapshotHeadcount(IReadOnlyDictionary<WresGroup, int> byGroup)
    {
        ArgumentNullException.ThrowIfNull(byGroup);
        _byGroup = Enum.GetValues<WresGroup>().ToDictionary(g => g, g => byGroup.TryGetValue(g, out var n) ? n : 0);
    }

    public static readonly SnapshotHeadcount Empty = new(new Dictionary<WresGroup, int>());

    public IReadOnlyDictionary<WresGroup, int> ByGroup => _byGroup;

    /// <summary>The people of a snapshot counted by group and by every breakdown category.</summary>
    public static SnapshotHeadcount Of(IReadOnlyCollection<ReportPerson> people, ReportingYear year)
    {
        ArgumentNullException.ThrowIfNull(people);
        var headcount = new SnapshotHeadcount(people.GroupBy(p => p.Group).ToDictionary(g => g.Key, g => g.Count()));
        foreach (var dimension in Enum.GetValues<HeadcountDimension>())
        {
            headcount.Set(dimension, people.GroupBy(p => CategoryOf(dimension, p, year), StringComparer.Ordinal)
                .Select(g => (g.Key, g.GroupBy(p => p.Group).ToDictionary(x => x.Key, x => x.Count()))));
        }

        return headcount;
    }

    /// <summary>The category a person of the year's snapshot is counted in for a dimension.</summary>
    public static string CategoryOf(HeadcountDimension dimension, ReportPerson person, ReportingYear year)
    {
        ArgumentNullException.ThrowIfNull(person);
        return dimension switch
        {
            HeadcountDimension.Band => person.Band,
            HeadcountDimension.StaffGroup => person.StaffGroup,
            HeadcountDimension.LengthOfService => person.Erased ? StaffPopulation.ErasedAttribute : FunnelCalculator.ServiceBand(person.StartDate, year.SnapshotDate),
            HeadcountDimension.Directorate => person.Directorate,
            _ => throw new ArgumentOutOfRangeException(nameof(dimension)),
        };
    }

    /// <summary>Sets a dimension's counts: (category, count by group) pairs.</summary>
    public void Set(HeadcountDimension dimension, IEnumerable<(string Category, Dictionary<WresGroup, int> ByGroup)> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        _byCategory[dimension] = counts.ToDictionary(c => c.Category, c => c.ByGroup, StringComparer.Ordinal);
    }

    /// <summary>Category → group → headcount; empty when the dimension was not counted.</summary>
    public IReadOnlyDictionary<string, Dictionary<WresGroup, int>> By(HeadcountDimension dimension) =>
        _byCategory.TryGetValue(dimension, out var counts) ? counts : new Dictionary<string, Dictionary<WresGroup, int>>(StringComparer.Ordinal);
}

/// <summary>
/// Who was employed, as the reports need it: each reporting year's headcount snapshot (the 31 March
/// position) counted by group and breakdown category, the people of that snapshot the reports look up, and the
/// staff records to fall back on for someone counted in a year's cases but absent from its snapshot; and, for
/// people whose case data was erased, the group they were counted in, frozen at erasure. Built from the database
/// for live reports (headcounts by GROUP BY, people only those counted) and from staff files for offline
/// recomputation, so the same pure calculations serve both.
/// </summary>
public sealed class StaffPopulation
{
    private readonly Dictionary<ReportingYear, SnapshotHeadcount> _headcounts;
    private readonly Dictionary<ReportingYear, Dictionary<string, ReportPerson>> _snapshots;
    private readonly Dictionary<string, ReportPerson> _records;
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<ReportingYear, (WresGroup Group, PersonSource Source)>> _erased;

    /// <summary>From whole snapshots (staff files, tests): the headcounts are counted from their people.</summary>
    /// <param name="erased">People whose case data was erased at the end of retention, by their erasure pseudonym:
    /// the group and its source they were counted with in each year, frozen at erasure (<see cref="CaseSubjects"/>).</param>
    public StaffPopulation(IReadOnlyDictionary<ReportingYear, IReadOnlyList<ReportPerson>> snapshots, IEnumerable<ReportPerson> staffRecords,
        IReadOnlyDictionary<string, IReadOnlyDictionary<ReportingYear, (WresGroup Group, PersonSource Source)>>? erased = null)
        : this(Count(snapshots), snapshots, staffRecords, erased)
    {
    }

    /// <param name="headcounts">Each year's snapshot counted; a year is absent when it has no snapshot.</param>
    /// <param name="snapshotPeople">Of each year's snapshot, at least everyone the reports look up.</param>
    public StaffPopulation(IReadOnlyDictionary<ReportingYear, SnapshotHeadcount> headcounts, IReadOnlyDictionary<ReportingYear, IReadOnlyList<ReportPerson>> snapshotPeople,
        IEnumerable<ReportPerson> staffRecords, IReadOnlyDictionary<string, IReadOnlyDictionary<ReportingYear, (WresGroup Group, PersonSource Source)>>? erased = null)
    {
        ArgumentNullException.ThrowIfNull(headcounts);
        ArgumentNullException.ThrowIfNull(snapshotPeople);
        ArgumentNullException.ThrowIfNull(staffRecords);
        _headcounts = headcounts.ToDictionary(h => h.Key, h => h.Value);
        _snapshots = snapshotPeople.ToDictionary(s => s.Key, s => s.Value.ToDictionary(p => p.StaffRef, StringComparer.Ordinal));
        _records = staffRecords.ToDictionary(p => p.StaffRef, StringComparer.Ordinal);
        _erased = erased ?? new Dictionary<string, IReadOnlyDictionary<ReportingYear, (WresGroup, PersonSource)>>(StringComparer.Ordinal);
    }

    private static Dictionary<ReportingYear, SnapshotHeadcount> Count(IReadOnlyDictionary<ReportingYear, IReadOnlyList<ReportPerson>> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        return snapshots.ToDictionary(s => s.Key, s => SnapshotHeadcount.Of(s.Value, s.Key));
    }

    /// <summary>What a breakdown shows for the band, staff group and directorate of someone whose case data was erased.</summary>
    public const string ErasedAttribute = "Erased at the end of retention";

    public bool HasSnapshot(ReportingYear year) => _headcounts.ContainsKey(year);

    /// <summary>The year's headcount; all zero when no snapshot was imported.</summary>
    public SnapshotHeadcount Headcount(ReportingYear year) =>
        _headcounts.TryGetValue(year, out var headcount) ? headcount : SnapshotHeadcount.Empty;

    /// <summary>The people of the year's snapshot this population holds: all of them when built from whole
    /// snapshots; live, only those the reports look up. Empty when none was imported.</summary>
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
