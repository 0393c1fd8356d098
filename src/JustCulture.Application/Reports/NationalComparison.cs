using System.Globalization;
using JustCulture.Domain.Reporting;

namespace JustCulture.Application.Reports;

/// <summary>
/// A trust's figure against the published national figure for the same reporting year
/// (docs/domain/wres-indicator-3.md, "The national figure"). The national figure rests on hundreds of thousands of
/// staff, so it is taken as fixed: the difference is "beyond chance" when the trust's 95% score interval excludes it,
/// which is the same as the score test of "the trust's relative likelihood equals the national one" rejecting at 5%.
/// </summary>
/// <param name="WresDataYear">The national data's own name for the year ("WRES 2020 data").</param>
/// <param name="ReportingYear">The reporting year it covers, 1 April – 31 March.</param>
/// <param name="Position">"above", "below", "equal", or "unknown" when the trust has no ratio.</param>
/// <param name="BeyondChance">The trust's interval excludes the national figure.</param>
public sealed record NationalComparison(int WresDataYear, string ReportingYear, double National, string Source, string Position, bool BeyondChance, string Sentence)
{
    public static NationalComparison? Of(string year, string basis, double? ratio, Interval95? ci)
    {
        if (!Domain.Reporting.ReportingYear.TryParse(year, out var reportingYear) || NationalComparator.For(reportingYear) is not { } national)
        {
            return null;
        }

        var n = national.RelativeLikelihood;
        var nationalText = string.Create(CultureInfo.InvariantCulture,
            $"the national figure of {RelativeLikelihood.Format(n)} (WRES {national.WresDataYear} data, covering {national.ReportingYear})");
        var basisNote = basis == "rolling" ? " The trust's figure is on the two-year rolling basis; the national figure is for the year itself." : string.Empty;
        var beyond = ci is { } i && (i.Lower > n || i.Upper is { } u && u < n);
        if (ratio is not { } rl)
        {
            var sentence = beyond
                ? $"The trust's relative likelihood cannot be calculated, but its 95% interval lies wholly above {nationalText}, so it is above the national figure beyond what chance would explain."
                : $"The trust's relative likelihood cannot be calculated, so it cannot be compared with {nationalText}.";
            return new(national.WresDataYear, national.ReportingYear.ToString(), n, national.Source, beyond ? "above" : "unknown", beyond, sentence + basisNote);
        }

        var shown = RelativeLikelihood.Round(rl);
        var position = shown > n ? "above" : shown < n ? "below" : "equal";
        var chance = ci is null ? string.Empty
            : beyond ? " The 95% interval excludes the national figure, so the difference is beyond what chance would explain."
            : " The 95% interval includes the national figure, so the difference could be chance.";
        var text = position == "equal"
            ? $"The trust's figure equals {nationalText}."
            : $"The trust's figure of {RelativeLikelihood.Format(rl)} is {position} {nationalText}.{chance}";
        return new(national.WresDataYear, national.ReportingYear.ToString(), n, national.Source, position, beyond, text + basisNote);
    }
}
