namespace JustCulture.Domain.Staff;

/// <summary>
/// One import of a reporting year's headcount: who imported which file when, and its WRES counts. A year keeps
/// every snapshot ever imported for it; the one not yet replaced is current, and its people are the rows of
/// <see cref="HeadcountSnapshotEntry"/> that reports read. A replaced snapshot's people are kept as
/// <see cref="ArchivedHeadcountEntry"/> rows, so a mistaken import can be seen for what it replaced.
/// </summary>
public sealed class HeadcountSnapshot
{
    private HeadcountSnapshot()
    {
        Year = ImportedBy = SourceName = string.Empty;
    }

    public Guid Id { get; private set; }

    /// <summary>Reporting year, "2024-25".</summary>
    public string Year { get; private set; }

    public DateTime ImportedAtUtc { get; private set; }

    /// <summary>The user ID of whoever imported it (an administrator, or the command's operator).</summary>
    public string ImportedBy { get; private set; }

    /// <summary>The file's name as uploaded, e.g. "esr-march-2025.csv".</summary>
    public string SourceName { get; private set; }

    public int RowCount { get; private set; }
    public int White { get; private set; }
    public int Bme { get; private set; }
    public int NotStated { get; private set; }

    /// <summary>When a later import replaced it; null while it is the year's current snapshot.</summary>
    public DateTime? ReplacedAtUtc { get; private set; }

    public bool IsCurrent => ReplacedAtUtc is null;

    public static HeadcountSnapshot Record(string year, DateTime importedAtUtc, string importedBy, string sourceName, int white, int bme, int notStated) => new()
    {
        Id = Guid.NewGuid(),
        Year = year,
        ImportedAtUtc = importedAtUtc,
        ImportedBy = importedBy,
        SourceName = sourceName,
        RowCount = white + bme + notStated,
        White = white,
        Bme = bme,
        NotStated = notStated,
    };

    public void ReplacedAt(DateTime utc)
    {
        if (ReplacedAtUtc is not null)
        {
            throw new DomainRuleException($"The {Year} snapshot imported at {ImportedAtUtc:O} was already replaced.");
        }

        ReplacedAtUtc = utc;
    }
}
