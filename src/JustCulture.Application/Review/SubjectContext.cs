using JustCulture.Application.Reports;
using JustCulture.Domain.Staff;
using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Review;

/// <summary>
/// The details about the person that a blinded reviewer may see — band, staff group, directorate and length of
/// service (banded) — or, when so few people in the trust share all four that they would identify the person,
/// none of them. Withheld values are never sent, so no page or client can show them by mistake.
/// </summary>
/// <param name="PeopleSharing">How many current staff share all four details, the person included.</param>
public sealed record SubjectContextView(string? Band, string? StaffGroup, string? Directorate, string? ServiceBand, int PeopleSharing)
{
    public bool Withheld => Band is null;
}

public static class SubjectContext
{
    /// <summary>
    /// Fewer people than this sharing the details identifies the person. The same threshold as the published
    /// reports, which show counts of 1 to 4 as "&lt;5".
    /// </summary>
    public const int IdentifyingBelow = 5;

    public static async Task<SubjectContextView> ForAsync(JustCultureDbContext db, StaffMember subject, DateOnly today, bool unblinded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(subject);
        var serviceBand = FunnelCalculator.ServiceBand(subject.StartDate, today);
        var startDates = await db.Staff.AsNoTracking()
            .Where(s => s.Band == subject.Band && s.StaffGroup == subject.StaffGroup && s.Directorate == subject.Directorate)
            .Select(s => s.StartDate)
            .ToListAsync(cancellationToken);
        var sharing = startDates.Count(start => FunnelCalculator.ServiceBand(start, today) == serviceBand);
        return unblinded || sharing >= IdentifyingBelow
            ? new SubjectContextView(subject.Band, subject.StaffGroup, subject.Directorate, serviceBand, sharing)
            : new SubjectContextView(null, null, null, null, sharing);
    }
}
