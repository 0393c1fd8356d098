using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;

namespace JustCulture.Application.Log;

/// <summary>Checks the whole chain and the head row; names the first bad entry.</summary>
public sealed class VerifyLogHandler(JustCultureDbContext db)
{
    public Task<LogVerification> HandleAsync(CancellationToken cancellationToken = default) => DecisionLogStore.VerifyAsync(db, cancellationToken);
}

/// <summary>Writes the log as JSON lines, one entry per line, for offline verification and recomputation.</summary>
public sealed class ExportLogHandler(JustCultureDbContext db)
{
    public Task<long> HandleAsync(TextWriter writer, CancellationToken cancellationToken = default) => DecisionLogStore.ExportAsync(db, writer, cancellationToken);
}
