using JustCulture.Application.Common;
using JustCulture.Application.Csv;
using JustCulture.Application.Reports;
using JustCulture.Domain.Reporting;
using JustCulture.Domain.Staff;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Staff;

public sealed record ImportStaffCommand(TextReader Csv, string SourceName, string Year, Actor Actor);

public sealed record ImportStaffResult(string Year, int Imported, int Added, int Updated, int White, int Bme, int NotStated);

/// <summary>
/// Imports the workforce file for a reporting year: updates staff records and replaces that year's
/// headcount snapshot (the 31 March position). All or nothing: one bad row and nothing is imported,
/// with every bad row listed.
/// </summary>
public sealed class ImportStaffHandler(JustCultureDbContext db, TimeProvider clock)
{
    public async Task<ImportStaffResult> HandleAsync(ImportStaffCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var year = ReportingYearInput.Parse(command.Year);

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var parsed = StaffCsvParser.Parse(command.Csv, command.SourceName, today);
        var errors = parsed.Errors.Select(e => e.ToString()).ToList();
        if (errors.Count == 0)
        {
            errors.AddRange(await UnknownLineManagersAsync(parsed, command.SourceName, cancellationToken));
        }

        if (errors.Count > 0)
        {
            throw FileRefused($"{command.SourceName}: {errors.Count} problem(s); nothing was imported.", errors);
        }

        if (parsed.Rows.Count == 0)
        {
            throw FileRefused($"{command.SourceName}: the file has no staff rows; nothing was imported.", []);
        }

        return await StepTransaction.RunAsync(db, async ct =>
        {
            var refs = parsed.Rows.Select(r => r.StaffRef).ToList();
            var existing = await db.Staff.Where(s => refs.Contains(s.StaffRef)).ToDictionaryAsync(s => s.StaffRef, StringComparer.Ordinal, ct);
            foreach (var row in parsed.Rows)
            {
                if (existing.TryGetValue(row.StaffRef, out var member))
                {
                    member.Update(row);
                }
                else
                {
                    db.Staff.Add(StaffMember.Create(row));
                }
            }

            await ManagerChains.RecomputeAsync(db, ct);
            var yearText = year.ToString();
            await db.HeadcountSnapshots.Where(h => h.Year == yearText).ExecuteDeleteAsync(ct);
            db.HeadcountSnapshots.AddRange(parsed.Rows.Select(r => HeadcountSnapshotEntry.From(yearText, r)));

            var result = new ImportStaffResult(yearText, parsed.Rows.Count, parsed.Rows.Count - existing.Count, existing.Count,
                parsed.Rows.Count(r => r.EthnicCode.WresGroup == Domain.Ethnicity.WresGroup.White),
                parsed.Rows.Count(r => r.EthnicCode.WresGroup == Domain.Ethnicity.WresGroup.Bme),
                parsed.Rows.Count(r => r.EthnicCode.WresGroup == Domain.Ethnicity.WresGroup.NotStated));
            await DecisionLogStore.AppendAsync(db, [new DecisionLogEntry
            {
                EventType = LogEventTypes.StaffImported,
                Question = $"Headcount snapshot {yearText} (as at {year.SnapshotDate:yyyy-MM-dd})",
                Answer = $"{result.Imported} staff: {result.White} White, {result.Bme} BME, {result.NotStated} not stated",
                ActorId = command.Actor.UserId,
                ActorRole = command.Actor.Role,
                OccurredAtUtc = clock.GetUtcNow().UtcDateTime,
            }], ct);
            return result;
        }, cancellationToken);
    }

    /// <summary>
    /// A refusal of the file, keyed to the input it is about (<see cref="ImportStaffCommand.Csv"/>, as a bad year is
    /// keyed to <see cref="ImportStaffCommand.Year"/>) so a form places it without reading the text: the summary
    /// first, then every bad row with its line and field.
    /// </summary>
    private static UseCaseException FileRefused(string summary, IEnumerable<string> rows) => UseCaseException.InvalidFields(
        [new FieldProblem(nameof(ImportStaffCommand.Csv), summary), .. rows.Select(r => new FieldProblem(nameof(ImportStaffCommand.Csv), r))]);

    /// <summary>A line manager must be someone in this file or already known.</summary>
    private async Task<IEnumerable<string>> UnknownLineManagersAsync(StaffCsvParseResult parsed, string sourceName, CancellationToken cancellationToken)
    {
        var inFile = parsed.Rows.Select(r => r.StaffRef).ToHashSet(StringComparer.Ordinal);
        var wanted = parsed.Rows.Where(r => r.LineManagerRef is not null && !inFile.Contains(r.LineManagerRef))
            .Select(r => r.LineManagerRef!).Distinct().ToList();
        var known = wanted.Count == 0
            ? []
            : (await db.Staff.Where(s => wanted.Contains(s.StaffRef)).Select(s => s.StaffRef).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return parsed.Rows
            .Select((row, index) => (row, line: parsed.LineOf(index)))
            .Where(x => x.row.LineManagerRef is not null && !inFile.Contains(x.row.LineManagerRef) && !known.Contains(x.row.LineManagerRef))
            .Select(x => new CsvError(sourceName, x.line, "LineManagerRef", $"'{x.row.LineManagerRef}' is not a staff ref in this file or already imported").ToString());
    }
}
