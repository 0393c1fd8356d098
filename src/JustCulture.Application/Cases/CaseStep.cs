using JustCulture.Application.Common;
using JustCulture.Domain;
using JustCulture.Persistence;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Workflows;

namespace JustCulture.Application.Cases;

/// <param name="Access">What the actor wants to do; for a task target, null means "what the task's role needs".</param>
/// <param name="ExpectedVersion">The version of the action the caller's form was built from; a newer one is refused
/// as stale. Only the action acted on is compared, so steps on a concern's other actions never get in the way.</param>
public sealed record CaseStepRequest(CaseTarget Target, string ActorUserId, CaseAccess? Access = null, int? ExpectedVersion = null);

/// <summary>
/// The one door every action on a case passes (docs/decisions/0006-one-case-step.md). In one transaction it
/// locks the case's concern row (so steps on one case run one after another and each sees the last one's
/// commit, while steps on other cases — and the log — never wait for it), loads
/// the case in one statement, applies the one access policy before anything is revealed, checks the task is
/// still open and the action's version, hands the use case a <see cref="CaseStepContext"/> to resume the
/// workflow and apply domain transitions, then appends the log entries and commits — state, bookmarks and
/// log in one batch. Every refusal leaves as a <see cref="UseCaseException"/> with field keys.
/// </summary>
public sealed class CaseStep(JustCultureDbContext db, TriageWorkflow triage, WorkflowRunner runner, TimeProvider clock, DecisionLogWriter log)
{
    /// <param name="apply">The use case's own part: resume the workflow, apply transitions, add log entries.</param>
    /// <param name="result">What to return, read after the step's bookkeeping (versions, status) is done.</param>
    public Task<TResult> RunAsync<TResult>(CaseStepRequest request, Action<CaseStepContext> apply, Func<CaseStepContext, TResult> result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(apply);
        ArgumentNullException.ThrowIfNull(result);
        return RunAsync(request, (context, _) =>
        {
            apply(context);
            return Task.FromResult(context);
        }, (context, _) => result(context), cancellationToken);
    }

    /// <summary>The same step for a use case that reads or adds rows of its own (a suspension) inside the step's
    /// transaction, after the case is locked and admitted.</summary>
    /// <param name="apply">The use case's own part; what it returns is the step's result.</param>
    public Task<TResult> RunAsync<TResult>(CaseStepRequest request, Func<CaseStepContext, CancellationToken, Task<TResult>> apply,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(apply);
        return RunAsync(request, apply, (_, applied) => applied, cancellationToken);
    }

    private async Task<TResult> RunAsync<TApplied, TResult>(CaseStepRequest request, Func<CaseStepContext, CancellationToken, Task<TApplied>> apply,
        Func<CaseStepContext, TApplied, TResult> result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // A step starts from what is stored, never from entities an earlier use case left tracked in this context.
        db.ChangeTracker.Clear();
        // The shared transaction runner saves, commits, and turns a lost race or a broken rule into a refusal.
        return await StepTransaction.RunAsync(db, async ct =>
        {
            await CaseLoader.LockConcernAsync(db, request.Target, ct);
            var loaded = await CaseLoader.LoadAsync(db, request.Target, request.ActorUserId, ct)
                ?? throw await CaseErasure.ErasedOrNotFoundAsync(db, request.Target, ct);
            var context = Admit(loaded, request);
            var applied = await apply(context, ct);
            context.Finish();
            await log.AppendAsync(db, context.Entries, ct);
            return result(context, applied);
        }, cancellationToken);
    }

    /// <summary>
    /// The step's own part on a case already in memory: admit, apply, finish. Returns the result and the entries
    /// the caller must append in its transaction. Bulk seeding of historical cases calls it on cases it holds;
    /// a step run here makes the same admit, apply and finish after loading, so both make the same state and entries.
    /// </summary>
    internal (TResult Result, IReadOnlyList<DecisionLogEntry> Entries) Decide<TResult>(LoadedCase loaded, CaseStepRequest request,
        Action<CaseStepContext> apply, Func<CaseStepContext, TResult> result)
    {
        var context = Admit(loaded, request);
        apply(context);
        context.Finish();
        return (result(context), context.Entries);
    }

    /// <summary>The checks in the order that reveals least: who may act, then whether the task is open, then the version.</summary>
    private CaseStepContext Admit(LoadedCase loaded, CaseStepRequest request)
    {
        var concern = loaded.Concern;
        Persistence.Workflows.BookmarkRecord? task = null;
        if (request.Target.TaskId is { } taskId)
        {
            task = loaded.Instance?.Bookmarks.SingleOrDefault(b => b.Id == taskId) ?? throw CaseRefusals.NotFound(request.Target);
        }

        var access = request.Access ?? (task is not null ? CaseAccessPolicy.ForTaskRole(task.Role) : CaseAccess.View);
        CaseAccessPolicy.Ensure(loaded.Actor, loaded.ActorStaff, loaded.Parties, access);
        var actor = loaded.Actor!;
        if (task is not null && !string.Equals(task.Role, actor.Role.ToString(), StringComparison.Ordinal))
        {
            throw UseCaseException.Forbidden($"This task is for a {Vocabulary.Role(task.Role)}.");
        }

        Domain.Concerns.ConcernAction? action = null;
        if (loaded.Instance is not null)
        {
            action = concern.ActionForInstance(loaded.Instance.Id);
        }
        else if (request.Target.ActionOrdinal is { } ordinal)
        {
            throw UseCaseException.NotFound($"Concern {concern.Id} has no action {ordinal}.");
        }

        if (task?.CompletedAtUtc is not null)
        {
            throw CaseRefusals.TaskCompleted();
        }

        if (request.ExpectedVersion is { } expected && action is not null && expected != action.Version)
        {
            throw CaseRefusals.Stale(action.Version, expected);
        }

        var definition = loaded.Instance is null ? null
            : triage.PinnedTo(loaded.Instance.DefinitionId, loaded.Instance.DefinitionVersion, loaded.Instance.DefinitionSha256);
        return new CaseStepContext(loaded, actor, action, task, definition, runner, clock.GetUtcNow().UtcDateTime);
    }
}
