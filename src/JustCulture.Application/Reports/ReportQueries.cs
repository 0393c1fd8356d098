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

    /// <summary>
    /// What the reports read of the log, in three narrow reads whatever the history's length: the counted entries
    /// of the years (the (event_type, occurred_at_utc) index), then every counted entry and erasure of the cases
    /// among them (the concern_id index, so bounded by those cases, not by the log), and only when some of those
    /// cases were erased, the other erasures under the same pseudonyms.
    /// </summary>
    public async Task<ReportLogReads> ReadAsync(CancellationToken ct)
    {
        var inYears = await Project(CountedInYears()).ToListAsync(ct);
        var caseIds = inYears.Select(e => e.ConcernId).OfType<Guid>().Distinct().ToList();
        var caseRows = new List<SequencedRow>();
        foreach (var chunk in ReportDataLoader.Chunks(caseIds.Select(id => (Guid?)id)))
        {
            caseRows.AddRange(await Integrated()
                .Where(r => chunk.Contains(r.Entry.ConcernId)
                    && (ReportDataLoader.CountedEvents.Contains(r.Entry.EventType) || r.Entry.EventType == LogEventTypes.PersonalDataErased))
                .Select(r => new SequencedRow(r.Sequence, new DecisionLogEntry
                {
                    EntryId = r.Entry.EntryId,
                    LeafVersion = r.Entry.LeafVersion,
                    EventType = r.Entry.EventType,
                    ConcernId = r.Entry.ConcernId,
                    WorkflowInstanceId = r.Entry.WorkflowInstanceId,
                    SubjectStaffRef = r.Entry.SubjectStaffRef,
                    // An outcome's letter; an erasure's frozen groups.
                    Answer = r.Entry.EventType == LogEventTypes.OutcomeRecorded || r.Entry.EventType == LogEventTypes.PersonalDataErased
                        // The formal process's answers are fixed choices and a date (FormalProcessStages counts by them).
                        || r.Entry.EventType == LogEventTypes.InvestigationConcluded || r.Entry.EventType == LogEventTypes.HearingHeld
                        || r.Entry.EventType == LogEventTypes.AppealDecided
                        ? r.Entry.Answer : null,
                    OccurredAtUtc = r.Entry.OccurredAtUtc,
                }))
                .ToListAsync(ct));
        }

        caseRows.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        // Each case is counted under the subject of its first counted entry in the whole log (perhaps in an earlier year).
        var firstSubjects = caseRows.Where(r => r.Entry.EventType != LogEventTypes.PersonalDataErased)
            .DistinctBy(r => r.Entry.ConcernId).Select(r => r.Entry).ToList();

        // For the funnel's "reviewed after G or A": the G/A outcomes from outside the years of the actions reviewed
        // in them. An action belongs to its case, so they are among that case's entries. Outside the years no
        // figure counts them; they only mark those actions as G or A, so they carry no case and no subject to open.
        var reviewed = inYears.Where(e => e.EventType == LogEventTypes.ReviewDecided && e.WorkflowInstanceId is not null)
            .Select(e => e.WorkflowInstanceId!.Value).ToHashSet();
        var earlierOutcomes = caseRows.Select(r => r.Entry)
            .Where(e => e.EventType == LogEventTypes.OutcomeRecorded && e.Answer is "G" or "A" && (e.OccurredAtUtc < _from || e.OccurredAtUtc >= _to)
                && e.WorkflowInstanceId is { } id && reviewed.Contains(id))
            .Select(e => new DecisionLogEntry
            {
                EntryId = e.EntryId,
                EventType = e.EventType,
                WorkflowInstanceId = e.WorkflowInstanceId,
                Answer = e.Answer,
                OccurredAtUtc = e.OccurredAtUtc,
            });

        var ownErasures = caseRows.Where(r => r.Entry.EventType == LogEventTypes.PersonalDataErased).ToList();
        return new ReportLogReads([.. inYears, .. earlierOutcomes], firstSubjects, await ErasuresAsync(ownErasures, ct));
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
            Answer = r.Entry.EventType == LogEventTypes.OutcomeRecorded
                // The formal process's answers are fixed choices and a date (FormalProcessStages counts by them).
                || r.Entry.EventType == LogEventTypes.InvestigationConcluded || r.Entry.EventType == LogEventTypes.HearingHeld
                || r.Entry.EventType == LogEventTypes.AppealDecided
                ? r.Entry.Answer : null,
            ActorId = r.Entry.EventType == LogEventTypes.ConcernOpened ? r.Entry.ActorId : string.Empty,
            OccurredAtUtc = r.Entry.OccurredAtUtc,
        });

    /// <summary>
    /// The erasures the counted cases need, in log order: each case's own, and every other erasure under the same
    /// pseudonym (one per person and erasure run), whose frozen groups the pseudonym's are merged from.
    /// </summary>
    private async Task<List<DecisionLogEntry>> ErasuresAsync(List<SequencedRow> own, CancellationToken ct)
    {
        var pseudonyms = own.Select(r => r.Entry.SubjectStaffRef).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var rows = new Dictionary<long, SequencedRow>();
        foreach (var row in own)
        {
            rows[row.Sequence] = row;
        }

        foreach (var chunk in ReportDataLoader.Chunks(pseudonyms))
        {
            var more = await Integrated()
                .Where(r => r.Entry.EventType == LogEventTypes.PersonalDataErased && chunk.Contains(r.Entry.SubjectStaffRef!))
                .Select(r => new SequencedRow(r.Sequence, new DecisionLogEntry
                {
                    EntryId = r.Entry.EntryId,
                    EventType = r.Entry.EventType,
                    ConcernId = r.Entry.ConcernId,
                    SubjectStaffRef = r.Entry.SubjectStaffRef,
                    Answer = r.Entry.Answer,
                    OccurredAtUtc = r.Entry.OccurredAtUtc,
                }))
                .ToListAsync(ct);
            foreach (var row in more)
            {
                rows[row.Sequence] = row;
            }
        }

        return [.. rows.Values.OrderBy(r => r.Sequence).Select(r => r.Entry)];
    }

    private sealed record SequencedRow(long Sequence, DecisionLogEntry Entry);
}

/// <param name="Counted">The counted entries of the years in log order (subjects sealed, resolved per case), then
/// the earlier G/A outcomes of the actions reviewed in them.</param>
/// <param name="FirstSubjects">Each counted case's first counted entry in the whole log, subject as stored.</param>
/// <param name="Erasures">The erasures of the counted cases and every other under their pseudonyms, in log order.</param>
internal sealed record ReportLogReads(List<DecisionLogEntry> Counted, List<DecisionLogEntry> FirstSubjects, List<DecisionLogEntry> Erasures);

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
            // One GROUP BY over every dimension at once: its rows are bounded by the categories' combinations, not
            // by the staff, and each dimension's counts are their sums.
            var cells = await CellsAsync(inYears.Where(h => h.Year == yearText), year, ct);
            headcount.Set(HeadcountDimension.Band, Counts(cells, c => c.Band));
            headcount.Set(HeadcountDimension.StaffGroup, Counts(cells, c => c.StaffGroup));
            headcount.Set(HeadcountDimension.Directorate, Counts(cells, c => c.Directorate));
            headcount.Set(HeadcountDimension.LengthOfService, Counts(cells, c => ServiceBandNames[c.ServiceBand]));
        }

        return headcounts;
    }

    private static readonly string[] ServiceBandNames = ["Unknown", .. FunnelCalculator.ServiceBands];

    /// <summary>
    /// Headcount by band, staff group, directorate, length-of-service band and group; the service band in SQL by
    /// comparing start dates with the thresholds <see cref="FunnelCalculator.ServiceBand"/> implies on 31 March
    /// (whole years ≥ n ⇔ start ≤ 31 March n years before).
    /// </summary>
    private static Task<List<HeadcountCell>> CellsAsync(IQueryable<Domain.Staff.HeadcountSnapshotEntry> ofYear, ReportingYear year, CancellationToken ct)
    {
        var asAt = year.SnapshotDate;
        DateOnly unknown = default;
        var one = asAt.AddYears(-1);
        var three = asAt.AddYears(-3);
        var six = asAt.AddYears(-6);
        var eleven = asAt.AddYears(-11);
        return ofYear
            .Select(h => new
            {
                h.Band,
                h.StaffGroup,
                h.Directorate,
                ServiceBand = h.StartDate == unknown ? 0 : h.StartDate > one ? 1 : h.StartDate > three ? 2 : h.StartDate > six ? 3 : h.StartDate > eleven ? 4 : 5,
                h.WresGroup,
            })
            .GroupBy(h => new { h.Band, h.StaffGroup, h.Directorate, h.ServiceBand, h.WresGroup })
            .Select(g => new HeadcountCell(g.Key.Band, g.Key.StaffGroup, g.Key.Directorate, g.Key.ServiceBand, g.Key.WresGroup, g.Count()))
            .ToListAsync(ct);
    }

    private sealed record HeadcountCell(string Band, string StaffGroup, string Directorate, int ServiceBand, WresGroup Group, int Count);

    private static IEnumerable<(string, Dictionary<WresGroup, int>)> Counts(IEnumerable<HeadcountCell> cells, Func<HeadcountCell, string> category) =>
        cells.GroupBy(category, StringComparer.Ordinal).Select(g => (g.Key, g.GroupBy(c => c.Group).ToDictionary(x => x.Key, x => x.Sum(c => c.Count))));
}
