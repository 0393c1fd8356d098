using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Reporting;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Reports;

/// <summary>
/// The decision-log reads of the live reports, bounded by the years asked and by the verified tree size. Plain
/// LINQ, so SQLite, PostgreSQL and SQL Server translate it alike; the (event_type, occurred_at_utc) index serves
/// the year filter.
/// </summary>
internal sealed class ReportLogQueries(JustCultureDbContext db, long treeSize, IReadOnlyCollection<ReportingYear> years)
{
    // One range covering every year asked: the calculators pick each year's entries, so a year in between that
    // was not asked for only costs its reading, never changes a figure.
    private readonly DateTime _from = years.Min(y => y.StartUtc);
    private readonly DateTime _to = years.Max(y => y.EndUtc);

    private IQueryable<SequencedEntry> Integrated() =>
        from l in db.DecisionLogLeaves.AsNoTracking()
        join e in db.DecisionLog.AsNoTracking() on l.EntryId equals e.EntryId
        where l.Sequence <= treeSize
        select new SequencedEntry { Sequence = l.Sequence, Entry = e };

    private IQueryable<SequencedEntry> CountedInYears() => Integrated()
        .Where(r => ReportDataLoader.CountedEvents.Contains(r.Entry.EventType) && r.Entry.OccurredAtUtc >= _from && r.Entry.OccurredAtUtc < _to);

    // Joined, not Contains(): an IN over the nullable concern id was planned per row on SQLite, quadratic in the year's entries.
    private IQueryable<Guid?> CasesInYears() => CountedInYears().Where(r => r.Entry.ConcernId != null).Select(r => r.Entry.ConcernId).Distinct();

    /// <summary>
    /// The counted entries of the years, in log order, carrying only what the calculators read: the answer of an
    /// outcome, the raiser of an opening, and no subject (it is resolved per case) except for an entry without a case.
    /// Plus, for the funnel's "reviewed after G or A", the G/A outcomes from before the years of the actions reviewed in them.
    /// </summary>
    public async Task<List<DecisionLogEntry>> CountedAsync(CancellationToken ct)
    {
        var inYears = await Project(CountedInYears()).ToListAsync(ct);
        var reviewed = CountedInYears().Where(r => r.Entry.EventType == LogEventTypes.ReviewDecided && r.Entry.WorkflowInstanceId != null)
            .Select(r => r.Entry.WorkflowInstanceId);
        // Outside the years, so no figure counts them; they only mark those actions as G or A. No case: no subject to open.
        // Filtered on the (event_type, occurred_at_utc) index first; the IN over the year's few reviews is then cheap.
        var earlierOutcomes = await Integrated()
            .Where(r => r.Entry.EventType == LogEventTypes.OutcomeRecorded && (r.Entry.Answer == "G" || r.Entry.Answer == "A")
                && (r.Entry.OccurredAtUtc < _from || r.Entry.OccurredAtUtc >= _to) && reviewed.Contains(r.Entry.WorkflowInstanceId))
            .OrderBy(r => r.Sequence)
            .Select(r => new DecisionLogEntry
            {
                EntryId = r.Entry.EntryId,
                EventType = r.Entry.EventType,
                WorkflowInstanceId = r.Entry.WorkflowInstanceId,
                Answer = r.Entry.Answer,
                OccurredAtUtc = r.Entry.OccurredAtUtc,
            })
            .ToListAsync(ct);
        return [.. inYears, .. earlierOutcomes];
    }

    private static IQueryable<DecisionLogEntry> Project(IQueryable<SequencedEntry> rows) => rows
        .OrderBy(r => r.Sequence)
        .Select(r => new DecisionLogEntry
        {
            EntryId = r.Entry.EntryId,
            LeafVersion = r.Entry.LeafVersion,
            EventType = r.Entry.EventType,
            ConcernId = r.Entry.ConcernId,
            WorkflowInstanceId = r.Entry.WorkflowInstanceId,
            SubjectStaffRef = r.Entry.ConcernId == null ? r.Entry.SubjectStaffRef : null,
            Answer = r.Entry.EventType == LogEventTypes.OutcomeRecorded ? r.Entry.Answer : null,
            ActorId = r.Entry.EventType == LogEventTypes.ConcernOpened ? r.Entry.ActorId : string.Empty,
            OccurredAtUtc = r.Entry.OccurredAtUtc,
        });

    /// <summary>
    /// For each case counted in the years, its first counted entry in the whole log (usually the opening, perhaps
    /// in an earlier year) with its subject as stored (sealed): the subject the case is counted under.
    /// </summary>
    public Task<List<DecisionLogEntry>> FirstSubjectsAsync(CancellationToken ct)
    {
        var first = from r in Integrated()
                    join c in CasesInYears() on r.Entry.ConcernId equals c
                    where ReportDataLoader.CountedEvents.Contains(r.Entry.EventType)
                    group r by r.Entry.ConcernId into g
                    select g.Min(r => r.Sequence);
        return (from r in Integrated() join f in first on r.Sequence equals f select r)
            .Select(r => new DecisionLogEntry
            {
                EntryId = r.Entry.EntryId,
                LeafVersion = r.Entry.LeafVersion,
                EventType = r.Entry.EventType,
                ConcernId = r.Entry.ConcernId,
                SubjectStaffRef = r.Entry.SubjectStaffRef,
                OccurredAtUtc = r.Entry.OccurredAtUtc,
            })
            .ToListAsync(ct);
    }

    /// <summary>
    /// The erasures the counted cases need, in log order: each case's own, and every other erasure under the same
    /// pseudonym (one per person and erasure run), whose frozen groups the pseudonym's are merged from.
    /// </summary>
    public Task<List<DecisionLogEntry>> ErasuresAsync(CancellationToken ct)
    {
        var erasures = Integrated().Where(r => r.Entry.EventType == LogEventTypes.PersonalDataErased);
        var pseudonyms = (from r in erasures join c in CasesInYears() on r.Entry.ConcernId equals c select r.Entry.SubjectStaffRef).Distinct();
        // Every erasure under those pseudonyms includes each case's own (its pseudonym is among them).
        return (from r in erasures join p in pseudonyms on r.Entry.SubjectStaffRef equals p select r)
            .OrderBy(r => r.Sequence)
            .Select(r => new DecisionLogEntry
            {
                EntryId = r.Entry.EntryId,
                EventType = r.Entry.EventType,
                ConcernId = r.Entry.ConcernId,
                SubjectStaffRef = r.Entry.SubjectStaffRef,
                Answer = r.Entry.Answer,
                OccurredAtUtc = r.Entry.OccurredAtUtc,
            })
            .ToListAsync(ct);
    }
}

/// <summary>The staff reads of the live reports: headcounts by GROUP BY, and only the people looked up.</summary>
internal sealed class ReportStaffQueries(JustCultureDbContext db, IReadOnlyCollection<ReportingYear> years)
{
    private readonly List<string> _yearTexts = years.Select(y => y.ToString()).ToList();

    public async Task<StaffPopulation> PopulationAsync(IReadOnlyCollection<string> staffRefs, bool breakdowns,
        IReadOnlyDictionary<string, IReadOnlyDictionary<ReportingYear, (WresGroup Group, PersonSource Source)>> frozen, CancellationToken ct)
    {
        var headcounts = await HeadcountsAsync(breakdowns, ct);
        var snapshotPeople = new Dictionary<ReportingYear, List<ReportPerson>>();
        var records = new List<ReportPerson>();
        foreach (var chunk in ReportDataLoader.Chunks(staffRefs))
        {
            var inSnapshots = await db.HeadcountSnapshots.AsNoTracking()
                .Where(h => _yearTexts.Contains(h.Year) && chunk.Contains(h.StaffRef))
                .Select(h => new { h.Year, Person = new ReportPerson(h.StaffRef, h.WresGroup, h.Band, h.StaffGroup, h.Directorate, h.StartDate, false) })
                .ToListAsync(ct);
            foreach (var row in inSnapshots)
            {
                var year = ReportingYear.Parse(row.Year);
                if (!snapshotPeople.TryGetValue(year, out var people))
                {
                    snapshotPeople[year] = people = [];
                }

                people.Add(row.Person);
            }

            records.AddRange(await db.Staff.AsNoTracking().Where(s => chunk.Contains(s.StaffRef))
                .Select(s => new ReportPerson(s.StaffRef, s.WresGroup, s.Band, s.StaffGroup, s.Directorate, s.StartDate, false))
                .ToListAsync(ct));
        }

        return new StaffPopulation(headcounts, snapshotPeople.ToDictionary(p => p.Key, p => (IReadOnlyList<ReportPerson>)p.Value), records, frozen);
    }

    private async Task<Dictionary<ReportingYear, SnapshotHeadcount>> HeadcountsAsync(bool breakdowns, CancellationToken ct)
    {
        var inYears = db.HeadcountSnapshots.AsNoTracking().Where(h => _yearTexts.Contains(h.Year));
        var byGroup = await inYears.GroupBy(h => new { h.Year, h.WresGroup })
            .Select(g => new { g.Key.Year, g.Key.WresGroup, Count = g.Count() })
            .ToListAsync(ct);
        // A year with no rows has no snapshot, as when the people were read one by one.
        var headcounts = byGroup.GroupBy(r => ReportingYear.Parse(r.Year))
            .ToDictionary(g => g.Key, g => new SnapshotHeadcount(g.ToDictionary(r => r.WresGroup, r => r.Count)));
        if (!breakdowns)
        {
            return headcounts;
        }

        foreach (var (year, headcount) in headcounts)
        {
            var yearText = year.ToString();
            var ofYear = inYears.Where(h => h.Year == yearText);
            headcount.Set(HeadcountDimension.Band, Counts(await ofYear.GroupBy(h => new { Category = h.Band, h.WresGroup })
                .Select(g => new CategoryCount(g.Key.Category, g.Key.WresGroup, g.Count())).ToListAsync(ct)));
            headcount.Set(HeadcountDimension.StaffGroup, Counts(await ofYear.GroupBy(h => new { Category = h.StaffGroup, h.WresGroup })
                .Select(g => new CategoryCount(g.Key.Category, g.Key.WresGroup, g.Count())).ToListAsync(ct)));
            headcount.Set(HeadcountDimension.Directorate, Counts(await ofYear.GroupBy(h => new { Category = h.Directorate, h.WresGroup })
                .Select(g => new CategoryCount(g.Key.Category, g.Key.WresGroup, g.Count())).ToListAsync(ct)));
            headcount.Set(HeadcountDimension.LengthOfService, Counts(await ServiceBandsAsync(ofYear, year, ct)));
        }

        return headcounts;
    }

    /// <summary>
    /// Headcount by length-of-service band, banded in SQL by comparing start dates with the thresholds
    /// <see cref="FunnelCalculator.ServiceBand"/> implies on 31 March (whole years ≥ n ⇔ start ≤ 31 March n years before).
    /// </summary>
    private static async Task<List<CategoryCount>> ServiceBandsAsync(IQueryable<Domain.Staff.HeadcountSnapshotEntry> ofYear, ReportingYear year, CancellationToken ct)
    {
        var asAt = year.SnapshotDate;
        DateOnly unknown = default;
        var one = asAt.AddYears(-1);
        var three = asAt.AddYears(-3);
        var six = asAt.AddYears(-6);
        var eleven = asAt.AddYears(-11);
        var rows = await ofYear
            .Select(h => new
            {
                Band = h.StartDate == unknown ? 0 : h.StartDate > one ? 1 : h.StartDate > three ? 2 : h.StartDate > six ? 3 : h.StartDate > eleven ? 4 : 5,
                h.WresGroup,
            })
            .GroupBy(h => new { h.Band, h.WresGroup })
            .Select(g => new { g.Key.Band, g.Key.WresGroup, Count = g.Count() })
            .ToListAsync(ct);
        string[] names = ["Unknown", .. FunnelCalculator.ServiceBands];
        return rows.Select(r => new CategoryCount(names[r.Band], r.WresGroup, r.Count)).ToList();
    }

    private sealed record CategoryCount(string Category, WresGroup Group, int Count);

    private static IEnumerable<(string, Dictionary<WresGroup, int>)> Counts(IEnumerable<CategoryCount> rows) =>
        rows.GroupBy(r => r.Category, StringComparer.Ordinal).Select(g => (g.Key, g.ToDictionary(r => r.Group, r => r.Count)));
}
