using System.Text.RegularExpressions;
using JustCulture.Application.Common;
using JustCulture.Domain;
using JustCulture.Domain.Concerns;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Log;

/// <summary>
/// A decision-log entry as an auditor sees it, on the log page and through the API alike. Pseudonymised: no names,
/// no user ids, no staff refs, no rationale or other free text — only what happened, to which case, by which role,
/// a keyed pseudonym for the actor (<see cref="ActorPseudonyms"/>), the question and answer when they are the
/// definition's own text and fixed choices (<see cref="AuditorView"/>), and the entry's leaf hash in the Merkle tree
/// (the server verifies the tree in full; <c>log prove</c> proves one entry against a signed checkpoint).
/// </summary>
public sealed record PseudonymisedLogEntry(
    long Sequence,
    DateTime OccurredAtUtc,
    string EventType,
    Guid? CaseRef,
    string? DefinitionId,
    int? DefinitionVersion,
    string? ActivityId,
    string? Question,
    string? Answer,
    string ActorRole,
    string ActorPseudonym,
    string LeafHash);

/// <summary>Where a page of the log starts: after a sequence number (a cursor, as the API pages) or at a page number.</summary>
/// <param name="Take">Entries per page, clamped to 1–<see cref="BrowseLogHandler.MaxTake"/>.</param>
/// <param name="After">Start after this sequence number; when given, <paramref name="Page"/> is not used and the order is sequence order.</param>
/// <param name="Page">The page number (from 1, clamped to the pages there are); the first page when neither is given.</param>
/// <param name="NewestFirst">Pages run from the newest entry back (the log page); a cursor always runs in sequence order.</param>
/// <param name="Filter">Only the entries that match; <see cref="LogFilter.None"/> for the whole log.</param>
public sealed record BrowseLogQuery(int Take, long? After = null, int? Page = null, bool NewestFirst = false, LogFilter? Filter = null);

/// <param name="Page">The page shown; for a cursor query, the page its first entry falls on.</param>
/// <param name="NextAfter">The cursor for the next page (the last sequence shown), or null when this page is the last.</param>
public sealed record PseudonymisedLogPage(IReadOnlyList<PseudonymisedLogEntry> Entries, int Page, int PageSize, long TotalEntries, long? NextAfter)
{
    public int PageCount => (int)Math.Max(1, (TotalEntries + PageSize - 1) / PageSize);
}

/// <summary>
/// The one query behind the auditor's log, page and API: the integrated decision log, filtered, in sequence order or newest
/// first, a page at a time, pseudonymised. The columns are projected in SQL; the actor id is read only to be turned into its pseudonym.
/// </summary>
public sealed partial class BrowseLogHandler(JustCultureDbContext db, ActorPseudonyms pseudonyms, DecisionLogSequencer sequencer)
{
    public const int MaxTake = 500;

    public async Task<PseudonymisedLogPage> HandleAsync(BrowseLogQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.After is < 0)
        {
            throw UseCaseException.Invalid("After", "after must be a sequence number of 0 or more.");
        }

        // What is committed but still waiting (normally for under a second) is given its place first, so the log shown is the whole log.
        await sequencer.IntegrateAsync(db, cancellationToken);
        var take = Math.Clamp(query.Take, 1, MaxTake);
        var matching = await FilteredAsync(query.Filter ?? LogFilter.None, cancellationToken);
        var total = await matching.LongCountAsync(cancellationToken);
        var pageCount = (int)Math.Max(1, (total + take - 1) / take);
        IQueryable<Row> window;
        int page;
        var cursor = query.After is not null;
        if (query.After is { } after)
        {
            window = matching.OrderBy(r => r.Sequence).Where(r => r.Sequence > after);
            var before = await matching.LongCountAsync(r => r.Sequence <= after, cancellationToken);
            page = (int)Math.Min(before / take + 1, pageCount);
        }
        else
        {
            page = Math.Clamp(query.Page ?? 1, 1, pageCount);
            var ordered = query.NewestFirst ? matching.OrderByDescending(r => r.Sequence) : matching.OrderBy(r => r.Sequence);
            window = ordered.Skip((page - 1) * take);
        }

        // One more than asked for says whether another page follows.
        var rows = await window
            .Take(take + 1)
            .Select(r => new { r.Sequence, r.LeafHash, r.Entry.OccurredAtUtc, r.Entry.EventType, r.Entry.ConcernId, r.Entry.DefinitionId, r.Entry.DefinitionVersion,
                r.Entry.ActivityId, r.Entry.Question, r.Entry.Answer, r.Entry.ActorId, r.Entry.ActorRole })
            .ToListAsync(cancellationToken);
        var entries = rows.Take(take).Select(e => new PseudonymisedLogEntry(e.Sequence, e.OccurredAtUtc, e.EventType, e.ConcernId, e.DefinitionId, e.DefinitionVersion,
                e.ActivityId, AuditorView.Question(e.EventType, e.Question), AuditorView.Answer(e.EventType, e.Answer), e.ActorRole, pseudonyms.For(e.ActorId),
                e.LeafHash))
            .ToList();
        // A cursor only makes sense in sequence order; a newest-first page is reached by its number.
        var nextAfter = rows.Count > take && (cursor || !query.NewestFirst) ? entries[^1].Sequence : (long?)null;
        return new PseudonymisedLogPage(entries, page, take, total, nextAfter);
    }

    /// <summary>The event types an auditor may filter by, in the order a case meets them.</summary>
    public static IReadOnlyList<string> EventTypes { get; } =
    [
        LogEventTypes.ConcernOpened, LogEventTypes.ChecklistStarted, LogEventTypes.QuestionAnswered, LogEventTypes.OutcomeRecorded,
        LogEventTypes.ReviewDecided, LogEventTypes.InformalResolutionPlanRecorded, LogEventTypes.InformalResolutionRecorded,
        LogEventTypes.FormalInvestigationStarted, LogEventTypes.SuspensionProposed, LogEventTypes.SuspensionApproved,
        LogEventTypes.SuspensionDeclined, LogEventTypes.SuspensionContinuationProposed, LogEventTypes.SuspensionContinued,
        LogEventTypes.SuspensionEnded,
        LogEventTypes.WellbeingSupportRecorded, LogEventTypes.WellbeingCheckInRecorded,
        LogEventTypes.AmbassadorInvited, LogEventTypes.AmbassadorObservationsRecorded, LogEventTypes.FairnessSurveyOffered,
        LogEventTypes.StageDelayRecorded,
        LogEventTypes.InvestigationConcluded, LogEventTypes.HearingHeld, LogEventTypes.AppealLodged, LogEventTypes.AppealDecided, LogEventTypes.FormalProcessClosed,
        LogEventTypes.WorkflowFinished, LogEventTypes.CaseUnblinded,
        LogEventTypes.StaffImported, LogEventTypes.HistoryImported, LogEventTypes.UserAdded,
    ];

    /// <summary>An entry with its place and leaf hash: only integrated entries are shown (a moment after their step).</summary>
    /// <remarks>Built by member initialisation, not a constructor: EF Core can order and filter by the members
    /// of a member-initialised projection, but not by a constructor's parameters.</remarks>
    private sealed class Row
    {
        public required long Sequence { get; init; }

        public required string LeafHash { get; init; }

        public required DecisionLogEntry Entry { get; init; }
    }

    private async Task<IQueryable<Row>> FilteredAsync(LogFilter filter, CancellationToken cancellationToken)
    {
        var problems = new List<FieldProblem>();
        string? caseReference = null;
        if (!string.IsNullOrWhiteSpace(filter.CaseReference))
        {
            caseReference = filter.CaseReference.Trim().ToUpperInvariant();
            if (!CaseReferencePattern().IsMatch(caseReference))
            {
                problems.Add(new FieldProblem("CaseReference", $"'{filter.CaseReference.Trim()}' is not a case reference; write it as JC- and 8 letters or digits, e.g. JC-1A2B3C4D."));
            }
        }

        string? eventType = null;
        if (!string.IsNullOrWhiteSpace(filter.EventType))
        {
            eventType = EventTypes.FirstOrDefault(t => string.Equals(t, filter.EventType.Trim(), StringComparison.OrdinalIgnoreCase));
            if (eventType is null)
            {
                problems.Add(new FieldProblem("EventType", $"'{filter.EventType.Trim()}' is not an event type; use one of {string.Join(", ", EventTypes)}."));
            }
        }

        if (filter.From is { } from && filter.To is { } to && to < from)
        {
            problems.Add(new FieldProblem("To", $"The end date ({UkDates.Date(to)}) is before the start date ({UkDates.Date(from)})."));
        }

        if (problems.Count > 0)
        {
            throw UseCaseException.InvalidFields(problems);
        }

        IQueryable<DecisionLogEntry> entries = db.DecisionLog.AsNoTracking();
        if (caseReference is not null)
        {
            // A reference is the first 8 hex digits of the concern id: matched here rather than in SQL, where each
            // provider stores ids differently. Two concerns sharing a reference would both be shown.
            var ids = (await db.Concerns.AsNoTracking().Select(c => c.Id).ToListAsync(cancellationToken))
                .Where(id => CaseReference.Of(id) == caseReference)
                .Select(id => (Guid?)id)
                .ToList();
            entries = entries.Where(e => ids.Contains(e.ConcernId));
        }

        if (eventType is not null)
        {
            entries = entries.Where(e => e.EventType == eventType);
        }

        if (filter.From is { } start)
        {
            var startUtc = UkDates.StartUtc(start);
            entries = entries.Where(e => e.OccurredAtUtc >= startUtc);
        }

        if (filter.To is { } end)
        {
            var endUtc = UkDates.StartUtc(end.AddDays(1));
            entries = entries.Where(e => e.OccurredAtUtc < endUtc);
        }

        return from l in db.DecisionLogLeaves.AsNoTracking()
               join e in entries on l.EntryId equals e.EntryId
               select new Row { Sequence = l.Sequence, LeafHash = l.LeafHash, Entry = e };
    }

    [GeneratedRegex("^JC-[0-9A-F]{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex CaseReferencePattern();
}

/// <summary>
/// Which decision-log entries to show: one case (its reference, "JC-1A2B3C4D"), one event type (its stored name),
/// and UK dates from and to, both included. Every part is optional.
/// </summary>
public sealed record LogFilter(string? CaseReference = null, string? EventType = null, DateOnly? From = null, DateOnly? To = null)
{
    public static LogFilter None { get; } = new();

    public bool IsEmpty => string.IsNullOrWhiteSpace(CaseReference) && string.IsNullOrWhiteSpace(EventType) && From is null && To is null;
}
