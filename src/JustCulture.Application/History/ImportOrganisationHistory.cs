using System.Globalization;
using JustCulture.Application.Common;
using JustCulture.Application.Csv;
using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Reporting;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.History;

public sealed record ImportOrganisationHistoryCommand(TextReader Csv, string SourceName, Actor Actor);

public sealed record ImportOrganisationHistoryResult(int Rows, IReadOnlyList<string> Organisations, IReadOnlyList<string> Years);

/// <summary>One validated row of a many-organisations history file.</summary>
public sealed record OrganisationHistoryRow(string Organisation, ReportingYear Year, WresGroup Group, int Entering, int Headcount, int Line);

/// <summary>
/// Reads a many-organisations history file: header <c>Organisation,Year,Group,Entering,Headcount</c> (any case), the
/// same as the trust's own history file with an organisation column first. Every bad row is listed with its line and
/// field — an organisation's group twice for a year, a negative or non-numeric count, entering greater than headcount,
/// an unknown group, a bad year, an organisation-year without both White and BME rows — because the import is all or nothing.
/// </summary>
public static class OrganisationHistoryCsvParser
{
    public const string Header = "Organisation,Year,Group,Entering,Headcount";

    private static readonly string[] Columns = ["Organisation", "Year", "Group", "Entering", "Headcount"];

    /// <summary>Whether a file's first line is this file's header (so <c>history import</c> can tell the two files apart).</summary>
    public static bool IsOrganisationFile(string? firstLine) =>
        firstLine is not null && firstLine.TrimStart('\uFEFF').Split(',')[0].Trim().Trim('"').Equals("Organisation", StringComparison.OrdinalIgnoreCase);

    public static (IReadOnlyList<OrganisationHistoryRow> Rows, IReadOnlyList<CsvError> Errors) Parse(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var rows = new List<OrganisationHistoryRow>();
        var errors = new List<CsvError>();
        var file = CsvImportReader.Read(reader, sourceName, Columns, StringComparer.OrdinalIgnoreCase);

        var figures = new HistoryFigureReader(sourceName, errors);
        var seen = new Dictionary<(string, ReportingYear, WresGroup), int>();
        foreach (var (line, fields) in file.Rows)
        {
            var organisation = fields[0];
            var named = true;
            if (organisation.Length == 0)
            {
                figures.Error(line, "Organisation", "the organisation is missing");
                named = false;
            }
            else if (organisation.Length > OrganisationHistoryEntry.MaxOrganisationLength)
            {
                figures.Error(line, "Organisation", string.Create(CultureInfo.InvariantCulture, $"the organisation is longer than {OrganisationHistoryEntry.MaxOrganisationLength} characters"));
                named = false;
            }

            if (figures.Read(line, fields[1], fields[2], fields[3], fields[4]) is not { } row || !named)
            {
                continue;
            }

            var key = (organisation.ToUpperInvariant(), row.Year, row.Group);
            if (seen.TryGetValue(key, out var first))
            {
                figures.Error(line, "Organisation", string.Create(CultureInfo.InvariantCulture, $"{organisation} has {fields[2]} for {row.Year} more than once (first on line {first})"));
                continue;
            }

            seen.Add(key, line);
            rows.Add(new OrganisationHistoryRow(organisation, row.Year, row.Group, row.Entering, row.Headcount, line));
        }

        foreach (var pair in rows.GroupBy(r => (Organisation: r.Organisation.ToUpperInvariant(), r.Year)))
        {
            var firstRow = pair.First();
            figures.RequireWhiteAndBme($"{firstRow.Organisation} {firstRow.Year}", firstRow.Line, pair.Select(r => r.Group), "organisation-year");
        }

        return (rows, [.. file.Errors.Concat(errors).OrderBy(e => e.Line)]);
    }
}

/// <summary>
/// Imports other organisations' published indicator-3 figures, to compare many organisations (the funnel plot). All or
/// nothing; an organisation-year in the file replaces that organisation-year's earlier import. Recorded in the decision
/// log as a history import.
/// </summary>
public sealed class ImportOrganisationHistoryHandler(JustCultureDbContext db, TimeProvider clock, DecisionLogWriter log)
{
    public async Task<ImportOrganisationHistoryResult> HandleAsync(ImportOrganisationHistoryCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (rows, parseErrors) = OrganisationHistoryCsvParser.Parse(command.Csv, command.SourceName);
        var errors = HistoryImportProblems.Of(parseErrors, rows.Count, command.SourceName);

        HistoryImportProblems.ThrowIfAny(errors, command.SourceName);

        return await StepTransaction.RunAsync(db, async ct =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var pairs = rows.Select(r => (r.Organisation, Year: r.Year.ToString())).Distinct().ToList();
            foreach (var year in pairs.Select(p => p.Year).Distinct(StringComparer.Ordinal))
            {
                var organisations = pairs.Where(p => p.Year == year).Select(p => p.Organisation).ToList();
                await db.OrganisationHistory.Where(h => h.Year == year && organisations.Contains(h.Organisation)).ExecuteDeleteAsync(ct);
            }

            db.OrganisationHistory.AddRange(rows.Select(r => OrganisationHistoryEntry.Create(r.Organisation, r.Year, r.Group, r.Entering, r.Headcount, command.SourceName, command.Actor.UserId, now)));
            var organisationNames = rows.Select(r => r.Organisation).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var years = rows.Select(r => r.Year.ToString()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            await log.AppendAsync(db, [new DecisionLogEntry
            {
                EventType = LogEventTypes.HistoryImported,
                Question = string.Create(CultureInfo.InvariantCulture, $"Imported indicator-3 figures of {organisationNames.Count} organisation(s) from {command.SourceName}"),
                Answer = string.Join("; ", rows.OrderBy(r => r.Organisation, StringComparer.Ordinal).ThenBy(r => r.Year).ThenBy(r => r.Group).Select(r =>
                    string.Create(CultureInfo.InvariantCulture, $"{r.Organisation} {r.Year} {r.Group}: {r.Entering} of {r.Headcount}"))),
                ActorId = command.Actor.UserId,
                ActorRole = command.Actor.Role,
                OccurredAtUtc = now,
            }], ct);
            return new ImportOrganisationHistoryResult(rows.Count, organisationNames, years);
        }, cancellationToken);
    }
}
