using JustCulture.Application.Cases;
using JustCulture.Domain.Concerns;
using JustCulture.Domain.Formal;
using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Formal;

/// <summary>One action in the formal process, with where it stands; <see cref="Record"/> is null until the
/// investigation concludes. <see cref="Next"/> names what can be recorded next, or null when nothing can.</summary>
/// <param name="Next">The stage that can be recorded next, or null (the process is complete or closed).</param>
/// <param name="CanClose">The process has an end and can be closed now (an appeal can still be lodged until it is).</param>
/// <param name="IsClosed">The process is closed: nothing more can be recorded.</param>
public sealed record FormalActionView(Guid ConcernId, string CaseReference, int ActionOrdinal, DateTime InvestigationStartedAtUtc,
    FormalProcessView? Record, string? HearingPanel, string? HearingOutcomeDetail, string? Next, bool CanClose = false, bool IsClosed = false);

/// <summary>What can be recorded next on an action in the formal process.</summary>
public static class FormalNextStep
{
    public const string Conclude = "conclude";
    public const string Hearing = "hearing";
    public const string LodgeAppeal = "appeal";
    public const string DecideAppeal = "appeal-outcome";

    public static string? Of(FormalProceeding? f) =>
        f is null ? Conclude
        : f.HearingRefusal() is null ? Hearing
        : f.AppealRefusal() is null ? LodgeAppeal
        : f.AppealDecisionRefusal() is null ? DecideAppeal
        : null;
}

/// <summary>The formal process on cases, for an independent commissioning manager of each (the review's access policy):
/// one case's actions, or the work list of every case the reader may review. Blinded like the review queue.</summary>
public sealed class FormalProcessQueries(JustCultureDbContext db, CaseReader reader)
{
    public async Task<IReadOnlyList<FormalActionView>> ForCaseAsync(Guid concernId, string userId, CancellationToken cancellationToken = default)
    {
        var loaded = await reader.ReadAsync(CaseTarget.Case(concernId), userId, CaseAccess.Review, cancellationToken);
        var records = await db.FormalProceedings.AsNoTracking().Where(f => f.ConcernId == concernId).ToListAsync(cancellationToken);
        return loaded.Concern.Actions
            .Where(a => a.FormalInvestigationStartedAtUtc is not null)
            .OrderBy(a => a.Ordinal)
            .Select(a => View(concernId, a, records.SingleOrDefault(r => r.ActionOrdinal == a.Ordinal)))
            .ToList();
    }

    public async Task<IReadOnlyList<FormalActionView>> WorkListAsync(string userId, CancellationToken cancellationToken = default)
    {
        var actor = await CaseActors.ReviewerAsync(db, userId, cancellationToken);
        var rows = await (
            from a in db.ConcernActions.AsNoTracking()
            where a.FormalInvestigationStartedAtUtc != null
            join c in db.Concerns.AsNoTracking() on a.ConcernId equals c.Id
            join subject in db.Staff.AsNoTracking() on c.SubjectStaffRef equals subject.StaffRef
            join raiser in db.Staff.AsNoTracking() on c.RaisedByStaffRef equals raiser.StaffRef into raisers
            from raiser in raisers.DefaultIfEmpty()
            join f in db.FormalProceedings.AsNoTracking() on new { a.ConcernId, a.Ordinal } equals new { f.ConcernId, Ordinal = f.ActionOrdinal } into formal
            from f in formal.DefaultIfEmpty()
            select new { Action = a, Concern = c, Subject = subject, Raiser = raiser, Record = f })
            .ToListAsync(cancellationToken);
        return rows
            .Where(r => CaseAccessPolicy.Refusal(actor.User, actor.Staff, r.Concern.Parties(r.Subject, r.Raiser), CaseAccess.Review) is null)
            .Select(r => View(r.Concern.Id, r.Action, r.Record) with { HearingPanel = null, HearingOutcomeDetail = null })
            .OrderBy(v => v.Next is null && !v.CanClose).ThenBy(v => v.InvestigationStartedAtUtc).ThenBy(v => v.CaseReference, StringComparer.Ordinal)
            .ToList();
    }

    private static FormalActionView View(Guid concernId, ConcernAction action, FormalProceeding? record)
    {
        var closed = action.Stage == ActionStage.Closed;
        return new(concernId, CaseReference.Of(concernId), action.Ordinal, action.FormalInvestigationStartedAtUtc!.Value,
            record is null ? null : FormalProcessView.From(record), record?.HearingPanel, record?.HearingOutcomeDetail, closed ? null : FormalNextStep.Of(record),
            CanClose: !closed && FormalProceeding.ClosureRefusal(record) is null, IsClosed: closed);
    }
}
