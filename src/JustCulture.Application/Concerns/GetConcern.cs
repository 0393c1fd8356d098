using JustCulture.Application.Common;
using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Concerns;

public sealed record ConcernActionView(int Ordinal, string Description, string Stage, string? Outcome, string? Route, DateTime? FormalInvestigationStartedAtUtc, Guid WorkflowInstanceId);

public sealed record ConcernView(
    Guid Id,
    string SubjectStaffRef,
    string RaisedByUserId,
    string Summary,
    string Category,
    DateOnly? IncidentDate,
    DateTime OpenedAtUtc,
    string Status,
    int Version,
    IReadOnlyList<ConcernActionView> Actions);

public sealed class GetConcernHandler(JustCultureDbContext db)
{
    /// <summary>
    /// The concern as a given user may see it: a line manager only a concern they raised, a commissioning
    /// manager only a case they are independent of. Nobody else reads case content.
    /// </summary>
    public async Task<ConcernView> HandleForAsync(Guid concernId, string viewerUserId, CancellationToken cancellationToken = default)
    {
        var viewer = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserId == viewerUserId, cancellationToken)
            ?? throw UseCaseException.Forbidden($"Unknown user '{viewerUserId}'.");
        var concern = await db.Concerns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == concernId, cancellationToken)
            ?? throw UseCaseException.NotFound($"Unknown concern {concernId}.");
        var subject = await db.Staff.AsNoTracking().SingleAsync(s => s.StaffRef == concern.SubjectStaffRef, cancellationToken);
        var allowed = viewer.Role switch
        {
            Domain.Users.Role.LineManager => string.Equals(concern.RaisedByUserId, viewer.UserId, StringComparison.Ordinal),
            Domain.Users.Role.CommissioningManager => concern.ReviewerConflict(viewer, subject) is null,
            _ => false,
        };
        if (!allowed)
        {
            throw UseCaseException.Forbidden($"{viewer.UserId} may not see concern {concernId}.");
        }

        return await HandleAsync(concernId, cancellationToken);
    }

    public async Task<ConcernView> HandleAsync(Guid concernId, CancellationToken cancellationToken = default)
    {
        var concern = await db.Concerns.AsNoTracking().Include(c => c.Actions).SingleOrDefaultAsync(c => c.Id == concernId, cancellationToken)
            ?? throw UseCaseException.NotFound($"Unknown concern {concernId}.");
        return new ConcernView(concern.Id, concern.SubjectStaffRef, concern.RaisedByUserId, concern.Summary, concern.Category,
            concern.IncidentDate, concern.OpenedAtUtc, concern.Status.ToString(), concern.Version,
            concern.Actions.OrderBy(a => a.Ordinal)
                .Select(a => new ConcernActionView(a.Ordinal, a.Description, a.Stage.ToString(), a.Outcome?.ToString(), a.Route?.ToString(), a.FormalInvestigationStartedAtUtc, a.WorkflowInstanceId))
                .ToList());
    }
}
