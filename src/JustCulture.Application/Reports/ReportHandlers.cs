using JustCulture.Application.Common;
using JustCulture.Application.Staff;
using JustCulture.Domain.Reporting;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Application.Log;
using JustCulture.Persistence.DecisionLog.Checkpoints;
using JustCulture.Persistence.DecisionLog.PersonalData;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Reports;

public sealed record Indicator3Query(string Year, string Basis = "single");

public sealed record FunnelQuery(string Year);

/// <summary>
/// Reads what the reports compute from out of the live database; all counting of people is left to the pure
/// calculators. The cost follows the years asked, not the history: only the counted entries of those years are
/// read, as the few columns the calculators use (never the free text), one sealed subject is opened per case, the
/// headcounts are counted by GROUP BY, and only the people counted are read individually.
/// </summary>
public sealed class ReportDataLoader(JustCultureDbContext db, DecisionLogTrust trust, DecisionLogSequencer sequencer, CaseDataProtector protector)
{
    // Keeps each IN (...) list well under every provider's parameter limit (SQLite's is 32,766).
    private const int ChunkSize = 1000;

    private bool _verified;
    private StoredCheckpoint? _checkpoint;

    /// <summary>The case events the reports count (the calculators pick each year's).</summary>
    public static readonly IReadOnlyList<string> CountedEvents =
        [LogEventTypes.ConcernOpened, LogEventTypes.OutcomeRecorded, LogEventTypes.ReviewDecided, LogEventTypes.FormalInvestigationStarted,
            .. FormalProcessStages.CountedEvents];

    /// <summary>The signed checkpoint the figures were computed against (null only while the log is empty).</summary>
    public LogCheckpointSummary? Checkpoint => LogCheckpointSummary.Of(_checkpoint);

    /// <summary>
    /// The inputs of every live report, read only from a log that verifies end to end against the signed
    /// checkpoints, and only the entries a checkpoint signed for this report covers: a figure computed from a log
    /// that has been edited, cut or rewritten is worse than none, because it looks trustworthy.
    /// </summary>
    public Task<ReportInputs> LoadAsync(IReadOnlyCollection<ReportingYear> years, CancellationToken cancellationToken = default) =>
        LoadAsync(years, breakdowns: true, cancellationToken);

    /// <param name="breakdowns">Whether to count the headcount by band, staff group, length of service and
    /// directorate (the funnel's breakdowns); indicator 3 needs only the headcount by group.</param>
    public async Task<ReportInputs> LoadAsync(IReadOnlyCollection<ReportingYear> years, bool breakdowns, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(years);
        if (!_verified)
        {
            // Once per scope: a page computes several reports from one request's view of the log.
            _checkpoint = await VerifiedCheckpoint.CurrentAsync(db, trust, sequencer, cancellationToken);
            _verified = true;
        }

        var size = _checkpoint?.Checkpoint.Size ?? 0;
        var history = await db.WresHistory.AsNoTracking().ToListAsync(cancellationToken);
        var userStaffRefs = await db.Users.AsNoTracking().Where(u => u.StaffRef != null)
            .ToDictionaryAsync(u => u.UserId, u => u.StaffRef!, StringComparer.Ordinal, cancellationToken);
        if (years.Count == 0)
        {
            return new ReportInputs([], new StaffPopulation(new Dictionary<ReportingYear, IReadOnlyList<ReportPerson>>(), []), history, FigureSources.Live, userStaffRefs);
        }

        var log = new ReportLogQueries(db, size, years);
        var reads = await log.ReadAsync(cancellationToken);
        var subjects = await OpenSubjectsAsync(reads, cancellationToken);
        var cases = CaseSubjects.Resolve(reads.Counted, reads.Erasures, e => subjects[e.ConcernId!.Value]);

        var lookedUp = cases.Counted.Select(e => e.SubjectStaffRef)
            .Concat(cases.Counted.Where(e => e.EventType == LogEventTypes.ConcernOpened).Select(e => userStaffRefs.GetValueOrDefault(e.ActorId)))
            .OfType<string>().Where(r => !r.StartsWith(CaseSubjects.ErasedPrefix, StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).ToList();
        var population = await new ReportStaffQueries(db, years).PopulationAsync(lookedUp, breakdowns, cases.Frozen, cancellationToken);
        return new ReportInputs(cases.Counted, population, history, FigureSources.Live, userStaffRefs);
    }

    /// <summary>
    /// Each case's subject, opened from its first counted entry in the log (as an export is read), with the keyring
    /// loaded for only the cases counted that are not erased.
    /// </summary>
    private async Task<Dictionary<Guid, string?>> OpenSubjectsAsync(ReportLogReads reads, CancellationToken cancellationToken)
    {
        var erased = reads.Erasures.Select(e => e.ConcernId).OfType<Guid>().ToHashSet();
        var sealedSubjects = reads.FirstSubjects.Where(e => !erased.Contains(e.ConcernId!.Value)).ToList();
        var subjects = new Dictionary<Guid, string?>();
        foreach (var chunk in sealedSubjects.Chunk(ChunkSize))
        {
            var keyring = await protector.KeyringAsync(db, chunk.Select(e => e.ConcernId!.Value), cancellationToken);
            foreach (var entry in chunk)
            {
                subjects[entry.ConcernId!.Value] = Open(keyring, entry);
            }
        }

        return subjects;
    }

    private static string? Open(CaseDataKeyring keyring, DecisionLogEntry entry)
    {
        OpenedFields fields;
        try
        {
            fields = keyring.Open(entry);
        }
        catch (LogIntegrityException ex)
        {
            throw UseCaseException.LogBroken(ex.Message);
        }

        // A key destroyed without the erasure the retention run records would silently drop the case from the figures.
        return fields.Erased
            ? throw UseCaseException.LogBroken($"the data key of case {entry.ConcernId} is erased but the log records no erasure of it (entry id {entry.EntryId})")
            : fields.SubjectStaffRef;
    }

    internal static IEnumerable<T[]> Chunks<T>(IEnumerable<T> items) => items.Chunk(ChunkSize);
}

/// <summary>Indicator 3 for a year from the live database.</summary>
public sealed class Indicator3ReportHandler(ReportDataLoader loader)
{
    public async Task<Indicator3Report> HandleAsync(Indicator3Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var year = ReportArguments.Year(query.Year);
        var basis = ReportArguments.Basis(query.Basis);
        // Only the year(s) the basis counts: the cost follows the figure asked for.
        ReportingYear[] years = basis == ReportBasis.Rolling ? [year.Previous, year] : [year];
        var inputs = await loader.LoadAsync(years, breakdowns: false, cancellationToken);
        return Indicator3Calculator.Compute(year, basis, inputs) with { Checkpoint = loader.Checkpoint };
    }
}

/// <summary>The disparity funnel and breakdowns for a year from the live database.</summary>
public sealed class FunnelReportHandler(ReportDataLoader loader)
{
    public async Task<FunnelReport> HandleAsync(FunnelQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var year = ReportArguments.Year(query.Year);
        var inputs = await loader.LoadAsync([year], cancellationToken);
        return FunnelCalculator.Compute(year, inputs) with { Checkpoint = loader.Checkpoint };
    }
}

/// <summary>
/// Offline recomputation for an auditor: a decision-log export (JSON lines) and the staff file(s) as imported, no
/// database. The export is checked first against its own signed checkpoint, the log's public key and any checkpoints
/// the auditor kept; a cut, rolled-back or rewritten export is refused, saying which.
/// </summary>
/// <param name="Export">The export's text.</param>
/// <param name="ExportName">Shown in messages.</param>
/// <param name="Staff">The staff file for <paramref name="Year"/> (its headcount snapshot) and, for the rolling basis,
/// the previous year's: (year, reader, name).</param>
/// <param name="History">Optionally the history file imported live (<c>history import</c>), so imported years match.</param>
/// <param name="Verifier">The log's public key (and any witnesses) the export's checkpoint must be signed with.</param>
/// <param name="KeptCheckpoints">Checkpoints the auditor kept from earlier; the export may not be behind or diverge from any.</param>
public sealed record OfflineIndicator3Query(TextReader Export, string ExportName, IReadOnlyList<(string Year, TextReader Csv, string Name)> Staff, string Year,
    CheckpointVerifier Verifier, IReadOnlyList<StoredCheckpoint>? KeptCheckpoints = null, string Basis = "single", (TextReader Csv, string Name)? History = null);

/// <summary>
/// The recomputed report and the signed checkpoint it was checked against (carried by the export, so named by it);
/// the report states the same checkpoint.
/// </summary>
public sealed record OfflineIndicator3Result(Indicator3Report Report, LogCheckpointSummary Checkpoint, long Entries);

public sealed class OfflineIndicator3Handler(TimeProvider clock)
{
    public async Task<OfflineIndicator3Result> HandleAsync(OfflineIndicator3Query query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var year = ReportArguments.Year(query.Year);
        var basis = ReportArguments.Basis(query.Basis);

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var snapshots = new Dictionary<ReportingYear, IReadOnlyList<ReportPerson>>();
        var records = new Dictionary<string, ReportPerson>(StringComparer.Ordinal);
        var errors = new List<string>();
        // Later years first, so a person's record is their most recent one, as in the live staff table.
        foreach (var (yearText, csv, name) in query.Staff.OrderByDescending(s => s.Year, StringComparer.Ordinal))
        {
            var staffYear = ReportArguments.Year(yearText);
            var parsed = StaffCsvParser.Parse(csv, name, today);
            errors.AddRange(parsed.Errors.Select(e => e.ToString()));
            var people = parsed.Rows.Select(ReportPerson.From).ToList();
            snapshots[staffYear] = people;
            foreach (var person in people)
            {
                records.TryAdd(person.StaffRef, person);
            }
        }

        if (errors.Count > 0)
        {
            throw UseCaseException.Invalid($"{errors.Count} problem(s) in the staff file(s); nothing was computed.", errors);
        }

        var history = new List<WresHistoryEntry>();
        if (query.History is { } historyFile)
        {
            var (rows, historyErrors) = History.HistoryCsvParser.Parse(historyFile.Csv, historyFile.Name);
            errors.AddRange(historyErrors.Select(e => e.ToString()));
            history.AddRange(rows.Select(r => WresHistoryEntry.Create(r.Year, r.Group, r.Entering, r.Headcount, historyFile.Name, "offline", default)));
        }

        if (errors.Count > 0)
        {
            throw UseCaseException.Invalid($"{errors.Count} problem(s) in the input file(s); nothing was computed.", errors);
        }

        // The files first (all their problems at once), then the export against its checkpoint.
        VerifiedExport export;
        try
        {
            export = await DecisionLogStore.ReadVerifiedExportAsync(query.Export, query.ExportName, query.Verifier, query.KeptCheckpoints, cancellationToken);
        }
        catch (LogIntegrityException ex)
        {
            throw new LogTamperedException(ex.Message);
        }

        var entries = export.Entries;

        // The same events the live loader reads, so "does the log hold cases this year" is judged identically.
        var counted = entries.Where(e => ReportDataLoader.CountedEvents.Contains(e.EventType, StringComparer.Ordinal)).ToList();
        var erasures = entries.Where(e => e.EventType == LogEventTypes.PersonalDataErased).ToList();
        // The export carries each sealed field opened beside it (not hashed; docs/log-format.md §4); an erased case has none.
        var opened = export.Exported.ToDictionary(e => e.EntryId, e => e.Opened);
        var cases = CaseSubjects.Resolve(counted, erasures, e => opened.TryGetValue(e.EntryId, out var fields) && fields is { Erased: false }
            ? fields.SubjectStaffRef
            : throw new LogTamperedException($"{query.ExportName}: entry id {e.EntryId} of case {e.ConcernId} carries no opened subject and the export records no erasure of its case"));
        var inputs = new ReportInputs(cases.Counted, new StaffPopulation(snapshots, records.Values, cases.Frozen), history, FigureSources.Export);
        var checkpoint = LogCheckpointSummary.Of(export.Checkpoint, query.ExportName);
        return new OfflineIndicator3Result(Indicator3Calculator.Compute(year, basis, inputs) with { Checkpoint = checkpoint }, checkpoint, entries.Count);
    }
}

/// <summary>A log export that does not verify against its signed checkpoint or the auditor's: nothing is computed from it.</summary>
public sealed class LogTamperedException(string problem)
    : Exception($"{problem}. Nothing was computed from it.");

internal static class ReportArguments
{
    public static ReportingYear Year(string text) => ReportingYearInput.Parse(text);

    public static ReportBasis Basis(string text) => text?.Trim().ToLowerInvariant() switch
    {
        "single" or "" or null => ReportBasis.Single,
        "rolling" => ReportBasis.Rolling,
        _ => throw UseCaseException.Invalid($"'{text}' is not a basis; use single or rolling."),
    };
}
