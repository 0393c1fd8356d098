using System.Globalization;
using JustCulture.Application.Csv;
using JustCulture.Application.Reports;
using JustCulture.Domain.Reporting;

namespace JustCulture.Application.History;

/// <param name="Expected">The precision axis: BME headcount × the organisation's white rate.</param>
/// <param name="AgainstOne">Where it falls against the limits around 1: Within95, Above95, Below95, Above998, Below998 or NotPlotted.</param>
public sealed record OrganisationFunnelLine(string Organisation, bool Highlighted, string Source, int BmeEntering, int BmeHeadcount, int WhiteEntering,
    int WhiteHeadcount, double Expected, double? RelativeLikelihood, Interval95? Ci95, string AgainstOne, string? AgainstNational, string Reading);

/// <summary>The published national relative likelihood the second limits are drawn around.</summary>
/// <param name="ReportingYear">The reporting year the WRES data year covers.</param>
public sealed record NationalFigureDocument(int WresDataYear, string ReportingYear, double RelativeLikelihood, string Source);

/// <param name="LimitsMethod">exact-binomial, or random-effects when overdispersion is present.</param>
public sealed record OrganisationFunnelTargetDocument(string Name, double Target, string LimitsMethod, bool OverdispersionPresent, double Phi, double Tau2);

/// <summary>
/// The funnel plot of many organisations as data: the JSON of <c>GET /api/reports/organisations</c> and
/// <c>report organisations --format json</c>, and the CSV made from it. The points and limits the chart draws, with
/// each organisation's position in words and the method.
/// </summary>
public sealed record OrganisationFunnelDocument(string Year, string Method, NationalFigureDocument? National, OrganisationFunnelTargetDocument AroundOne,
    OrganisationFunnelTargetDocument? AroundNational, IReadOnlyList<OrganisationFunnelLine> Organisations)
{
    public static OrganisationFunnelDocument Of(OrganisationFunnelReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new(report.Year, report.Method,
            report.National is { } n0 ? new NationalFigureDocument(n0.WresDataYear, n0.ReportingYear.ToString(), n0.RelativeLikelihood, n0.Source) : null, Target(report.AroundOne), report.AroundNational is { } n ? Target(n) : null,
            report.Rows.Select(r => new OrganisationFunnelLine(r.Unit.Name, r.Unit.Highlighted, r.Source, r.Unit.BmeEntering, r.Unit.BmeHeadcount, r.Unit.WhiteEntering,
                r.Unit.WhiteHeadcount, Math.Round(r.Unit.Expected, 4), r.Ratio, r.Ci95, r.AgainstOne.ToString(), r.AgainstNational?.ToString(),
                FunnelPlot.Describe(r.AgainstOne))).ToList());
    }

    /// <summary>One row per organisation; formula-safe, as every export.</summary>
    public string ToCsv()
    {
        var invariant = CultureInfo.InvariantCulture;
        return CsvExportWriter.Write(
            ["ReportingYear", "Organisation", "ThisTrust", "Source", "BmeEntering", "BmeHeadcount", "WhiteEntering", "WhiteHeadcount", "Expected",
                "RelativeLikelihood", "Ci95Lower", "Ci95Upper", "AgainstOne", "AgainstNational"],
            Organisations.Select(o => new[]
            {
                Year, o.Organisation, o.Highlighted ? "yes" : "no", o.Source, o.BmeEntering.ToString(invariant), o.BmeHeadcount.ToString(invariant),
                o.WhiteEntering.ToString(invariant), o.WhiteHeadcount.ToString(invariant), o.Expected.ToString("0.####", invariant),
                o.RelativeLikelihood is { } rl ? RelativeLikelihood.Format(rl) : string.Empty,
                o.Ci95 is { } ci ? RelativeLikelihood.Format(ci.Lower) : string.Empty,
                o.Ci95 is { } c ? c.Upper is { } u ? RelativeLikelihood.Format(u) : "unbounded" : string.Empty,
                o.AgainstOne, o.AgainstNational ?? string.Empty,
            }).ToList());
    }

    private static OrganisationFunnelTargetDocument Target(FunnelTarget t) =>
        new(t.Name, t.Target, t.LimitsMethod, t.Overdispersion.Present, Math.Round(t.Overdispersion.Phi, 4), Math.Round(t.Overdispersion.Tau2, 6));
}
