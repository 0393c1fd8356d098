using JustCulture.Application.Reports;
using JustCulture.Domain;

namespace JustCulture.Application.Retention;

/// <summary>An erasure entry's frozen groups in words for people: "2023-24: BME (that year's headcount snapshot)".</summary>
public static class FrozenGroupWords
{
    public static string Source(PersonSource source) => source switch
    {
        PersonSource.Snapshot => "that year's headcount snapshot",
        PersonSource.StaffRecord => "the staff record",
        PersonSource.Unknown => "in no staff record",
        _ => "unknown source",
    };

    public static string Describe(FrozenGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return $"{group.Year}: {Vocabulary.Group(group.Group)} ({Source(group.Source)})";
    }

    /// <summary>The stored answer ("2023-24=Bme/Snapshot;…") in words, one year per item; a part that does not
    /// read as a year, a group and a source is shown as stored rather than dropped.</summary>
    public static IReadOnlyList<string> Describe(string? stored) =>
        (stored ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var slash = part.IndexOf('/', StringComparison.Ordinal);
            if (equals > 0 && slash > equals
                && Domain.Reporting.ReportingYear.TryParse(part[..equals], out var year)
                && Enum.TryParse<Domain.Ethnicity.WresGroup>(part[(equals + 1)..slash], out var group) && Enum.IsDefined(group)
                && Enum.TryParse<PersonSource>(part[(slash + 1)..], out var source) && Enum.IsDefined(source))
            {
                return Describe(new FrozenGroup(year, group, source));
            }

            return part;
        }).ToList();
}
