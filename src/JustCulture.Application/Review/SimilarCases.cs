using JustCulture.Domain.Concerns;
using JustCulture.Domain.Ethnicity;
using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Review;

/// <param name="Outcome">The checklist outcome to match.</param>
/// <param name="Category">When given, only concerns of this category match as well.</param>
/// <param name="ExcludeConcernId">The case under review, which is not its own precedent.</param>
public sealed record SimilarCasesQuery(ChecklistOutcome Outcome, string? Category = null, Guid? ExcludeConcernId = null);

/// <summary>How many past actions took one route, by WRES group of the person concerned.</summary>
public sealed record SimilarRouteCount(string Route, int White, int Bme, int NotStated)
{
    public int Total => White + Bme + NotStated;
}

public sealed record SimilarCasesView(ChecklistOutcome Outcome, string? Category, IReadOnlyList<SimilarRouteCount> Routes)
{
    public int Total => Routes.Sum(r => r.Total);
}

/// <summary>
/// Consistency check for a reviewer (docs/domain/beyond-the-indicator.md): the routes taken for past actions with the same
/// checklist outcome (and category, when asked), counted by ethnic group. Aggregates only — no staff
/// refs, no names — so it can be shown on a blinded case.
/// </summary>
public sealed class SimilarCasesHandler(JustCultureDbContext db)
{
    public async Task<SimilarCasesView> HandleAsync(SimilarCasesQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var outcome = query.Outcome;
        var rows =
            from a in db.ConcernActions.AsNoTracking()
            where a.Outcome == outcome && a.Route != null
            join c in db.Concerns.AsNoTracking() on a.ConcernId equals c.Id
            join s in db.Staff.AsNoTracking() on c.SubjectStaffRef equals s.StaffRef
            select new { a.Route, c.Id, c.Category, s.WresGroup };
        if (query.ExcludeConcernId is { } exclude)
        {
            rows = rows.Where(r => r.Id != exclude);
        }

        if (!string.IsNullOrWhiteSpace(query.Category))
        {
            var category = query.Category.Trim();
            rows = rows.Where(r => r.Category == category);
        }

        var found = await rows.Select(r => new { r.Route, r.WresGroup }).ToListAsync(cancellationToken);
        // Every route is listed, taken or not, so a zero reads as a zero rather than as missing data.
        var routes = Enum.GetValues<CaseRoute>()
            .Select(route => new SimilarRouteCount(
                route.ToString(),
                found.Count(f => f.Route == route && f.WresGroup == WresGroup.White),
                found.Count(f => f.Route == route && f.WresGroup == WresGroup.Bme),
                found.Count(f => f.Route == route && f.WresGroup == WresGroup.NotStated)))
            .ToList();
        return new SimilarCasesView(outcome, string.IsNullOrWhiteSpace(query.Category) ? null : query.Category.Trim(), routes);
    }
}
