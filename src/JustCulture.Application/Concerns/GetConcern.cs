using JustCulture.Domain.Concerns;
using JustCulture.Application.Cases;
using JustCulture.Application.Common;
using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Concerns;

public sealed record ConcernActionView(int Ordinal, int Version, string Description, ActionStage Stage, ChecklistOutcome? Outcome, CaseRoute? Route, DateTime? FormalInvestigationStartedAtUtc, Guid WorkflowInstanceId);

public sealed record ConcernView(
    Guid Id,
    string SubjectStaffRef,
    string RaisedByUserId,
    string Summary,
    string Category,
    DateOnly? IncidentDate,
    DateTime OpenedAtUtc,
    ConcernStatus Status,
    int Version,
    IReadOnlyList<ConcernActionView> Actions);

public sealed class GetConcernHandler(JustCultureDbContext db, CaseReader cases)
{
    /// <summary>
    /// The concern as a given user may see it: a line manager only a concern they raised, a commissioning
    /// manager only a case they are independent of (the case access policy). Nobody else reads case content.
    /// </summary>
    public async Task<ConcernView> HandleForAsync(Guid concernId, string viewerUserId, CancellationToken cancellationToken = default)
    {
        var loaded = await cases.ReadAsync(CaseTarget.Case(concernId), viewerUserId, CaseAccess.View, cancellationToken);
        return ToView(loaded.Concern);
    }

    /// <summary>The concern for operators (the CLI's <c>concern show</c>, tests), with no per-user rule.</summary>
    public async Task<ConcernView> HandleAsync(Guid concernId, CancellationToken cancellationToken = default)
    {
        var concern = await db.Concerns.AsNoTracking().Include(c => c.Actions).SingleOrDefaultAsync(c => c.Id == concernId, cancellationToken)
            ?? throw UseCaseException.NotFound($"Unknown concern {concernId}.");
        return ToView(concern);
    }

    private static ConcernView ToView(Domain.Concerns.Concern concern) =>
        new(concern.Id, concern.SubjectStaffRef, concern.RaisedByUserId, concern.Summary, concern.Category,
            concern.IncidentDate, concern.OpenedAtUtc, concern.Status, concern.Version,
            concern.Actions.OrderBy(a => a.Ordinal)
                .Select(a => new ConcernActionView(a.Ordinal, a.Version, a.Description, a.Stage, a.Outcome, a.Route, a.FormalInvestigationStartedAtUtc, a.WorkflowInstanceId))
                .ToList());
}
