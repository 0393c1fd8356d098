using JustCulture.Domain.Reporting;
using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Reports;

public sealed record ReportYearsQuery;

/// <summary>
/// The reporting years there is anything to report on, newest first: years with counted case events in the log,
/// a headcount snapshot, or imported history.
/// </summary>
public sealed class ReportYearsHandler(JustCultureDbContext db)
{
    public async Task<IReadOnlyList<string>> HandleAsync(ReportYearsQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var eventYears = await EventYearsAsync(cancellationToken);
        var snapshotYears = await db.HeadcountSnapshots.AsNoTracking().Select(h => h.Year).Distinct().ToListAsync(cancellationToken);
        var historyYears = await db.WresHistory.AsNoTracking().Select(h => h.Year).Distinct().ToListAsync(cancellationToken);
        return eventYears
            .Concat(snapshotYears.Concat(historyYears).Select(y => ReportingYear.TryParse(y, out var year) ? (ReportingYear?)year : null).OfType<ReportingYear>())
            .Distinct()
            .OrderDescending()
            .Select(y => y.ToString())
            .ToList();
    }

    /// <summary>
    /// The years holding a counted case event, found in the database: the first and last event of each counted type
    /// (one seek each on the (event_type, occurred_at_utc) index), then one existence probe per year between them,
    /// so the cost follows the number of years, not of entries.
    /// </summary>
    private async Task<List<ReportingYear>> EventYearsAsync(CancellationToken cancellationToken)
    {
        var bounds = new List<DateTime>();
        foreach (var type in ReportDataLoader.CountedEvents)
        {
            var ofType = db.DecisionLog.AsNoTracking().Where(e => e.EventType == type);
            if (await ofType.MinAsync(e => (DateTime?)e.OccurredAtUtc, cancellationToken) is { } first)
            {
                bounds.Add(first);
                bounds.Add((await ofType.MaxAsync(e => (DateTime?)e.OccurredAtUtc, cancellationToken))!.Value);
            }
        }

        var years = new List<ReportingYear>();
        if (bounds.Count == 0)
        {
            return years;
        }

        var last = ReportingYear.Containing(DateTime.SpecifyKind(bounds.Max(), DateTimeKind.Utc));
        for (var year = ReportingYear.Containing(DateTime.SpecifyKind(bounds.Min(), DateTimeKind.Utc)); year.CompareTo(last) <= 0; year = new ReportingYear(year.StartYear + 1))
        {
            var (from, to) = (year.StartUtc, year.EndUtc);
            if (await db.DecisionLog.AsNoTracking().AnyAsync(e => ReportDataLoader.CountedEvents.Contains(e.EventType) && e.OccurredAtUtc >= from && e.OccurredAtUtc < to, cancellationToken))
            {
                years.Add(year);
            }
        }

        return years;
    }
}

/// <param name="Publication">Null for auditors on screen (exact); a suppression for anything published.</param>
public sealed record Indicator3TrendQuery(SmallCellSuppression? Publication = null);

/// <summary>
/// Indicator 3 on the single-year basis for every year there is data for, oldest first — the same calculation as
/// each year's own report, so the trend and the figure for a year never disagree. A year reported from imported
/// totals has <see cref="ShownIndicator3.Source"/> "imported".
/// </summary>
public sealed class Indicator3TrendHandler(ReportYearsHandler years, ReportDataLoader loader)
{
    public async Task<IReadOnlyList<ShownIndicator3>> HandleAsync(Indicator3TrendQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var all = (await years.HandleAsync(new ReportYearsQuery(), cancellationToken)).Select(ReportingYear.Parse).Order().ToList();
        if (all.Count == 0)
        {
            return [];
        }

        var inputs = await loader.LoadAsync(all, cancellationToken);
        return all.Select(year => ReportPublication.Indicator3(Indicator3Calculator.Compute(year, ReportBasis.Single, inputs) with { Checkpoint = loader.Checkpoint }, query.Publication)).ToList();
    }
}
