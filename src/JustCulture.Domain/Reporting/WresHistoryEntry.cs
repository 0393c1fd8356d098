using JustCulture.Domain.Ethnicity;

namespace JustCulture.Domain.Reporting;

/// <summary>
/// Indicator-3 figures for one group in one reporting year from before the trust adopted JustCulture, as
/// published in its WRES returns. Kept as totals (there is no log to recompute them from) and always labelled
/// "imported" when shown, so nobody mistakes them for figures recomputed from the decision log.
/// </summary>
public sealed class WresHistoryEntry
{
    private WresHistoryEntry()
    {
        Year = SourceName = ImportedBy = string.Empty;
    }

    /// <summary>Reporting year, "2021-22".</summary>
    public string Year { get; private set; }
    public WresGroup WresGroup { get; private set; }
    public int Entering { get; private set; }
    public int Headcount { get; private set; }

    /// <summary>The file the figures came from, for the audit trail.</summary>
    public string SourceName { get; private set; }
    public string ImportedBy { get; private set; }
    public DateTime ImportedAtUtc { get; private set; }

    public static WresHistoryEntry Create(ReportingYear year, WresGroup group, int entering, int headcount, string sourceName, string importedBy, DateTime importedAtUtc)
    {
        if (entering < 0 || headcount < 0 || entering > headcount)
        {
            throw new DomainRuleException($"{year} {group}: entering ({entering}) must be between 0 and the headcount ({headcount}).");
        }

        return new()
        {
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
