using JustCulture.Domain.Concerns;
using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Concerns;

public sealed record MyConcernActionView(int Ordinal, string Description, ActionStage Stage, ChecklistOutcome? Outcome, CaseRoute? Route);

public sealed record MyConcernView(
    Guid Id,
    string SubjectStaffRef,
    string SubjectName,
    string Summary,
    string Category,
    DateOnly? IncidentDate,
    DateTime OpenedAtUtc,
    ConcernStatus Status,
    IReadOnlyList<MyConcernActionView> Actions);

/// <summary>The concerns a line manager raised — only theirs — newest first, with where each action is.</summary>
public sealed class ListMyConcernsHandler(JustCultureDbContext db)
{
    public async Task<IReadOnlyList<MyConcernView>> HandleAsync(string raisedByUserId, CancellationToken cancellationToken = default)
    {
        var concerns = await db.Concerns.AsNoTracking().Include(c => c.Actions)
            .Where(c => c.RaisedByUserId == raisedByUserId)
            .ToListAsync(cancellationToken);
        var refs = concerns.Select(c => c.SubjectStaffRef).Distinct().ToList();
        var names = await db.Staff.AsNoTracking().Where(s => refs.Contains(s.StaffRef))
            .ToDictionaryAsync(s => s.StaffRef, s => s.Name, StringComparer.Ordinal, cancellationToken);

        return concerns
            .OrderByDescending(c => c.OpenedAtUtc)
            .Select(c => new MyConcernView(c.Id, c.SubjectStaffRef, names.GetValueOrDefault(c.SubjectStaffRef, c.SubjectStaffRef), c.Summary, c.Category,
                c.IncidentDate, c.OpenedAtUtc, c.Status,
                c.Actions.OrderBy(a => a.Ordinal)
                    .Select(a => new MyConcernActionView(a.Ordinal, a.Description, a.Stage, a.Outcome, a.Route))
                    .ToList()))
            .ToList();
    }
}
