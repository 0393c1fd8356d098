using System.Globalization;
using System.Text;

namespace JustCulture.Domain.Reporting;

/// <summary>
/// One year of the published national WRES indicator-3 figure. <see cref="WresDataYear"/> is the year in the name of
/// the national data ("WRES 2020 data"); it covers <see cref="ReportingYear"/>, 1 April of the year before to 31 March
/// of that year (docs/domain/wres-indicator-3.md, "The national figure").
/// </summary>
public sealed record NationalFigure(int WresDataYear, ReportingYear ReportingYear, double RelativeLikelihood, string Source);

/// <summary>
/// The national series, shipped as data (<c>Reporting/Data/national-wres-indicator3.csv</c>, embedded) with the source of
/// every figure. Years are added only with a cited source; a year with no published figure has no comparator.
/// </summary>
public static class NationalComparator
{
    private static readonly Lazy<IReadOnlyList<NationalFigure>> Figures = new(Load);

    public static IReadOnlyList<NationalFigure> Series => Figures.Value;

    /// <summary>The national figure for a reporting year, or null when none is published.</summary>
    public static NationalFigure? For(ReportingYear year) => Series.FirstOrDefault(f => f.ReportingYear == year);

    /// <summary>The reporting year a national WRES data year covers: WRES data year Y covers 1 April Y−1 – 31 March Y.</summary>
    public static ReportingYear Covers(int wresDataYear) => new(wresDataYear - 1);

    private static IReadOnlyList<NationalFigure> Load()
    {
        using var stream = typeof(NationalComparator).Assembly.GetManifestResourceStream("JustCulture.Domain.Reporting.national-wres-indicator3.csv")
            ?? throw new InvalidOperationException("The national WRES series is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var figures = new List<NationalFigure>();
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (header)
            {
                header = false;
                continue;
            }

            var fields = Split(line);
            var dataYear = int.Parse(fields[0], CultureInfo.InvariantCulture);
            var covers = ReportingYear.Parse(fields[1]);
            if (covers != Covers(dataYear))
            {
                throw new InvalidOperationException($"National series: WRES {dataYear} data is said to cover {covers}, but it covers {Covers(dataYear)}.");
            }

            figures.Add(new NationalFigure(dataYear, covers, double.Parse(fields[2], CultureInfo.InvariantCulture), fields[3]));
        }

        return figures.OrderBy(f => f.WresDataYear).ToList();
    }

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return fields;
    }
}
