using JustCulture.Application.Reports;
using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Reporting;
using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Retention;

/// <summary>A person's WRES group as the reports counted them in one reporting year, and where it came from.</summary>
public sealed record FrozenGroup(ReportingYear Year, WresGroup Group, PersonSource Source)
{
    /// <summary>"2023-24=Bme/Snapshot": the stored form, by enum name, because the log is read by machines.</summary>
    public string Stored => CaseSubjects.FormatFrozenGroups([(Year, Group, Source)]);
}

/// <summary>
/// Step one of an erasure: the person's group for every reporting year any of their cases has an entry in, found
/// by the very rule the reports use (<see cref="StaffPopulation.Find"/>), so past indicator-3 figures are the same
/// once the case can no longer be linked to the person. Only this person's snapshot rows and staff record are read.
/// </summary>
internal static class FrozenGroups
{
    public static async Task<IReadOnlyList<FrozenGroup>> ComputeAsync(JustCultureDbContext db, string staffRef, IReadOnlyCollection<Guid> concernIds,
        CancellationToken cancellationToken)
    {
        var times = await db.DecisionLog.AsNoTracking().Where(e => e.ConcernId != null && concernIds.Contains(e.ConcernId.Value))
            .Select(e => e.OccurredAtUtc).ToListAsync(cancellationToken);
        var years = times.Select(ReportingYear.Containing).Distinct().Order().ToList();
        var yearTexts = years.Select(y => y.ToString()).ToList();
        var snapshotRows = await db.HeadcountSnapshots.AsNoTracking().Where(h => h.StaffRef == staffRef && yearTexts.Contains(h.Year)).ToListAsync(cancellationToken);
        var snapshots = snapshotRows.GroupBy(h => ReportingYear.Parse(h.Year))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<ReportPerson>)g.Select(ReportPerson.From).ToList());
        var records = (await db.Staff.AsNoTracking().Where(s => s.StaffRef == staffRef).ToListAsync(cancellationToken)).Select(ReportPerson.From);
        var population = new StaffPopulation(snapshots, records);
        return years.Select(year =>
        {
            var (person, source) = population.Find(year, staffRef);
            return new FrozenGroup(year, person.Group, source);
        }).ToList();
    }

    /// <summary>The erasure entry's answer, in the one form the reports read back (<see cref="CaseSubjects.ParseFrozenGroups"/>).</summary>
    public static string Format(IEnumerable<FrozenGroup> groups) => CaseSubjects.FormatFrozenGroups(groups.Select(g => (g.Year, g.Group, g.Source)));
}
