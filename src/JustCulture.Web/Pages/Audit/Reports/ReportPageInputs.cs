using JustCulture.Application.Common;
using JustCulture.Application.Reports;

namespace JustCulture.Web.Pages.Audit.Reports;

/// <summary>What the report pages load for a year: the figure, the trend and the funnel, exact or for publication.</summary>
public sealed record ReportSet(IReadOnlyList<string> Years, string Year, string Basis, ShownIndicator3 Indicator3, IReadOnlyList<ShownIndicator3> Trend, ShownFunnel Funnel);

/// <summary>Loads the report set; bad input surfaces as the application's <see cref="UseCaseException"/>.</summary>
public sealed class ReportSetLoader(ReportYearsHandler years, Indicator3ReportHandler indicator3, Indicator3TrendHandler trend, FunnelReportHandler funnel)
{
    public async Task<IReadOnlyList<string>> YearsAsync(CancellationToken cancellationToken) => await years.HandleAsync(new ReportYearsQuery(), cancellationToken);

    public async Task<ReportSet> LoadAsync(string? year, string? basis, Domain.Reporting.SmallCellSuppression? publication, CancellationToken cancellationToken)
    {
        var available = await YearsAsync(cancellationToken);
        var chosenYear = string.IsNullOrWhiteSpace(year) ? available.FirstOrDefault() ?? string.Empty : year.Trim();
        var chosenBasis = string.IsNullOrWhiteSpace(basis) ? "single" : basis.Trim();
        var report = await indicator3.HandleAsync(new Indicator3Query(chosenYear, chosenBasis), cancellationToken);
        var shown = ReportPublication.Indicator3(report, publication);
        var series = await trend.HandleAsync(new Indicator3TrendQuery(publication), cancellationToken);
        var stages = ReportPublication.Funnel(await funnel.HandleAsync(new FunnelQuery(chosenYear), cancellationToken), publication);
        return new ReportSet(available, shown.Year, shown.Basis, shown, series, stages);
    }
}
