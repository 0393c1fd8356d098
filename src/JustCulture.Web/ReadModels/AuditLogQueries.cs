using AutoMapper;
using AutoMapper.QueryableExtensions;
using JustCulture.Application.Log;
using JustCulture.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Web.ReadModels;

public sealed record AuditLogPage(IReadOnlyList<AuditLogEntryDto> Entries, long? NextAfter);

public sealed class AuditLogQueries(JustCultureDbContext db, IMapper mapper, ActorPseudonyms pseudonyms)
{
    public async Task<AuditLogPage> PageAsync(long after, int take, CancellationToken cancellationToken = default)
    {
        var rows = await db.DecisionLog.AsNoTracking()
            .Where(e => e.Sequence > after)
            .OrderBy(e => e.Sequence)
            .Take(take + 1)
            .ProjectTo<AuditLogRow>(mapper.ConfigurationProvider)
            .ToListAsync(cancellationToken);
        var more = rows.Count > take;
        var page = (more ? rows[..take] : rows).Select(r => r.ToAuditorView(pseudonyms)).ToList();
        return new AuditLogPage(page, more ? page[^1].Sequence : null);
    }
}
