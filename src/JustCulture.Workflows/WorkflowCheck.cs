namespace JustCulture.Workflows;

/// <summary>The result of checking one definition file: whether it loads, why not, and (when run) how the run ended.</summary>
public sealed record WorkflowCheckResult(string SourceName, bool Loaded, IReadOnlyList<string> Problems, IReadOnlyList<string> Notes)
{
    public WorkflowDefinition? Definition { get; init; }

    /// <summary>Set when the definition was run: the final status, what WriteLine wrote, and what it waits for.</summary>
    public WorkflowCheckRun? Run { get; init; }

    /// <summary>One line for the file: "loaded …" or "refused: …".</summary>
    public string Summary
    {
        get
        {
            if (!Loaded)
            {
                return $"{SourceName}: refused: {string.Join(" | ", Problems.Select(p => p.StartsWith(SourceName + ": ", StringComparison.Ordinal) ? p[(SourceName.Length + 2)..] : p))}";
            }

            var text = $"{SourceName}: loaded '{Definition!.DefinitionId}' v{Definition.Version}, {Definition.Activities.Count} activities";
            if (Notes.Count > 0)
            {
                text += $" ({string.Join("; ", Notes.Select(n => n.StartsWith(SourceName + ": ", StringComparison.Ordinal) ? n[(SourceName.Length + 2)..] : n))})";
            }

            return Run is null ? text : $"{text}; run: {Run.Describe()}";
        }
    }
}

/// <summary>How a check run ended.</summary>
public sealed record WorkflowCheckRun(WorkflowStatus Status, IReadOnlyList<string> Lines, IReadOnlyList<string> WaitingAt, string? Error, string? Fault)
{
    public string Describe()
    {
        if (Error is not null)
        {
            return $"failed: {Error}";
        }

        var text = Status switch
        {
            WorkflowStatus.Suspended => $"waits at {string.Join(", ", WaitingAt)}",
            WorkflowStatus.Faulted => $"faulted ({Fault})",
            _ => Status.ToString().ToLowerInvariant(),
        };
        return Lines.Count == 0 ? text : $"{text}; wrote {string.Join(" | ", Lines)}";
    }
}

/// <summary>Loads and validates a definition, and optionally runs it from its start with no database: timers fire at
/// once (each when it is due, by a clock that jumps to it), and the run stops at the first human task, which only a
/// person in its role may answer. Shared by <c>justculture workflow check</c> and the workflow-versions page.</summary>
public static class WorkflowCheck
{
    /// <summary>Timers fired in one check run before it gives up (a cron loop never ends by itself).</summary>
    public const int MaxTimersFired = 100;

    public static WorkflowCheckResult Check(byte[] utf8Json, string sourceName, bool run, ScriptLimits? limits = null)
    {
        var errors = new List<string>();
        WorkflowDefinition? definition;
        try
        {
            definition = WorkflowDefinitionLoader.TryParse(utf8Json, sourceName, errors);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            errors.Add($"{sourceName}: could not be read: {ex.Message}");
            definition = null;
        }

        if (definition is null || errors.Count > 0)
        {
            return new WorkflowCheckResult(sourceName, false, errors, []);
        }

        var result = new WorkflowCheckResult(sourceName, true, [], definition.Notes) { Definition = definition };
        return run ? result with { Run = RunOnce(definition, limits) } : result;
    }

    public static WorkflowCheckRun RunOnce(WorkflowDefinition definition, ScriptLimits? limits = null)
    {
        var runner = new WorkflowRunner(Guid.NewGuid, WorkflowRunner.DefaultMaxNonBlockingSteps, limits);
        var lines = new List<string>();
        var now = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        try
        {
            var result = runner.Start(definition, Guid.NewGuid(), now);
            lines.AddRange(result.Lines);
            var state = result.State;
            for (var fired = 0; state.Status == WorkflowStatus.Suspended && state.Timers.Count > 0 && fired < MaxTimersFired; fired++)
            {
                var timer = state.Timers.OrderBy(t => t.DueAtUtc).First();
                now = timer.DueAtUtc > now ? timer.DueAtUtc : now;
                result = runner.FireTimer(definition, state, timer.TimerId, now);
                lines.AddRange(result.Lines);
                state = result.State;
            }

            var waiting = state.Bookmarks.Select(b => $"'{b.ActivityId}' (a task for {b.Role})")
                .Concat(state.Timers.Select(t => $"'{t.ActivityId}' (a timer)"))
                .ToList();
            return new WorkflowCheckRun(state.Status, lines, waiting, null, state.Fault);
        }
        catch (WorkflowExecutionException ex)
        {
            return new WorkflowCheckRun(WorkflowStatus.Running, lines, [], ex.Message, null);
        }
    }
}
