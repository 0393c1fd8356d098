using JustCulture.Application.Common;
using JustCulture.Application.Csv;
using JustCulture.Application.Reports;
using JustCulture.Domain.Reporting;
using JustCulture.Domain.Staff;
using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Staff;

/// <summary>A staff file read, checked and compared with what is stored: the one piece of work behind the preview and the import.</summary>
internal sealed record StaffFileReviewResult(ReportingYear Year, StaffCsvParseResult Parsed, StaffImportPreview Preview, HeadcountSnapshot? Current);

/// <summary>
/// How many staff refs one statement looks up or one save writes. Well under every provider's limit on
/// parameters in a statement (SQL Server's 2,100; SQLite's 32,766), so a file of any size is read and written
/// in chunks, inside the import's one transaction.
/// </summary>
internal static class StaffChunk
{
    public const int Size = 1000;
}

internal static class StaffFileReview
{
    /// <summary>Reads and checks the file and compares it with the year's current snapshot; refuses a bad file
    /// with every problem keyed to <see cref="ImportStaffCommand.Csv"/>. Writes nothing.</summary>
    /// <param name="csv">The file's text, read once, row by row; its hash is taken as it is read.</param>
    public static async Task<StaffFileReviewResult> ReviewAsync(JustCultureDbContext db, TextReader csv, string sourceName, string yearText, DateOnly today,
        CancellationToken cancellationToken)
    {
        var year = ReportingYearInput.Parse(yearText);
        using var reader = new HashingTextReader(csv);
        var parsed = StaffCsvParser.Parse(reader, sourceName, today);
        var fileHash = reader.HashHex();
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

        // Compared chunk by chunk, keeping only the counts: a national file need not be held as records too.
        var existing = 0;
        var changedPeople = 0;
        var fieldTotals = new Dictionary<StaffRecordField, int>();
        foreach (var chunk in parsed.Rows.Chunk(StaffChunk.Size))
        {
            var refs = chunk.Select(r => r.StaffRef).ToList();
            var stored = await db.Staff.AsNoTracking().Where(s => refs.Contains(s.StaffRef)).ToDictionaryAsync(s => s.StaffRef, StringComparer.Ordinal, cancellationToken);
            foreach (var row in chunk)
            {
                if (!stored.TryGetValue(row.StaffRef, out var member))
                {
                    continue;
                }

                existing++;
                var changes = member.ChangesFrom(row);
                changedPeople += changes.Count > 0 ? 1 : 0;
                foreach (var field in changes)
                {
                    fieldTotals[field] = fieldTotals.GetValueOrDefault(field) + 1;
                }
            }
        }

        var fieldCounts = Enum.GetValues<StaffRecordField>()
            .Select(f => new FieldChangeCount(f, fieldTotals.GetValueOrDefault(f)))
            .Where(c => c.People > 0).ToList();
        var inFile = parsed.Rows.Select(r => r.StaffRef).ToHashSet(StringComparer.Ordinal);
        var header = parsed.Header!;
        var preview = new StaffImportPreview(
            key,
            sourceName,
            fileHash,
            parsed.Rows.Count,
            NewPeople: parsed.Rows.Count - existing,
            ChangedPeople: changedPeople,
            UnchangedPeople: existing - changedPeople,
            fieldCounts,
            Leavers: counted.Count(c => !inFile.Contains(c.StaffRef)),
            Before: WresCounts.Of(counted.Select(c => c.WresGroup)),
            After: WresCounts.Of(parsed.Rows.Select(r => r.EthnicCode.WresGroup)),
            current is null ? null : SnapshotSummary.Of(current),
            header.Readings,
            header.Ignored);
        return new StaffFileReviewResult(year, parsed, preview, current);
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
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in wanted.Chunk(StaffChunk.Size))
        {
            known.UnionWith(await db.Staff.Where(s => chunk.Contains(s.StaffRef)).Select(s => s.StaffRef).ToListAsync(cancellationToken));
        }

        var heading = parsed.Header!.HeadingOf(StaffFileColumns.LineManagerRef);
        return parsed.Rows
            .Select((row, index) => (row, line: parsed.LineOf(index)))
            .Where(x => x.row.LineManagerRef is not null && !inFile.Contains(x.row.LineManagerRef) && !known.Contains(x.row.LineManagerRef))
            .Select(x => new CsvError(sourceName, x.line, heading, $"'{x.row.LineManagerRef}' is not a staff ref in this file or already imported").ToString());
    }
}
