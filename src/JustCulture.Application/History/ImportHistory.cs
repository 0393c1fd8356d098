using System.Globalization;
using JustCulture.Application.Common;
using JustCulture.Application.Csv;
using JustCulture.Application.Reports;
using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Reporting;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.History;

public sealed record ImportHistoryCommand(TextReader Csv, string SourceName, Actor Actor);

public sealed record ImportHistoryResult(int Rows, IReadOnlyList<string> Years);

/// <summary>One validated row of a history file.</summary>
public sealed record HistoryRow(ReportingYear Year, WresGroup Group, int Entering, int Headcount, int Line);

/// <summary>
/// Reads the history file through the shared <see cref="CsvImportReader"/>: header <c>Year,Group,Entering,Headcount</c>
/// (any case), Group White, BME or NotStated. Every problem is reported with its line and field, because the
/// import is all or nothing.
/// </summary>
public static class HistoryCsvParser
{
    public const string Header = "Year,Group,Entering,Headcount";

    private static readonly string[] Columns = ["Year", "Group", "Entering", "Headcount"];

    public static (IReadOnlyList<HistoryRow> Rows, IReadOnlyList<CsvError> Errors) Parse(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rows = new List<HistoryRow>();
        var errors = new List<CsvError>();
        var file = CsvImportReader.Read(reader, sourceName, Columns, StringComparer.OrdinalIgnoreCase);

        var figures = new HistoryFigureReader(sourceName, errors);
        var seen = new Dictionary<(ReportingYear, WresGroup), int>();
        foreach (var (line, fields) in file.Rows)
        {
            if (figures.Read(line, fields[0], fields[1], fields[2], fields[3]) is not { } row)
            {
                continue;
            }

            if (seen.TryGetValue((row.Year, row.Group), out var first))
            {
                figures.Error(line, "Group", string.Create(CultureInfo.InvariantCulture, $"{row.Year} {fields[1]} appears more than once (first on line {first})"));
                continue;
            }

            seen.Add((row.Year, row.Group), line);
            rows.Add(new HistoryRow(row.Year, row.Group, row.Entering, row.Headcount, line));
        }

        foreach (var year in rows.GroupBy(r => r.Year))
        {
            figures.RequireWhiteAndBme(year.Key.ToString(), year.First().Line, year.Select(r => r.Group), "year");
        }

        // The file's shape problems and the rows' value problems, in line order (a line's shape problem first).
        return (rows, [.. file.Errors.Concat(errors).OrderBy(e => e.Line)]);
    }
}

/// <summary>
/// Imports published indicator-3 totals for years before adoption. All or nothing; a year already in the file
/// replaces that year's earlier import. Years in which the decision log holds cases are refused: there the log
/// is the source and imported totals would contradict it.
/// </summary>
public sealed class ImportHistoryHandler(JustCultureDbContext db, TimeProvider clock, DecisionLogWriter log)
{
    public async Task<ImportHistoryResult> HandleAsync(ImportHistoryCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (rows, parseErrors) = HistoryCsvParser.Parse(command.Csv, command.SourceName);
        var errors = HistoryImportProblems.Of(parseErrors, rows.Count, command.SourceName);

        if (errors.Count == 0)
        {
            // An erasure at the end of retention is about a case of long ago, not a case in the year it happens.
            var caseEvents = await db.DecisionLog.AsNoTracking().Where(e => e.ConcernId != null && e.EventType != LogEventTypes.PersonalDataErased)
                .Select(e => e.OccurredAtUtc).ToListAsync(cancellationToken);
            foreach (var year in rows.Select(r => r.Year).Distinct())
            {
                if (caseEvents.Any(year.Contains))
                {
                    var line = rows.First(r => r.Year == year).Line;
                    errors.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{command.SourceName} line {line}, field Year: {year} already has cases in the decision log, which is the source for that year; history is only for years before adoption"));
                }
            }
        }

        HistoryImportProblems.ThrowIfAny(errors, command.SourceName);

        return await StepTransaction.RunAsync(db, async ct =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var years = rows.Select(r => r.Year.ToString()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            await db.WresHistory.Where(h => years.Contains(h.Year)).ExecuteDeleteAsync(ct);
            db.WresHistory.AddRange(rows.Select(r => WresHistoryEntry.Create(r.Year, r.Group, r.Entering, r.Headcount, command.SourceName, command.Actor.UserId, now)));
            await log.AppendAsync(db, [new DecisionLogEntry
            {
                EventType = LogEventTypes.HistoryImported,
                Question = $"Imported indicator-3 history from {command.SourceName}",
                Answer = string.Join("; ", rows.OrderBy(r => r.Year).ThenBy(r => r.Group).Select(r =>
                    string.Create(CultureInfo.InvariantCulture, $"{r.Year} {r.Group}: {r.Entering} of {r.Headcount}"))),
                ActorId = command.Actor.UserId,
                ActorRole = command.Actor.Role,
                OccurredAtUtc = now,
            }], ct);
            return new ImportHistoryResult(rows.Count, years);
        }, cancellationToken);
    }
}
