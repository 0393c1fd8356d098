using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;

namespace JustCulture.Application.Retention;

// TEMPORARY until h-core's API is merged: the event names and calls retention needs from the core, in one place.
internal static class CoreSeams
{
    public const string PersonalDataErased = "PersonalDataErased";
    public const string SubjectAccessExported = "SubjectAccessExported";

    public static Task EraseKeysAsync(JustCultureDbContext db, IReadOnlyCollection<Guid> concernIds, DateTime nowUtc, CancellationToken ct) =>
        Task.CompletedTask;

    public static Task<Func<DecisionLogEntry, SubjectAccess.OpenedEntry>> OpenerAsync(JustCultureDbContext db, IReadOnlyCollection<Guid> concernIds, CancellationToken ct) =>
        Task.FromResult<Func<DecisionLogEntry, SubjectAccess.OpenedEntry>>(e => new(e.SubjectStaffRef, e.Rationale, e.InformalNotAppropriate));

    public static Task AppendAsync(DecisionLogWriter log, JustCultureDbContext db, IReadOnlyList<DecisionLogEntry> entries, CancellationToken ct)
    {
        log.Append(db, entries);
        return Task.CompletedTask;
    }
}
