using System.Globalization;
using JustCulture.Application.Common;
using JustCulture.Domain;
using JustCulture.Domain.Concerns;
using JustCulture.Domain.Ethnicity;
using JustCulture.Domain.Users;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.DecisionLog.PersonalData;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.SubjectAccess;

/// <param name="Actor">The administrator asking (the operator at the server is recorded as one).</param>
public sealed record SubjectAccessQuery(string? StaffRef, Actor Actor);

/// <summary>
/// Produces a subject access document for one staff ref and records that it was produced, in one transaction:
/// a document that was read leaves a log entry, and a failed one leaves neither. The entry holds no staff ref and
/// no free text — only how many cases the document covered — because the log can never forget what it holds.
/// </summary>
public sealed class SubjectAccessHandler(JustCultureDbContext db, DecisionLogWriter log, CaseDataProtector protector, TimeProvider clock)
{
    public const string ExportQuestion = "Subject access export";

    public async Task<SubjectAccessDocument> HandleAsync(SubjectAccessQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!string.Equals(query.Actor.Role, nameof(Role.Administrator), StringComparison.Ordinal))
        {
            throw UseCaseException.Forbidden("Only an administrator can produce a subject access document.");
        }

        var staffRef = query.StaffRef?.Trim() ?? string.Empty;
        if (staffRef.Length == 0)
        {
            throw UseCaseException.Invalid(nameof(SubjectAccessQuery.StaffRef), "Enter the staff ref of the person asking.");
        }

        db.ChangeTracker.Clear();
        return await StepTransaction.RunAsync(db, async ct =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var document = await BuildAsync(staffRef, now, ct);
            await log.AppendAsync(db, [new DecisionLogEntry
            {
                EventType = LogEventTypes.SubjectAccessExported,
                Question = ExportQuestion,
                Answer = document.Cases.Count.ToString(CultureInfo.InvariantCulture),
                ActorId = query.Actor.UserId,
                ActorRole = nameof(Role.Administrator),
                OccurredAtUtc = now,
            }], ct);
            return document;
        }, cancellationToken);
    }

    private async Task<SubjectAccessDocument> BuildAsync(string staffRef, DateTime nowUtc, CancellationToken ct)
    {
        var member = await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.StaffRef == staffRef, ct);
        var concerns = await db.Concerns.AsNoTracking().Include(c => c.Actions).Where(c => c.SubjectStaffRef == staffRef)
            .OrderBy(c => c.OpenedAtUtc).ToListAsync(ct);
        var liveIds = concerns.Select(c => c.Id).ToList();
        // An erased case names the person nowhere in its rows; only entries written before personal fields were
        // sealed still carry the staff ref in clear, and through them such a case is listed, as erased.
        var erasedAt = await db.DecisionLog.AsNoTracking()
            .Where(e => e.EventType == LogEventTypes.PersonalDataErased && e.ConcernId != null
                && db.DecisionLog.Any(o => o.ConcernId == e.ConcernId && o.SubjectStaffRef == staffRef))
            .GroupBy(e => e.ConcernId!.Value)
            .Select(g => new { ConcernId = g.Key, At = g.Min(e => e.OccurredAtUtc) })
            .ToListAsync(ct);
        if (member is null && concerns.Count == 0 && erasedAt.Count == 0)
        {
            throw UseCaseException.NotFound($"No staff record and no case about staff ref {staffRef}: check the staff ref.");
        }

        var entries = await db.DecisionLog.AsNoTracking().Where(e => e.ConcernId != null && liveIds.Contains(e.ConcernId.Value))
            .OrderBy(e => e.EntryId).ToListAsync(ct);
        var keyring = await protector.KeyringAsync(db, liveIds, ct);
        var byConcern = entries.ToLookup(e => e.ConcernId!.Value);

        var cases = concerns.Select(c => LiveCase(c, byConcern[c.Id], keyring)).ToList();
        cases.AddRange(erasedAt.Where(e => !liveIds.Contains(e.ConcernId)).OrderBy(e => e.At)
            .Select(e => new SubjectAccessCase(CaseReference.Of(e.ConcernId), e.At, null, null, null, null, null, [], [])));
        return new SubjectAccessDocument(staffRef, nowUtc, member is null ? null : StaffRecord(member), cases);
    }

    private static SubjectStaffRecord StaffRecord(Domain.Staff.StaffMember member)
    {
        var ethnicity = EthnicCode.TryParse(member.EthnicCode, out var code, out _) ? code : EthnicCode.NotRecorded;
        var recorded = ethnicity.Code.Length == 0 ? ethnicity.Description : $"{ethnicity.Code}: {ethnicity.Description}";
        return new SubjectStaffRecord(member.Name, recorded, Vocabulary.Group(member.WresGroup), member.Band, member.StaffGroup, member.Directorate, member.StartDate);
    }

    private static SubjectAccessCase LiveCase(Concern concern, IEnumerable<DecisionLogEntry> entries, CaseDataKeyring keyring)
    {
        var ordinals = concern.Actions.ToDictionary(a => a.WorkflowInstanceId, a => a.Ordinal);
        var actions = concern.Actions.OrderBy(a => a.Ordinal).Select(a => new SubjectAccessAction(a.Ordinal, a.Description, Vocabulary.Stage(a.Stage),
            Vocabulary.Outcome(a.Outcome), Vocabulary.Route(a.Route), a.InformalAgreedActions, a.InformalReviewDate, a.FormalInvestigationStartedAtUtc)).ToList();
        var decisions = entries.Select(e =>
        {
            var opened = keyring.Open(e);
            return new SubjectAccessDecision(e.OccurredAtUtc, Vocabulary.Event(e.EventType),
                e.WorkflowInstanceId is { } id && ordinals.TryGetValue(id, out var n) ? n : null,
                e.Question, AnswerWords(e.EventType, e.Answer), opened.Rationale, opened.InformalNotAppropriate, Capitalised(Vocabulary.Role(e.ActorRole)));
        }).ToList();
        return new SubjectAccessCase(CaseReference.Of(concern.Id), null, concern.OpenedAtUtc, concern.Category, concern.IncidentDate, concern.Summary,
            Vocabulary.Status(concern.Status), actions, decisions);
    }

    /// <summary>Answers stored by name (outcomes, routes, declarations) in the words the pages use; others as given.</summary>
    private static string? AnswerWords(string eventType, string? answer) => eventType switch
    {
        LogEventTypes.OutcomeRecorded => Enum.TryParse<ChecklistOutcome>(answer, out var o) && Enum.IsDefined(o) ? Vocabulary.OutcomeWithMeaning(o) : answer,
        LogEventTypes.ReviewDecided => Vocabulary.Route(answer),
        // An action closes on its route (or an informal resolution's result); anything else is shown as stored.
        LogEventTypes.WorkflowFinished => Enum.TryParse<CaseRoute>(answer, out var r) && Enum.IsDefined(r) ? Vocabulary.Route(r) : answer,
        LogEventTypes.InformalResolutionRecorded => answer == JustCulture.Workflows.InformalResolutionActivity.Resolved ? "Resolved"
            : answer == JustCulture.Workflows.InformalResolutionActivity.NotResolved ? "Not resolved" : answer,
        LogEventTypes.ConflictOfInterestDeclared => Vocabulary.Conflict(answer),
        _ => answer,
    };

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
