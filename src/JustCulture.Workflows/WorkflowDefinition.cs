namespace JustCulture.Workflows;

/// <summary>A connection from an activity's outcome port to another activity's input port.</summary>
public sealed record Connection(string SourceActivityId, string SourcePort, string TargetActivityId, string TargetPort);

/// <summary>A validated, immutable flowchart definition, identified by id + version and by the SHA-256 of its file.</summary>
public sealed class WorkflowDefinition
{
    private readonly Dictionary<string, ActivityDefinition> _activities;
    private readonly Dictionary<(string ActivityId, string Port), List<string>> _targets;

    internal WorkflowDefinition(
        string definitionId, int version, string name, string sourceName, string sha256,
        IReadOnlyList<ActivityDefinition> activities, IReadOnlyList<Connection> connections)
    {
        DefinitionId = definitionId;
        Version = version;
        Name = name;
        SourceName = sourceName;
        Sha256 = sha256;
        Activities = activities;
        Connections = connections;
        _activities = activities.ToDictionary(a => a.Id, StringComparer.Ordinal);
        _targets = [];
        foreach (var c in connections)
        {
            if (!_targets.TryGetValue((c.SourceActivityId, c.SourcePort), out var list))
            {
                list = [];
                _targets[(c.SourceActivityId, c.SourcePort)] = list;
            }

            list.Add(c.TargetActivityId);
        }

        _inbound = connections.GroupBy(c => c.TargetActivityId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Connection>)[.. g], StringComparer.Ordinal);
    }

    private readonly Dictionary<string, IReadOnlyList<Connection>> _inbound;

    public string DefinitionId { get; }

    public int Version { get; }

    public string Name { get; }

    /// <summary>The file path or name the definition was loaded from.</summary>
    public string SourceName { get; }

    /// <summary>Lowercase hex SHA-256 of the file's bytes; instances are pinned to it.</summary>
    public string Sha256 { get; }

    public IReadOnlyList<ActivityDefinition> Activities { get; }

    public IReadOnlyList<Connection> Connections { get; }

    /// <summary>Where a run begins, chosen as Elsa chooses it: the flowchart's explicit <c>start</c>, else the first
    /// <c>Elsa.Start</c>, else the first activity marked can-start-workflow, else the first activity with no inbound
    /// connection, else the first activity. Null only for a flowchart with no activities (it finishes at once).</summary>
    public ActivityDefinition? Start { get; internal init; }

    /// <summary>The workflow variables declared in the file, with their initial values.</summary>
    public IReadOnlyList<WorkflowVariableDefinition> Variables { get; internal init; } = [];

    /// <summary>The names of the workflow inputs declared in the file (<c>inputs[].name</c>).</summary>
    public IReadOnlyList<string> Inputs { get; internal init; } = [];

    /// <summary>What the loader supplied the way Elsa's importer does (a missing definitionId or version), one line each.</summary>
    public IReadOnlyList<string> Notes { get; internal init; } = [];

    /// <summary>Activities that wait for several arrivals (<c>Elsa.FlowJoin</c>, or a <c>mergeMode</c> of Merge/Converge); others run at each arrival.</summary>
    public IReadOnlyDictionary<string, JoinMode> JoinModes { get; internal init; } = new Dictionary<string, JoinMode>();

    /// <summary>The connections entering <paramref name="activityId"/>, in file order.</summary>
    public IReadOnlyList<Connection> GetInbound(string activityId) => _inbound.TryGetValue(activityId, out var list) ? list : [];

    /// <summary>The sources of the connections entering <paramref name="activityId"/> that are not loops back to it
    /// (Elsa's "forward inbound connections"): a connection is backward when its target is on the path from the start
    /// to its source.</summary>
    public IReadOnlyList<string> GetForwardSources(string activityId)
    {
        _backward ??= FindBackwardConnections();
        return GetInbound(activityId).Where(c => !_backward.Contains(c)).Select(c => c.SourceActivityId).Distinct(StringComparer.Ordinal).ToList();
    }

    private HashSet<Connection>? _backward;

    private HashSet<Connection> FindBackwardConnections()
    {
        var backward = new HashSet<Connection>();
        if (Start is null)
        {
            return backward;
        }

        // Depth-first from the start; an edge into an activity still on the stack closes a loop.
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<(string Id, IEnumerator<Connection> Edges)>();
        stack.Push((Start.Id, Connections.Where(c => c.SourceActivityId == Start.Id).GetEnumerator()));
        onStack.Add(Start.Id);
        while (stack.Count > 0)
        {
            var (id, edges) = stack.Peek();
            if (!edges.MoveNext())
            {
                stack.Pop();
                onStack.Remove(id);
                done.Add(id);
                continue;
            }

            var edge = edges.Current;
            if (onStack.Contains(edge.TargetActivityId))
            {
                backward.Add(edge);
            }
            else if (!done.Contains(edge.TargetActivityId))
            {
                onStack.Add(edge.TargetActivityId);
                stack.Push((edge.TargetActivityId, Connections.Where(c => c.SourceActivityId == edge.TargetActivityId).GetEnumerator()));
            }
        }

        return backward;
    }

    /// <summary>How <paramref name="activityId"/> treats several arrivals.</summary>
    public JoinMode GetJoinMode(string activityId) => JoinModes.TryGetValue(activityId, out var mode) ? mode : JoinMode.Stream;

    /// <summary>The human tasks (checklist questions, reviews, informal resolutions) in file order.</summary>
    public IEnumerable<IHumanTaskActivity> HumanTasks => Activities.OfType<IHumanTaskActivity>();

    /// <exception cref="KeyNotFoundException">No activity has that id.</exception>
    public ActivityDefinition GetActivity(string activityId) =>
        TryGetActivity(activityId, out var activity)
            ? activity
            : throw new KeyNotFoundException($"{SourceName}: workflow '{DefinitionId}' v{Version} has no activity '{activityId}'.");

    public bool TryGetActivity(string activityId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ActivityDefinition? activity) =>
        _activities.TryGetValue(activityId, out activity);

    /// <summary>The ids of the activities connected to <paramref name="port"/> of <paramref name="activityId"/>, in file order.</summary>
    public IReadOnlyList<string> GetTargets(string activityId, string port) =>
        _targets.TryGetValue((activityId, port), out var list) ? list : [];

    public override string ToString() => $"{DefinitionId} v{Version} ({SourceName})";
}
