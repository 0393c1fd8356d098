using JustCulture.Application.Common;
using JustCulture.Application.Reports;
using JustCulture.Domain;
using JustCulture.Domain.Reporting;

namespace JustCulture.Web.Pages.Audit.Reports;

/// <summary>What the report pages load for a year: the figure, the trend and the funnel, exact or for publication.</summary>
/// <param name="InProgress">The year shown has not ended yet: its figures are to date.</param>
/// <param name="Today">Today's UK date, for "to date" labels.</param>
/// <param name="CurrentYear">The reporting year today falls in (labelled "in progress" wherever it appears).</param>
public sealed record ReportSet(IReadOnlyList<string> Years, string Year, string Basis, ShownIndicator3 Indicator3, IReadOnlyList<ShownIndicator3> Trend, ShownFunnel Funnel,
    bool InProgress, DateOnly Today, string CurrentYear)
{
    public ReportHeadline Headline => ReportHeadline.Of(Indicator3, Funnel, InProgress);

    /// <summary>The one signed checkpoint every figure of the set was computed against (one verified read per request).</summary>
    public string ComputedAgainstStatement => ComputedAgainst.Statement(Indicator3.Checkpoint);
}

/// <summary>Loads the report set; bad input surfaces as the application's <see cref="UseCaseException"/>.</summary>
public sealed class ReportSetLoader(ReportYearsHandler years, Indicator3ReportHandler indicator3, Indicator3TrendHandler trend, FunnelReportHandler funnel, TimeProvider clock)
{
    public async Task<IReadOnlyList<string>> YearsAsync(CancellationToken cancellationToken) => await years.HandleAsync(new ReportYearsQuery(), cancellationToken);

    /// <summary>
    /// The year a report opens on when none is asked for: the latest complete reporting year (a year still in
    /// progress gives partial figures against a headcount that is not yet final); the newest year there is when
    /// no complete year has anything to report.
    /// </summary>
    public static string DefaultYear(IReadOnlyList<string> available, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(available);
        var current = ReportingYear.Containing(nowUtc);
        return available.Select(ReportingYear.Parse).Where(y => y.CompareTo(current) < 0).Order().Select(y => y.ToString()).LastOrDefault()
            ?? available.FirstOrDefault() ?? string.Empty;
    }

    public async Task<ReportSet> LoadAsync(string? year, string? basis, SmallCellSuppression? publication, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var available = await YearsAsync(cancellationToken);
        var chosenYear = string.IsNullOrWhiteSpace(year) ? DefaultYear(available, now) : year.Trim();
        var chosenBasis = string.IsNullOrWhiteSpace(basis) ? "single" : basis.Trim();
        var report = await indicator3.HandleAsync(new Indicator3Query(chosenYear, chosenBasis), cancellationToken);
        var shown = ReportPublication.Indicator3(report, publication);
        var series = await trend.HandleAsync(new Indicator3TrendQuery(publication), cancellationToken);
        var stages = ReportPublication.Funnel(await funnel.HandleAsync(new FunnelQuery(chosenYear), cancellationToken), publication);
        var current = ReportingYear.Containing(now);
        return new ReportSet(available, shown.Year, shown.Basis, shown, series, stages,
            ReportingYear.Parse(shown.Year).CompareTo(current) >= 0, UkDates.UkDateOf(now), current.ToString());
    }
}
