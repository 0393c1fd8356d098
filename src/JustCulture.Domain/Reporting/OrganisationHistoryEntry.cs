using JustCulture.Domain.Ethnicity;

namespace JustCulture.Domain.Reporting;

/// <summary>
/// One organisation's published indicator-3 figures for one group in one reporting year, imported to compare many
/// organisations at once (the funnel plot, docs/domain/wres-indicator-3.md "Many organisations"). Kept apart from the
/// trust's own <see cref="WresHistoryEntry"/>: these are other organisations' published totals, never recomputed.
/// </summary>
public sealed class OrganisationHistoryEntry
{
    private OrganisationHistoryEntry()
    {
        Organisation = Year = SourceName = ImportedBy = string.Empty;
    }

    /// <summary>The organisation as the file names it (e.g. "RLY North Staffordshire Combined Healthcare").</summary>
    public string Organisation { get; private set; }

    /// <summary>Reporting year, "2021-22".</summary>
    public string Year { get; private set; }
    public WresGroup WresGroup { get; private set; }
    public int Entering { get; private set; }
    public int Headcount { get; private set; }
    public string SourceName { get; private set; }
    public string ImportedBy { get; private set; }
    public DateTime ImportedAtUtc { get; private set; }

    public const int MaxOrganisationLength = 200;

    public static OrganisationHistoryEntry Create(string organisation, ReportingYear year, WresGroup group, int entering, int headcount, string sourceName, string importedBy, DateTime importedAtUtc)
    {
        if (string.IsNullOrWhiteSpace(organisation) || organisation.Length > MaxOrganisationLength)
        {
            throw new DomainRuleException($"An organisation must be named, in at most {MaxOrganisationLength} characters.");
        }

        if (entering < 0 || headcount < 0 || entering > headcount)
        {
            throw new DomainRuleException($"{organisation} {year} {group}: entering ({entering}) must be between 0 and the headcount ({headcount}).");
        }

        return new()
        {
            Organisation = organisation,
            Year = year.ToString(),
            WresGroup = group,
            Entering = entering,
            Headcount = headcount,
            SourceName = sourceName,
            ImportedBy = importedBy,
            ImportedAtUtc = importedAtUtc,
        };
    }
}
