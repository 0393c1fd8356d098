using System.Globalization;
using JustCulture.Application.Reports;
using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Reporting;
using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.History;

/// <param name="Highlight">An organisation in the imported figures that is this trust: it is highlighted and the
/// trust's own computed figure is not added a second time. Null: the trust's own figure is added, highlighted.</param>
public sealed record OrganisationFunnelQuery(string Year, string? Highlight = null);

/// <summary>One organisation's row in the funnel table.</summary>
public sealed record OrganisationFunnelRow(FunnelUnit Unit, string Source, double? Ratio, Interval95? Ci95, FunnelPosition AgainstOne, FunnelPosition? AgainstNational);

/// <summary>
/// Many organisations' relative likelihoods for one year against their precision, with limits around 1 and around
/// the national figure (docs/domain/wres-indicator-3.md "Many organisations").
/// </summary>
public sealed record OrganisationFunnelReport(
    string Year,
    IReadOnlyList<OrganisationFunnelRow> Rows,
    FunnelTarget AroundOne,
    FunnelTarget? AroundNational,
    NationalFigure? National,
    string Method)
{
    public IEnumerable<OrganisationFunnelRow> Plotted => Rows.Where(r => r.AgainstOne != FunnelPosition.NotPlotted);
}

/// <summary>
/// Builds the funnel plot for a year from the imported organisations' figures and the trust's own figure (the same
/// calculation as its indicator-3 report, so the two never disagree).
/// </summary>
public sealed class OrganisationFunnelHandler(JustCultureDbContext db, Indicator3ReportHandler indicator3)
{
    public const string ThisTrust = "This trust";

    public async Task<OrganisationFunnelReport> HandleAsync(OrganisationFunnelQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var year = ReportArguments.Year(query.Year);
        var yearText = year.ToString();
        var entries = await db.OrganisationHistory.AsNoTracking().Where(h => h.Year == yearText).ToListAsync(cancellationToken);
        var units = new List<(FunnelUnit Unit, string Source)>();
        foreach (var organisation in entries.GroupBy(e => e.Organisation, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            int Entering(WresGroup g) => organisation.FirstOrDefault(e => e.WresGroup == g)?.Entering ?? 0;
            int Headcount(WresGroup g) => organisation.FirstOrDefault(e => e.WresGroup == g)?.Headcount ?? 0;
            var highlighted = query.Highlight is { } h && string.Equals(h, organisation.Key, StringComparison.OrdinalIgnoreCase);
            units.Add((new FunnelUnit(organisation.Key, Entering(WresGroup.Bme), Headcount(WresGroup.Bme), Entering(WresGroup.White), Headcount(WresGroup.White), highlighted),
                $"imported from {organisation.First().SourceName}"));
        }

        if (!units.Any(u => u.Unit.Highlighted))
        {
            var own = await indicator3.HandleAsync(new Indicator3Query(yearText, "single"), cancellationToken);
            units.Add((new FunnelUnit(ThisTrust, own.Bme.Entering, own.Bme.Headcount, own.White.Entering, own.White.Headcount, Highlighted: true),
                own.Source == FigureSources.Imported ? "this trust's imported history" : "this trust's decision log"));
        }

        var all = units.Select(u => u.Unit).ToList();
        var aroundOne = FunnelPlot.Target("1 (no difference)", 1.0, all);
        var national = NationalComparator.For(year);
        var aroundNational = national is null ? null
            : FunnelPlot.Target(string.Create(CultureInfo.InvariantCulture, $"the national figure {RelativeLikelihood.Format(national.RelativeLikelihood)}"), national.RelativeLikelihood, all);
        var rows = units.Select(u =>
        {
            var estimate = RelativeLikelihood.Compute(u.Unit.BmeEntering, u.Unit.BmeHeadcount, u.Unit.WhiteEntering, u.Unit.WhiteHeadcount);
            return new OrganisationFunnelRow(u.Unit, u.Source, estimate.Ratio is { } r ? RelativeLikelihood.Round(r) : null, Indicator3Calculator.Rounded(estimate.Interval),
                FunnelPlot.Position(u.Unit, aroundOne), aroundNational is null ? null : FunnelPlot.Position(u.Unit, aroundNational));
        }).ToList();
        return new OrganisationFunnelReport(yearText, rows, aroundOne, aroundNational, national, Method(aroundOne, aroundNational));
    }

    /// <summary>The method, in words, written under the chart.</summary>
    public static string Method(FunnelTarget aroundOne, FunnelTarget? aroundNational)
    {
        ArgumentNullException.ThrowIfNull(aroundOne);
        var text = new List<string>
        {
            "Each organisation is plotted at its relative likelihood (BME staff entering a formal investigation ÷ the number expected at its own white staff's rate) against that expected number, its precision (Spiegelhalter 2005, \"Funnel plots for comparing institutional performance\").",
            "Control limits at 95% and 99.8% are drawn around 1 (no difference)" + (aroundNational is null ? "; no national figure is published for this year." : " and around the national figure for the year."),
        };
        foreach (var target in new[] { aroundOne, aroundNational }.OfType<FunnelTarget>())
        {
            var od = target.Overdispersion;
            text.Add(!od.Assessed
                ? string.Create(CultureInfo.InvariantCulture, $"Around {target.Name}: exact binomial limits (Spiegelhalter 2005) — BME staff entering as Binomial(BME headcount, target × white rate), drawn at the pooled white rate. Overdispersion is not assessed with fewer than {FunnelPlot.MinimumUnitsForOverdispersion} organisations plotted.")
                : od.Present
                    ? string.Create(CultureInfo.InvariantCulture, $"Around {target.Name}: the organisations vary more than chance allows (overdispersion φ = {od.Phi:0.00} over {od.Units} organisations, z-scores winsorised at 10%), so the limits are widened as FunnelPlotR does, by an additive random effect on the square-root scale (Spiegelhalter 2012; τ² = {od.Tau2:0.0000}).")
                    : string.Create(CultureInfo.InvariantCulture, $"Around {target.Name}: exact binomial limits (Spiegelhalter 2005) — BME staff entering as Binomial(BME headcount, target × white rate), drawn at the pooled white rate; no overdispersion found (φ = {od.Phi:0.00} over {od.Units} organisations), so no adjustment."));
        }

        text.Add("A point outside the limits is worth a closer look; inside them, differences are what chance alone would produce. It is not a league table.");
        return string.Join(" ", text);
    }
}
