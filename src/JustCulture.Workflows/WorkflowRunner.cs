using System.Text.Json;

namespace JustCulture.Workflows;

/// <summary>Interprets a <see cref="WorkflowDefinition"/>: runs non-blocking activities at once and suspends at
/// human tasks with one bookmark each. Stateless and thread-safe; state lives in <see cref="WorkflowInstanceState"/>.</summary>
public sealed class WorkflowRunner
{
    /// <summary>The default bound on non-blocking steps in one run; only a loop of non-blocking activities reaches it.</summary>
    public const int DefaultMaxNonBlockingSteps = 10_000;

    private readonly Func<Guid> _newBookmarkId;
    private readonly int _maxNonBlockingSteps;

    public WorkflowRunner()
        : this(Guid.NewGuid, DefaultMaxNonBlockingSteps)
    {
    }

    /// <param name="newBookmarkId">Creates bookmark ids (tests may make them predictable).</param>
    /// <param name="maxNonBlockingSteps">Bound on non-blocking activity executions per run.</param>
    public WorkflowRunner(Func<Guid> newBookmarkId, int maxNonBlockingSteps = DefaultMaxNonBlockingSteps)
    {
        ArgumentNullException.ThrowIfNull(newBookmarkId);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNonBlockingSteps, 1);
        _newBookmarkId = newBookmarkId;
        _maxNonBlockingSteps = maxNonBlockingSteps;
    }

    /// <summary>Starts a new instance at the definition's <c>Elsa.Start</c> and runs until every path waits at a
    /// human task (<see cref="WorkflowStatus.Suspended"/>) or the workflow ends (<see cref="WorkflowStatus.Finished"/>).</summary>
    /// <exception cref="WorkflowExecutionException">A decision could not be evaluated or the step bound was exceeded.</exception>
    public RunResult Start(WorkflowDefinition definition, Guid instanceId, DateTime nowUtc, IReadOnlyDictionary<string, JsonElement>? variables = null)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var state = new WorkflowInstanceState
        {
            InstanceId = instanceId,
            DefinitionId = definition.DefinitionId,
            DefinitionVersion = definition.Version,
            DefinitionSha256 = definition.Sha256,
            Status = WorkflowStatus.Running,
            Variables = variables?.ToDictionary(kv => kv.Key, kv => kv.Value.Clone(), StringComparer.Ordinal) ?? [],
            Bookmarks = [],
        };
        var executed = new List<ExecutedActivity>();
        Run(definition, state, [definition.Start.Id], nowUtc, executed);
        return new RunResult(state, executed);
    }

    /// <summary>Answers the human task behind <paramref name="bookmarkId"/> and runs on from the answer's port.
    /// Does not mutate <paramref name="state"/>; the returned result holds a new state.</summary>
    /// <exception cref="WorkflowResumeException">The resume was refused; see <see cref="WorkflowResumeException.Reason"/>.</exception>
    /// <exception cref="WorkflowExecutionException">A decision could not be evaluated or the step bound was exceeded.</exception>
    public RunResult Resume(WorkflowDefinition definition, WorkflowInstanceState state, Guid bookmarkId, ResumeInput input, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(input);

        if (!string.Equals(state.DefinitionId, definition.DefinitionId, StringComparison.Ordinal)
            || state.DefinitionVersion != definition.Version
            || !string.Equals(state.DefinitionSha256, definition.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw Reject(ResumeRejection.DefinitionMismatch,
                $"Instance {state.InstanceId} is pinned to '{state.DefinitionId}' v{state.DefinitionVersion} (sha256 {state.DefinitionSha256}), " +
                $"but was resumed with '{definition.DefinitionId}' v{definition.Version} (sha256 {definition.Sha256}) from {definition.SourceName}.");
        }

        if (state.Status != WorkflowStatus.Suspended)
        {
            throw Reject(ResumeRejection.InstanceNotSuspended,
                $"Instance {state.InstanceId} is {state.Status}, not Suspended; it has no task to answer.");
        }

        var bookmark = state.Bookmarks.FirstOrDefault(b => b.BookmarkId == bookmarkId)
            ?? throw Reject(ResumeRejection.BookmarkNotFound,
                $"Instance {state.InstanceId} has no open task with bookmark {bookmarkId} (it may already have been answered).");

        if (!definition.TryGetActivity(bookmark.ActivityId, out var activity) || activity is not IHumanTaskActivity task)
        {
            throw Reject(ResumeRejection.DefinitionMismatch,
                $"Bookmark {bookmarkId} points at '{bookmark.ActivityId}', which is not a human task in '{definition.DefinitionId}' v{definition.Version}.");
        }

        var label = task.StepId ?? task.Id;
        if (!string.Equals(input.ActorRole, bookmark.Role, StringComparison.Ordinal))
        {
            throw Reject(ResumeRejection.WrongRole,
                $"Task '{label}' must be answered by role '{bookmark.Role}'; actor '{input.ActorId}' is acting as '{input.ActorRole}'.");
        }

        if (!task.Answers.Contains(input.Answer, StringComparer.Ordinal))
        {
            throw Reject(ResumeRejection.AnswerNotAllowed,
                $"Answer '{input.Answer}' is not allowed for '{label}'; allowed: {string.Join(", ", task.Answers)}");
        }

        if (task.RequiresRationale(input.Answer) && string.IsNullOrWhiteSpace(input.Rationale))
        {
            throw Reject(ResumeRejection.RationaleRequired,
                $"Answer '{input.Answer}' for '{label}' needs a rationale.");
        }

        if (task.RequiresInformalNotAppropriateStatement(input.Answer) && string.IsNullOrWhiteSpace(input.InformalNotAppropriate))
        {
            throw Reject(ResumeRejection.StatementRequired,
                $"Answer '{input.Answer}' for '{label}' needs a statement of why informal resolution is not appropriate.");
        }

        var next = state.Clone();
        next.Bookmarks.RemoveAll(b => b.BookmarkId == bookmarkId);
        next.Status = WorkflowStatus.Running;
        var executed = new List<ExecutedActivity> { new(activity.Id, activity.Type, input.Answer) };
        Run(definition, next, definition.GetTargets(activity.Id, input.Answer), nowUtc, executed);
        return new RunResult(next, executed);
    }

    private void Run(WorkflowDefinition definition, WorkflowInstanceState state, IEnumerable<string> firstActivities, DateTime nowUtc, List<ExecutedActivity> executed)
    {
        var queue = new Queue<string>(firstActivities);
        var steps = 0;
        while (queue.TryDequeue(out var activityId))
        {
            var activity = definition.GetActivity(activityId);
            if (activity is IHumanTaskActivity task)
            {
                state.Bookmarks.Add(new Bookmark(_newBookmarkId(), activity.Id, task.Role, nowUtc));
                continue;
            }

            if (++steps > _maxNonBlockingSteps)
            {
                throw new WorkflowExecutionException(
                    $"{definition.SourceName}: instance {state.InstanceId} ran more than {_maxNonBlockingSteps} non-blocking steps " +
                    $"without reaching a human task or an end (last activity '{activity.Id}'); the definition loops without waiting.");
            }

            if (activity is EndActivity)
            {
                executed.Add(new ExecutedActivity(activity.Id, activity.Type, null));
                state.Bookmarks.Clear();
                state.Status = WorkflowStatus.Finished;
                return;
            }

            var port = activity is FlowDecisionActivity decision
                ? (Evaluate(definition, decision, state.Variables) ? WorkflowPorts.True : WorkflowPorts.False)
                : WorkflowPorts.Done;
            executed.Add(new ExecutedActivity(activity.Id, activity.Type, port));
            foreach (var target in definition.GetTargets(activity.Id, port))
            {
                queue.Enqueue(target);
            }
        }

        // Nothing left to run: Elsa completes a flowchart with no pending work, so a dead-end path finishes too.
        state.Status = state.Bookmarks.Count > 0 ? WorkflowStatus.Suspended : WorkflowStatus.Finished;
    }

    private static bool Evaluate(WorkflowDefinition definition, FlowDecisionActivity decision, Dictionary<string, JsonElement> variables)
    {
        var expression = decision.Condition;
        if (expression.Language == WorkflowExpression.Literal)
        {
            return ExpressionValues.TryGetBoolean(expression.Value, out var literal)
                ? literal
                : throw new WorkflowExecutionException($"{definition.SourceName}: activity '{decision.Id}': condition is not a boolean.");
        }

        var variable = ExpressionValues.VariableName(expression.Value) ?? string.Empty;
        if (!variables.TryGetValue(variable, out var value))
        {
            throw new WorkflowExecutionException($"{definition.SourceName}: activity '{decision.Id}': variable '{variable}' is not set on the instance.");
        }

        return ExpressionValues.TryGetBoolean(value, out var result)
            ? result
            : throw new WorkflowExecutionException($"{definition.SourceName}: activity '{decision.Id}': variable '{variable}' is not a boolean ({value.GetRawText()}).");
    }

    private static WorkflowResumeException Reject(ResumeRejection reason, string message) => new(reason, message);
}
