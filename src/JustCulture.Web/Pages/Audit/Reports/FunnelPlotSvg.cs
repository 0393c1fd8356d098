using System.Globalization;
using System.Net;
using System.Text;
using JustCulture.Application.History;
using JustCulture.Domain.Reporting;

namespace JustCulture.Web.Pages.Audit.Reports;

/// <summary>
/// Draws the organisations' funnel plot as SVG on the server (no script needed, prints as drawn): relative likelihood
/// up, precision (expected BME staff entering) across, 95% and 99.8% limits around 1 and around the national figure,
/// one circle per plotted organisation and this trust highlighted. Presentation attributes only, so the page's
/// content security policy needs no inline style.
/// </summary>
public static class FunnelPlotSvg
{
    private const double Width = 760, Height = 440, Left = 64, Right = 24, Top = 20, Bottom = 56;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(OrganisationFunnelReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var plotted = report.Plotted.ToList();
        var curves = new[] { report.AroundOne, report.AroundNational }.OfType<FunnelTarget>().ToList();
        var xMax = Math.Max(1, curves.SelectMany(c => c.Curve).Select(p => p.Expected).DefaultIfEmpty(1).Max());
        var yMax = Math.Max(3.0, plotted.Select(r => r.Unit.Ratio ?? 0).DefaultIfEmpty(0).Max() * 1.15);
        double X(double e) => Left + (e / xMax * (Width - Left - Right));
        double Y(double rl) => Top + ((1 - (Math.Min(rl, yMax) / yMax)) * (Height - Top - Bottom));
        string N(double v) => v.ToString("0.#", Invariant);

        var svg = new StringBuilder();
        svg.Append(Invariant, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"jc-funnel-plot\" viewBox=\"0 0 {N(Width)} {N(Height)}\" role=\"img\" aria-labelledby=\"jc-funnel-plot-title\">");
        svg.Append(Invariant, $"<title id=\"jc-funnel-plot-title\">Funnel plot of {plotted.Count} organisations' relative likelihood, {WebUtility.HtmlEncode(report.Year)}; the table below has every figure</title>");
        // Axes and ticks.
        svg.Append(Invariant, $"<line x1=\"{N(Left)}\" y1=\"{N(Height - Bottom)}\" x2=\"{N(Width - Right)}\" y2=\"{N(Height - Bottom)}\" stroke=\"#425563\"/>");
        svg.Append(Invariant, $"<line x1=\"{N(Left)}\" y1=\"{N(Top)}\" x2=\"{N(Left)}\" y2=\"{N(Height - Bottom)}\" stroke=\"#425563\"/>");
        foreach (var tick in Ticks(yMax))
        {
            svg.Append(Invariant, $"<text x=\"{N(Left - 6)}\" y=\"{N(Y(tick) + 4)}\" text-anchor=\"end\" font-size=\"12\" fill=\"#212b32\">{tick.ToString("0.##", Invariant)}</text>");
        }

        foreach (var tick in Ticks(xMax))
        {
            svg.Append(Invariant, $"<text x=\"{N(X(tick))}\" y=\"{N(Height - Bottom + 16)}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#212b32\">{tick.ToString("0.##", Invariant)}</text>");
        }

        svg.Append(Invariant, $"<text x=\"{N((Left + Width - Right) / 2)}\" y=\"{N(Height - 14)}\" text-anchor=\"middle\" font-size=\"13\" fill=\"#212b32\">Expected BME staff entering at the organisation's white rate (precision)</text>");
        svg.Append(Invariant, $"<text x=\"16\" y=\"{N((Top + Height - Bottom) / 2)}\" text-anchor=\"middle\" font-size=\"13\" fill=\"#212b32\" transform=\"rotate(-90 16 {N((Top + Height - Bottom) / 2)})\">Relative likelihood (BME ÷ white)</text>");

        // Targets and limits: around 1 in blue, around the national figure in grey; 95% dashed, 99.8% solid.
        foreach (var (target, colour, kind) in new[] { (report.AroundOne, "#005eb8", "one"), (report.AroundNational, "#768692", "national") })
        {
            if (target is null || target.Curve.Count == 0)
            {
                continue;
            }

            svg.Append(Invariant, $"<line class=\"jc-funnel-target\" data-target=\"{kind}\" x1=\"{N(Left)}\" y1=\"{N(Y(target.Target))}\" x2=\"{N(Width - Right)}\" y2=\"{N(Y(target.Target))}\" stroke=\"{colour}\" stroke-width=\"1.5\"/>");
            Polyline(target.Curve.Select(p => (p.Expected, p.Upper95)), colour, "6 4", $"{kind}-upper95");
            Polyline(target.Curve.Select(p => (p.Expected, p.Lower95)), colour, "6 4", $"{kind}-lower95");
            Polyline(target.Curve.Select(p => (p.Expected, p.Upper998)), colour, null, $"{kind}-upper998");
            Polyline(target.Curve.Select(p => (p.Expected, p.Lower998)), colour, null, $"{kind}-lower998");
        }

        // One point per plotted organisation, this trust last so it is drawn on top.
        foreach (var row in plotted.OrderBy(r => r.Unit.Highlighted))
        {
            var name = WebUtility.HtmlEncode(row.Unit.Name);
            var (cx, cy) = (X(row.Unit.Expected), Y(row.Unit.Ratio!.Value));
            var ratio = RelativeLikelihood.Format(row.Unit.Ratio.Value);
            svg.Append(row.Unit.Highlighted
                ? $"<circle class=\"jc-funnel-point jc-funnel-point--highlighted\" data-organisation=\"{name}\" cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"7\" fill=\"#ffb81c\" stroke=\"#212b32\" stroke-width=\"2\"><title>{name}: {ratio}</title></circle>"
                  + $"<text x=\"{N(cx + 10)}\" y=\"{N(cy - 8)}\" font-size=\"12\" font-weight=\"bold\" fill=\"#212b32\">{name}</text>"
                : $"<circle class=\"jc-funnel-point\" data-organisation=\"{name}\" cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"5\" fill=\"#005eb8\" fill-opacity=\"0.75\"><title>{name}: {ratio}</title></circle>");
        }

        svg.Append("</svg>");
        return svg.ToString();

        void Polyline(IEnumerable<(double X, double Y)> points, string colour, string? dash, string name)
        {
            var path = string.Join(' ', points.Select(p => $"{N(X(p.X))},{N(Y(p.Y))}"));
            svg.Append(Invariant, $"<polyline class=\"jc-funnel-limit\" data-limit=\"{name}\" points=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.25\"{(dash is null ? string.Empty : $" stroke-dasharray=\"{dash}\"")}/>");
        }
    }

    private static IEnumerable<double> Ticks(double max)
    {
        var raw = max / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(s => s * magnitude).First(s => s >= raw);
        for (var v = 0.0; v <= max + 1e-9; v += step)
        {
            yield return v;
        }
    }
}
