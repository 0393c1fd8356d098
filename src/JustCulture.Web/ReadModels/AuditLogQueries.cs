using AutoMapper;
using AutoMapper.QueryableExtensions;
using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Web.ReadModels;

public sealed record AuditLogPage(IReadOnlyList<AuditLogEntryDto> Entries, long? NextAfter);

/// <summary>Read-side queries over the decision log, projected straight from SQL into DTOs.</summary>
public sealed class AuditLogQueries(JustCultureDbContext db, IMapper mapper)
{
    public async Task<AuditLogPage> PageAsync(long after, int take, CancellationToken cancellationToken = default)
    {
        var entries = await db.DecisionLog.AsNoTracking()
            .Where(e => e.Sequence > after)
            .OrderBy(e => e.Sequence)
            .Take(take + 1)
            .ProjectTo<AuditLogEntryDto>(mapper.ConfigurationProvider)
            .ToListAsync(cancellationToken);
        var more = entries.Count > take;
        var page = more ? entries[..take] : entries;
        return new AuditLogPage(page, more ? page[^1].Sequence : null);
    }
}
