using JustCulture.Application.Common;
using JustCulture.Application.Csv;
using JustCulture.Application.Reports;
using JustCulture.Domain.Reporting;
using JustCulture.Domain.Staff;
using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Staff;

/// <summary>A staff file read, checked and compared with what is stored: the one piece of work behind the preview and the import.</summary>
internal sealed record StaffFileReviewResult(ReportingYear Year, StaffCsvParseResult Parsed, StaffImportPreview Preview, HeadcountSnapshot? Current,
    IReadOnlyDictionary<string, StaffMember> Existing);

internal static class StaffFileReview
{
    /// <summary>Reads and checks the file and compares it with the year's current snapshot; refuses a bad file
    /// with every problem keyed to <see cref="ImportStaffCommand.Csv"/>. Writes nothing.</summary>
    public static async Task<StaffFileReviewResult> ReviewAsync(JustCultureDbContext db, string csv, string sourceName, string yearText, DateOnly today,
        bool trackExisting, CancellationToken cancellationToken)
    {
        var year = ReportingYearInput.Parse(yearText);
        using var reader = new StringReader(csv);
        var parsed = StaffCsvParser.Parse(reader, sourceName, today);
        var errors = parsed.Errors.Select(e => e.ToString()).ToList();
        if (errors.Count == 0)
        {
            errors.AddRange(await UnknownLineManagersAsync(db, parsed, sourceName, cancellationToken));
        }

        if (errors.Count > 0)
        {
            throw FileRefused($"{sourceName}: {errors.Count} problem(s); nothing was imported.", errors);
        }

        if (parsed.Rows.Count == 0)
        {
            throw FileRefused($"{sourceName}: the file has no staff rows; nothing was imported.", []);
        }

        var key = year.ToString();
        var current = await db.HeadcountSnapshotHistory.SingleOrDefaultAsync(h => h.Year == key && h.ReplacedAtUtc == null, cancellationToken);
        var counted = await db.HeadcountSnapshots.AsNoTracking().Where(h => h.Year == key).Select(h => new { h.StaffRef, h.WresGroup }).ToListAsync(cancellationToken);

        var refs = parsed.Rows.Select(r => r.StaffRef).ToList();
        var query = trackExisting ? db.Staff : db.Staff.AsNoTracking();
        var existing = await query.Where(s => refs.Contains(s.StaffRef)).ToDictionaryAsync(s => s.StaffRef, StringComparer.Ordinal, cancellationToken);

        var changes = parsed.Rows.Where(r => existing.ContainsKey(r.StaffRef)).Select(r => existing[r.StaffRef].ChangesFrom(r)).ToList();
        var fieldCounts = Enum.GetValues<StaffRecordField>()
            .Select(f => new FieldChangeCount(f, changes.Count(c => c.Contains(f))))
            .Where(c => c.People > 0).ToList();
        var inFile = refs.ToHashSet(StringComparer.Ordinal);
        var header = parsed.Header!;
        var preview = new StaffImportPreview(
            key,
            sourceName,
            StaffImportPreview.HashOf(csv),
            parsed.Rows.Count,
            NewPeople: parsed.Rows.Count - existing.Count,
            ChangedPeople: changes.Count(c => c.Count > 0),
            UnchangedPeople: changes.Count(c => c.Count == 0),
            fieldCounts,
            Leavers: counted.Count(c => !inFile.Contains(c.StaffRef)),
            Before: WresCounts.Of(counted.Select(c => c.WresGroup)),
            After: WresCounts.Of(parsed.Rows.Select(r => r.EthnicCode.WresGroup)),
            current is null ? null : SnapshotSummary.Of(current),
            header.Readings,
            header.Ignored);
        return new StaffFileReviewResult(year, parsed, preview, current, existing);
    }

    /// <summary>
    /// A refusal of the file, keyed to the input it is about (<see cref="ImportStaffCommand.Csv"/>, as a bad year is
    /// keyed to <see cref="ImportStaffCommand.Year"/>) so a form places it without reading the text: the summary
    /// first, then every bad row with its line and field.
    /// </summary>
    private static UseCaseException FileRefused(string summary, IEnumerable<string> rows) => UseCaseException.InvalidFields(
        [new FieldProblem(nameof(ImportStaffCommand.Csv), summary), .. rows.Select(r => new FieldProblem(nameof(ImportStaffCommand.Csv), r))]);

    /// <summary>A line manager must be someone in this file or already known.</summary>
    private static async Task<IEnumerable<string>> UnknownLineManagersAsync(JustCultureDbContext db, StaffCsvParseResult parsed, string sourceName, CancellationToken cancellationToken)
    {
        var inFile = parsed.Rows.Select(r => r.StaffRef).ToHashSet(StringComparer.Ordinal);
        var wanted = parsed.Rows.Where(r => r.LineManagerRef is not null && !inFile.Contains(r.LineManagerRef))
            .Select(r => r.LineManagerRef!).Distinct().ToList();
        var known = wanted.Count == 0
            ? []
            : (await db.Staff.Where(s => wanted.Contains(s.StaffRef)).Select(s => s.StaffRef).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var heading = parsed.Header!.HeadingOf(StaffFileColumns.LineManagerRef);
        return parsed.Rows
            .Select((row, index) => (row, line: parsed.LineOf(index)))
            .Where(x => x.row.LineManagerRef is not null && !inFile.Contains(x.row.LineManagerRef) && !known.Contains(x.row.LineManagerRef))
            .Select(x => new CsvError(sourceName, x.line, heading, $"'{x.row.LineManagerRef}' is not a staff ref in this file or already imported").ToString());
    }
}
