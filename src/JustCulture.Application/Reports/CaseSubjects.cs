using System.Globalization;
using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Reporting;
using JustCulture.Persistence.DecisionLog;

namespace JustCulture.Application.Reports;

/// <summary>
/// Who each counted case is about, so that a figure is the same before and after the case's personal data is
/// erased at the end of its retention period (docs/decisions/0009-forgetting-without-breaking-the-record.md).
/// <list type="bullet">
/// <item>A case whose personal data is readable: its subject staff ref, opened from the log.</item>
/// <item>An erased case: the pseudonym its <c>PersonalDataErased</c> entry carries (one per person and erasure,
/// so a person entering twice in a year still counts once) and the WRES group that person was counted in for each
/// year, frozen at erasure with the very rule the reports apply (<see cref="StaffPopulation.Find"/>).</item>
/// </list>
/// The calculators then see one subject key per case — a staff ref or a pseudonym — and a population that knows
/// the pseudonyms' frozen groups, so they need no other change.
/// </summary>
public static class CaseSubjects
{
    /// <summary>The prefix of an erasure pseudonym in a <c>PersonalDataErased</c> entry's subject field.</summary>
    public const string ErasedPrefix = "erased:";

    /// <param name="counted">The case events a report counts (subject fields in their stored, possibly sealed, form).</param>
    /// <param name="erasures">The log's <c>PersonalDataErased</c> entries.</param>
    /// <param name="openSubject">Opens an entry's subject staff ref (the keyring live, the export's opened values offline);
    /// called once per case that is not erased.</param>
    public static ResolvedCases Resolve(IReadOnlyList<DecisionLogEntry> counted, IReadOnlyList<DecisionLogEntry> erasures, Func<DecisionLogEntry, string?> openSubject)
    {
        ArgumentNullException.ThrowIfNull(counted);
        ArgumentNullException.ThrowIfNull(erasures);
        ArgumentNullException.ThrowIfNull(openSubject);
        var subjects = new Dictionary<Guid, string?>();
        var frozen = new Dictionary<string, IReadOnlyDictionary<ReportingYear, (WresGroup Group, PersonSource Source)>>(StringComparer.Ordinal);
        foreach (var erasure in erasures)
        {
            if (erasure.ConcernId is not { } concernId || erasure.SubjectStaffRef is not { } pseudonym || !pseudonym.StartsWith(ErasedPrefix, StringComparison.Ordinal))
            {
                throw new FormatException($"Decision-log entry {erasure.EntryId} records an erasure without its case and pseudonym.");
            }

            subjects[concernId] = pseudonym;
            var groups = ParseFrozenGroups(erasure.Answer, erasure.EntryId);
            frozen[pseudonym] = frozen.TryGetValue(pseudonym, out var earlier)
                ? earlier.Concat(groups).GroupBy(g => g.Key).ToDictionary(g => g.Key, g => g.First().Value)
                : groups;
        }

        var resolved = new List<DecisionLogEntry>(counted.Count);
        foreach (var entry in counted)
        {
            var subject = entry.SubjectStaffRef;
            if (entry.ConcernId is { } concernId)
            {
                if (!subjects.TryGetValue(concernId, out subject))
                {
                    subject = openSubject(entry);
                    subjects[concernId] = subject;
                }
            }

            resolved.Add(WithSubject(entry, subject));
        }

        return new ResolvedCases(resolved, frozen);
    }

    /// <summary>The frozen groups as a <c>PersonalDataErased</c> entry's answer writes them: <c>2023-24=Bme/Snapshot;2024-25=Bme/StaffRecord</c>.</summary>
    public static string FormatFrozenGroups(IEnumerable<(ReportingYear Year, WresGroup Group, PersonSource Source)> groups) =>
        string.Join(';', groups.OrderBy(g => g.Year).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Year}={g.Group}/{g.Source}")));

    public static IReadOnlyDictionary<ReportingYear, (WresGroup Group, PersonSource Source)> ParseFrozenGroups(string? text, long entryId)
    {
        var groups = new Dictionary<ReportingYear, (WresGroup, PersonSource)>();
        foreach (var part in (text ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var slash = part.IndexOf('/', StringComparison.Ordinal);
            if (equals < 0 || slash < equals
                || !ReportingYear.TryParse(part[..equals], out var year)
                || !Enum.TryParse<WresGroup>(part[(equals + 1)..slash], ignoreCase: false, out var group) || !Enum.IsDefined(group)
                || !Enum.TryParse<PersonSource>(part[(slash + 1)..], ignoreCase: false, out var source) || !Enum.IsDefined(source))
            {
                throw new FormatException($"Decision-log entry {entryId} records an erasure whose frozen groups cannot be read: '{part}'.");
            }

            groups[year] = (group, source);
        }

        return groups;
    }

    private static DecisionLogEntry WithSubject(DecisionLogEntry entry, string? subject) => new()
    {
        EntryId = entry.EntryId,
        EventType = entry.EventType,
        ConcernId = entry.ConcernId,
        WorkflowInstanceId = entry.WorkflowInstanceId,
        SubjectStaffRef = subject,
        DefinitionId = entry.DefinitionId,
        DefinitionVersion = entry.DefinitionVersion,
        ActivityId = entry.ActivityId,
        Question = entry.Question,
        Answer = entry.Answer,
        ActorId = entry.ActorId,
        ActorRole = entry.ActorRole,
        OccurredAtUtc = entry.OccurredAtUtc,
    };
}

/// <param name="Counted">The counted entries, each carrying its case's subject key (a staff ref or an erasure pseudonym)
/// in <see cref="DecisionLogEntry.SubjectStaffRef"/>; no free text.</param>
/// <param name="Frozen">Each erasure pseudonym's WRES group per reporting year, as counted before erasure.</param>
public sealed record ResolvedCases(IReadOnlyList<DecisionLogEntry> Counted, IReadOnlyDictionary<string, IReadOnlyDictionary<ReportingYear, (WresGroup Group, PersonSource Source)>> Frozen);
