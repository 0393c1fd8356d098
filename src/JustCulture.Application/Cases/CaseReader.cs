using JustCulture.Application.Common;
using JustCulture.Persistence;
using JustCulture.Workflows;

namespace JustCulture.Application.Cases;

/// <summary>A case as a query reads it: the same one-statement load and the same access policy as a step,
/// without the lock or the transaction. Within one request (one scope) a case is loaded once, however many parts of
/// a page read it, until anything is saved in that scope; the access policy is applied on every read.</summary>
public sealed class CaseReader
{
    private readonly JustCultureDbContext _db;
    private readonly TriageWorkflow _triage;
    private readonly Dictionary<(CaseTarget Target, string ActorUserId), LoadedCase> _loaded = [];

    public CaseReader(JustCultureDbContext db, TriageWorkflow triage)
    {
        _db = db;
        _triage = triage;
        // A step saved in this scope may have changed the case, and one that failed to save may have lost to a newer
        // change: read it afresh after either.
        db.SavedChanges += (_, _) => _loaded.Clear();
        db.SaveChangesFailed += (_, _) => _loaded.Clear();
    }

    internal async Task<LoadedCase> ReadAsync(CaseTarget target, string actorUserId, CaseAccess access, CancellationToken cancellationToken)
    {
        if (!_loaded.TryGetValue((target, actorUserId), out var loaded))
        {
            _db.ChangeTracker.Clear();
            loaded = await CaseLoader.LoadAsync(_db, target, actorUserId, cancellationToken)
                ?? throw await CaseErasure.ErasedOrNotFoundAsync(_db, target, cancellationToken);
            _loaded[(target, actorUserId)] = loaded;
        }

        CaseAccessPolicy.Ensure(loaded.Actor, loaded.ActorStaff, loaded.Parties, access);
        if (target.ActionOrdinal is { } ordinal && loaded.Instance is null)
        {
            throw UseCaseException.NotFound($"Concern {loaded.Concern.Id} has no action {ordinal}.");
        }

        return loaded;
    }

    /// <summary>The definition a loaded action's instance is pinned to.</summary>
    internal WorkflowDefinition DefinitionOf(LoadedCase loaded) =>
        _triage.PinnedTo(loaded.Instance!.DefinitionId, loaded.Instance.DefinitionVersion, loaded.Instance.DefinitionSha256);
}
