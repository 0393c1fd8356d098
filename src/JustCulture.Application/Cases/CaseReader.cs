using JustCulture.Application.Common;
using JustCulture.Persistence;
using JustCulture.Workflows;

namespace JustCulture.Application.Cases;

/// <summary>A case as a query reads it: the same one-statement load and the same access policy as a step,
/// without the lock or the transaction.</summary>
public sealed class CaseReader(JustCultureDbContext db, TriageWorkflow triage)
{
    internal async Task<LoadedCase> ReadAsync(CaseTarget target, string actorUserId, CaseAccess access, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var loaded = await CaseLoader.LoadAsync(db, target, actorUserId, cancellationToken)
            ?? throw await CaseErasure.ErasedOrNotFoundAsync(db, target, cancellationToken);
        CaseAccessPolicy.Ensure(loaded.Actor, loaded.ActorStaff, loaded.Parties, access);
        if (target.ActionOrdinal is { } ordinal && loaded.Instance is null)
        {
            throw UseCaseException.NotFound($"Concern {loaded.Concern.Id} has no action {ordinal}.");
        }

        return loaded;
    }

    /// <summary>The definition a loaded action's instance is pinned to.</summary>
    internal WorkflowDefinition DefinitionOf(LoadedCase loaded) =>
        triage.PinnedTo(loaded.Instance!.DefinitionId, loaded.Instance.DefinitionVersion, loaded.Instance.DefinitionSha256);
}
