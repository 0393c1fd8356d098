using JustCulture.Persistence;

namespace JustCulture.Application.Staff;

/// <param name="Csv">The file's whole text (kept by the caller, so the confirmed import can be the same text).</param>
public sealed record PreviewStaffImportQuery(string Csv, string SourceName, string Year);

/// <summary>What importing a staff file would do, for a person to confirm; reads only.</summary>
public sealed class PreviewStaffImportHandler(JustCultureDbContext db, TimeProvider clock)
{
    public async Task<StaffImportPreview> HandleAsync(PreviewStaffImportQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        using var csv = new StringReader(query.Csv);
        var review = await StaffFileReview.ReviewAsync(db, csv, query.SourceName, query.Year, today, cancellationToken);
        return review.Preview;
    }
}
