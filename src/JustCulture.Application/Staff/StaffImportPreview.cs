using System.Security.Cryptography;
using System.Text;
using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Staff;

namespace JustCulture.Application.Staff;

/// <summary>Headcount by WRES group; not stated is excluded from indicator 3 but counted here.</summary>
public sealed record WresCounts(int White, int Bme, int NotStated)
{
    public static WresCounts None { get; } = new(0, 0, 0);

    public int Total => White + Bme + NotStated;

    public static WresCounts Of(IEnumerable<WresGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var list = groups.ToList();
        return new(list.Count(g => g == WresGroup.White), list.Count(g => g == WresGroup.Bme), list.Count(g => g == WresGroup.NotStated));
    }
}

/// <summary>How many people an import would change in one part of their record.</summary>
public sealed record FieldChangeCount(StaffRecordField Field, int People);

/// <summary>One imported snapshot of a year, for the history and the preview's "replaces".</summary>
public sealed record SnapshotSummary(Guid Id, string Year, DateTime ImportedAtUtc, string ImportedBy, string SourceName, WresCounts Groups, DateTime? ReplacedAtUtc)
{
    public int Rows => Groups.Total;

    public bool IsCurrent => ReplacedAtUtc is null;

    public static SnapshotSummary Of(HeadcountSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new(snapshot.Id, snapshot.Year, snapshot.ImportedAtUtc, snapshot.ImportedBy, snapshot.SourceName,
            new WresCounts(snapshot.White, snapshot.Bme, snapshot.NotStated), snapshot.ReplacedAtUtc);
    }
}

/// <summary>
/// What importing a file would do, compared with the year's current snapshot and the staff records: worked out
/// without writing anything, shown before the import is confirmed, and worked out again by the import itself.
/// </summary>
public sealed record StaffImportPreview(
    string Year,
    string SourceName,
    string FileHash,
    int Rows,
    int NewPeople,
    int ChangedPeople,
    int UnchangedPeople,
    IReadOnlyList<FieldChangeCount> ChangedFields,
    int Leavers,
    WresCounts Before,
    WresCounts After,
    SnapshotSummary? Replaces,
    IReadOnlyList<StaffColumnReading> ColumnsRead,
    IReadOnlyList<string> ColumnsIgnored)
{
    /// <summary>A drop bigger than this share of the current headcount needs "this file is the whole workforce".</summary>
    public const int MaxDropPercentWithoutConfirmation = 20;

    /// <summary>How far the headcount falls against the current snapshot, in whole per cent (0 when it grows or there is none).</summary>
    public int DropPercent => Before.Total == 0 || After.Total >= Before.Total
        ? 0
        : (int)Math.Round((Before.Total - After.Total) * 100.0 / Before.Total, MidpointRounding.AwayFromZero);

    /// <summary>More than a fifth fewer people than the current snapshot: usually a partial file, not a smaller trust.</summary>
    public bool IsBigDrop => Before.Total > 0 && After.Total * 100L < Before.Total * (100L - MaxDropPercentWithoutConfirmation);

    /// <summary>The hash a confirmed import must match, so what is imported is exactly what was previewed.</summary>
    public static string HashOf(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(csv)));
    }
}
