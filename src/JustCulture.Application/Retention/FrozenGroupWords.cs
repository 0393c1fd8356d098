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

    /// <summary>The stored answer ("2023-24=Bme/Snapshot;…") in words, one year per item; an answer that does not
    /// read (<see cref="CaseSubjects.ParseFrozenGroups"/>) is shown as stored rather than dropped.</summary>
    public static IReadOnlyList<string> Describe(string? stored)
    {
        try
        {
            return CaseSubjects.ParseFrozenGroups(stored, 0).OrderBy(g => g.Key).Select(g => Describe(new FrozenGroup(g.Key, g.Value.Group, g.Value.Source))).ToList();
        }
        catch (FormatException)
        {
            return [stored ?? string.Empty];
        }
    }
}
