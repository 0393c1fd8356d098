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
    private readonly ScriptLimits _limits;

    public WorkflowRunner()
        : this(Guid.NewGuid, DefaultMaxNonBlockingSteps)
    {
    }

    /// <param name="newBookmarkId">Creates bookmark ids (tests may make them predictable).</param>
    /// <param name="maxNonBlockingSteps">Bound on non-blocking activity executions per run.</param>
    /// <param name="limits">The sandbox for JavaScript and Liquid expressions (default <see cref="ScriptLimits.Default"/>).</param>
    public WorkflowRunner(Func<Guid> newBookmarkId, int maxNonBlockingSteps = DefaultMaxNonBlockingSteps, ScriptLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(newBookmarkId);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNonBlockingSteps, 1);
        _newBookmarkId = newBookmarkId;
        _maxNonBlockingSteps = maxNonBlockingSteps;
        _limits = limits ?? ScriptLimits.Default;
    }

    /// <summary>Starts a new instance at the definition's <c>Elsa.Start</c> and runs until every path waits at a
    /// human task (<see cref="WorkflowStatus.Suspended"/>) or the workflow ends (<see cref="WorkflowStatus.Finished"/>).</summary>
    /// <exception cref="WorkflowExecutionException">A decision could not be evaluated or the step bound was exceeded.</exception>
    public RunResult Start(WorkflowDefinition definition, Guid instanceId, DateTime nowUtc, IReadOnlyDictionary<string, JsonElement>? variables = null) =>
        Start(definition, instanceId, nowUtc, variables, inputs: null);

    /// <summary>As <see cref="Start(WorkflowDefinition, Guid, DateTime, IReadOnlyDictionary{string, JsonElement}?)"/>, with
    /// workflow inputs that expressions read with <c>getX()</c> (Elsa's workflow input).</summary>
    public RunResult Start(
        WorkflowDefinition definition, Guid instanceId, DateTime nowUtc,
        IReadOnlyDictionary<string, JsonElement>? variables, IReadOnlyDictionary<string, JsonElement>? inputs)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var state = new WorkflowInstanceState
        {
            InstanceId = instanceId,
            DefinitionId = definition.DefinitionId,
            DefinitionVersion = definition.Version,
            DefinitionSha256 = definition.Sha256,
            Status = WorkflowStatus.Running,
            Variables = definition.Variables.ToDictionary(v => v.Name, v => v.InitialValue.Clone(), StringComparer.Ordinal),
            Inputs = inputs?.ToDictionary(kv => kv.Key, kv => kv.Value.Clone(), StringComparer.Ordinal) ?? [],
            Bookmarks = [],
        };
        foreach (var (name, value) in variables ?? new Dictionary<string, JsonElement>())
        {
            state.Variables[name] = value.Clone();
        }

        var executed = new List<ExecutedActivity>();
        var lines = new List<string>();
        Run(definition, state, definition.Start is null ? [] : [(definition.Start.Id, null)], nowUtc, executed, lines);
        return new RunResult(state, executed) { Lines = lines };
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

        CheckPinned(definition, state);

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
        var lines = new List<string>();
        Run(definition, next, Leaving(definition, activity.Id, input.Answer), nowUtc, executed, lines);
        return new RunResult(next, executed) { Lines = lines };
    }

    /// <summary>Fires the durable timer <paramref name="timerId"/> once it is due, and runs on from the timer's
    /// <c>Done</c> port. Does not mutate <paramref name="state"/>. Timers carry no role: only the timer service,
    /// never a person, fires them.</summary>
    /// <exception cref="WorkflowResumeException">Pinned to another definition, not suspended, no such timer, or not yet due.</exception>
    public RunResult FireTimer(WorkflowDefinition definition, WorkflowInstanceState state, Guid timerId, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(state);
        CheckPinned(definition, state);
        if (state.Status != WorkflowStatus.Suspended)
        {
            throw Reject(ResumeRejection.InstanceNotSuspended, $"Instance {state.InstanceId} is {state.Status}, not Suspended; it has no timer to fire.");
        }

        var timer = state.Timers.FirstOrDefault(t => t.TimerId == timerId)
            ?? throw Reject(ResumeRejection.BookmarkNotFound, $"Instance {state.InstanceId} has no timer {timerId} (it may already have fired).");
        if (timer.DueAtUtc > nowUtc)
        {
            throw Reject(ResumeRejection.TimerNotDue, $"Timer {timerId} of instance {state.InstanceId} is not due until {timer.DueAtUtc:O}.");
        }

        var activity = definition.GetActivity(timer.ActivityId);
        var next = state.Clone();
        next.Timers.RemoveAll(t => t.TimerId == timerId);
        next.Status = WorkflowStatus.Running;
        var executed = new List<ExecutedActivity> { new(activity.Id, activity.Type, WorkflowPorts.Done) };
        var lines = new List<string>();
        Run(definition, next, Leaving(definition, activity.Id, WorkflowPorts.Done), nowUtc, executed, lines);
        return new RunResult(next, executed) { Lines = lines };
    }

    private static IEnumerable<(string, Connection?)> Leaving(WorkflowDefinition definition, string activityId, string port) =>
        definition.Connections
            .Where(c => c.SourceActivityId == activityId && c.SourcePort == port)
            .Select(c => (c.TargetActivityId, (Connection?)c));

    private static void CheckPinned(WorkflowDefinition definition, WorkflowInstanceState state)
    {
        if (!string.Equals(state.DefinitionId, definition.DefinitionId, StringComparison.Ordinal)
            || state.DefinitionVersion != definition.Version
            || !string.Equals(state.DefinitionSha256, definition.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw Reject(ResumeRejection.DefinitionMismatch,
                $"Instance {state.InstanceId} is pinned to '{state.DefinitionId}' v{state.DefinitionVersion} (sha256 {state.DefinitionSha256}), " +
                $"but was resumed with '{definition.DefinitionId}' v{definition.Version} (sha256 {definition.Sha256}) from {definition.SourceName}.");
        }
    }

    private void Run(
        WorkflowDefinition definition, WorkflowInstanceState state, IEnumerable<(string ActivityId, Connection? Via)> firstActivities,
        DateTime nowUtc, List<ExecutedActivity> executed, List<string> lines)
    {
        var queue = new Queue<(string ActivityId, Connection? Via)>();
        var queued = new Dictionary<string, int>(StringComparer.Ordinal);
        void Schedule((string ActivityId, Connection? Via) next)
        {
            // Elsa's Stream merge: an activity is scheduled when it is reached, unless one of its forward sources
            // is still pending (scheduled, or waiting at a timer): that source's arrival will schedule it. A human task
            // waiting on another branch does not hold a path back: the product has always run each arrival there.
            if (next.Via is not null && definition.GetJoinMode(next.ActivityId) == JoinMode.Stream
                && definition.GetForwardSources(next.ActivityId).Any(source => IsPending(source)))
            {
                return;
            }

            queue.Enqueue(next);
            queued[next.ActivityId] = queued.GetValueOrDefault(next.ActivityId) + 1;
        }

        // A join's queued arrivals are not pending work of their own: the join absorbs them or waits (its arrivals
        // are kept in the state).
        bool IsPending(string activityId) =>
            (queued.GetValueOrDefault(activityId) > 0 && definition.GetJoinMode(activityId) == JoinMode.Stream)
            || state.Timers.Any(t => t.ActivityId == activityId);

        foreach (var first in firstActivities)
        {
            Schedule(first);
        }

        var steps = 0;
        while (queue.TryDequeue(out var arrival))
        {
            queued[arrival.ActivityId]--;
            var activity = definition.GetActivity(arrival.ActivityId);
            if (arrival.Via is not null && !Arrive(definition, state, activity.Id, arrival.Via))
            {
                continue;
            }

            if (activity is IHumanTaskActivity task)
            {
                state.Bookmarks.Add(new Bookmark(_newBookmarkId(), activity.Id, task.Role, nowUtc));
                continue;
            }

            if (activity is TimerActivity timer)
            {
                state.Timers.Add(new TimerBookmark(_newBookmarkId(), activity.Id, timer.DueAfter(nowUtc)));
                continue;
            }

            if (++steps > _maxNonBlockingSteps)
            {
                throw new WorkflowExecutionException(
                    $"{definition.SourceName}: instance {state.InstanceId} ran more than {_maxNonBlockingSteps} non-blocking steps " +
                    $"without reaching a human task or an end (last activity '{activity.Id}'); the definition loops without waiting.");
            }

            var scope = new ExpressionScope(state.Variables, state.Inputs, definition.Inputs, definition.SourceName, activity.Id);
            switch (activity)
            {
                case EndActivity:
                    executed.Add(new ExecutedActivity(activity.Id, activity.Type, null));
                    Finish(state, WorkflowStatus.Finished);
                    return;
                case CompleteActivity complete:
                    var outcomes = ExpressionEvaluator.Evaluate(complete.Outcomes, scope, _limits);
                    if (outcomes.ValueKind != JsonValueKind.Undefined)
                    {
                        state.Outputs["outcomes"] = outcomes.Clone();
                    }

                    executed.Add(new ExecutedActivity(activity.Id, activity.Type, null));
                    Finish(state, WorkflowStatus.Finished);
                    return;
                case FaultActivity fault:
                    var message = ExpressionValues.GetText(ExpressionEvaluator.Evaluate(fault.Message, scope, _limits));
                    executed.Add(new ExecutedActivity(activity.Id, activity.Type, null));
                    Finish(state, WorkflowStatus.Faulted);
                    state.Fault = $"activity '{activity.Id}': {message ?? "faulted"}";
                    return;
            }

            foreach (var port in Execute(definition, activity, scope, state, lines))
            {
                executed.Add(new ExecutedActivity(activity.Id, activity.Type, port));
                foreach (var next in Leaving(definition, activity.Id, port))
                {
                    Schedule(next);
                }
            }
        }

        // Nothing left to run: Elsa completes a flowchart with no pending work, so a dead-end path finishes too.
        state.Status = state.Bookmarks.Count > 0 || state.Timers.Count > 0 ? WorkflowStatus.Suspended : WorkflowStatus.Finished;
    }

    // Runs one non-blocking activity and returns the ports it leaves by (a fork leaves by all its branches).
    private IEnumerable<string> Execute(WorkflowDefinition definition, ActivityDefinition activity, ExpressionScope scope, WorkflowInstanceState state, List<string> lines)
    {
        switch (activity)
        {
            case FlowDecisionActivity decision:
                return [Decide(definition, decision, scope) ? WorkflowPorts.True : WorkflowPorts.False];
            case FlowForkActivity fork:
                return fork.Branches;
            case WriteLineActivity writeLine:
                var text = ExpressionEvaluator.Evaluate(writeLine.Text, scope, _limits);
                lines.Add(ExpressionValues.GetText(text) ?? (text.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? string.Empty : text.GetRawText()));
                break;
            case SetVariableActivity setVariable:
                var declared = definition.Variables.FirstOrDefault(v => v.Name == setVariable.VariableName);
                state.Variables[setVariable.VariableName] =
                    OrNull(ExpressionValues.Typed(ExpressionEvaluator.Evaluate(setVariable.Value, scope, _limits), declared?.TypeName));
                break;
            case SetOutputActivity setOutput:
                state.Outputs[setOutput.OutputName] = OrNull(ExpressionEvaluator.Evaluate(setOutput.Value, scope, _limits));
                break;
            case SetInstancePropertyActivity property:
                var value = ExpressionValues.GetText(ExpressionEvaluator.Evaluate(property.Value, scope, _limits));
                if (property.Type == SetInstancePropertyActivity.SetNameTypeName)
                {
                    state.Name = value;
                }
                else
                {
                    state.CorrelationId = value;
                }

                break;
            case RunJavaScriptActivity script:
                ExpressionEvaluator.Evaluate(script.Script, scope, _limits);
                break;
        }

        return [WorkflowPorts.Done];
    }

    // Whether this arrival lets the activity run: always for Stream; for WaitAny the first arrival of a round;
    // for WaitAll the arrival that completes the set of inbound connections. The set lives in the state, so a
    // join waits across human tasks and timers.
    private static bool Arrive(WorkflowDefinition definition, WorkflowInstanceState state, string activityId, Connection via)
    {
        var mode = definition.GetJoinMode(activityId);
        if (mode == JoinMode.Stream)
        {
            return true;
        }

        var inbound = definition.GetInbound(activityId).Select(Key).Distinct().ToList();
        if (!state.JoinArrivals.TryGetValue(activityId, out var arrived))
        {
            arrived = [];
            state.JoinArrivals[activityId] = arrived;
        }

        var firstOfRound = arrived.Count == 0;
        if (!arrived.Contains(Key(via)))
        {
            arrived.Add(Key(via));
        }

        var complete = inbound.All(arrived.Contains);
        if (complete)
        {
            state.JoinArrivals.Remove(activityId);
        }

        return mode == JoinMode.WaitAny ? firstOfRound : complete;
    }

    // An expression that gives nothing (undefined) stores null, as Elsa does.
    private static JsonElement OrNull(JsonElement value) =>
        value.ValueKind == JsonValueKind.Undefined ? JsonSerializer.SerializeToElement<object?>(null) : value.Clone();

    private static string Key(Connection c) => $"{c.SourceActivityId}:{c.SourcePort}";

    private static void Finish(WorkflowInstanceState state, WorkflowStatus status)
    {
        state.Bookmarks.Clear();
        state.Timers.Clear();
        state.JoinArrivals.Clear();
        state.Status = status;
    }

    private bool Decide(WorkflowDefinition definition, FlowDecisionActivity decision, ExpressionScope scope)
    {
        var expression = decision.Condition;
        if (expression.Language == WorkflowExpression.Literal)
        {
            return ExpressionValues.TryGetBoolean(expression.Value, out var literal)
                ? literal
                : throw new WorkflowExecutionException($"{definition.SourceName}: activity '{decision.Id}': condition is not a boolean.");
        }

        if (expression.Language == WorkflowExpression.Variable)
        {
            var variable = ExpressionValues.VariableName(expression.Value) ?? string.Empty;
            if (!scope.Variables.TryGetValue(variable, out var value))
            {
                throw new WorkflowExecutionException($"{definition.SourceName}: activity '{decision.Id}': variable '{variable}' is not set on the instance.");
            }

            return ExpressionValues.TryGetBoolean(value, out var result)
                ? result
                : throw new WorkflowExecutionException($"{definition.SourceName}: activity '{decision.Id}': variable '{variable}' is not a boolean ({value.GetRawText()}).");
        }

        var evaluated = ExpressionEvaluator.Evaluate(expression, scope, _limits);
        return ExpressionValues.TryGetBoolean(evaluated, out var outcome)
            ? outcome
            : throw new WorkflowExecutionException(
                $"{definition.SourceName}: activity '{decision.Id}': condition ({expression.Language}) gave {(evaluated.ValueKind == JsonValueKind.Undefined ? "nothing" : evaluated.GetRawText())}, not a boolean.");
    }

    private static WorkflowResumeException Reject(ResumeRejection reason, string message) => new(reason, message);
}
