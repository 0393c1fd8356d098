namespace JustCulture.Workflows;

// Collects the activities and connections of one definition and checks that they form a runnable graph:
// unique ids, connections between existing activities and ports, every human-task answer leading somewhere,
// exactly one start, nothing unreachable, and the safety rule. Activities and connections are handed over as
// they are read, so each one's problems are reported in file order.
internal sealed class FlowchartGraphValidator(DefinitionErrors errors)
{
    // Every id seen, including activities that failed to build, so one bad activity does not also make
    // every connection to it "dangling".
    private readonly HashSet<string> _knownIds = new(StringComparer.Ordinal);

    // Activities whose ports cannot be trusted because their inputs were invalid.
    private readonly HashSet<string> _unreliable = new(StringComparer.Ordinal);

    private readonly List<ActivityDefinition> _activities = [];
    private readonly Dictionary<string, ActivityDefinition> _byId = new(StringComparer.Ordinal);
    private readonly List<Connection> _connections = [];
    private readonly HashSet<(string ActivityId, string Port)> _connectedPorts = [];

    // Every connection between two known ids, including ones to or from an activity that failed to build, so
    // reachability behind a refused activity is still judged by the file as drawn.
    private readonly List<(string Source, string Target)> _drawnEdges = [];
    private readonly List<string> _fileOrder = [];
    private readonly HashSet<string> _canStart = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JoinMode> _joinModes = new(StringComparer.Ordinal);

    public IReadOnlyList<ActivityDefinition> Activities => _activities;

    public IReadOnlyDictionary<string, JoinMode> JoinModes => _joinModes;

    // Set by Validate: the start chosen the way Elsa chooses it.
    public string? StartId { get; private set; }

    public void NoteFlowProperties(ActivityJson activity, bool canStartWorkflow, JoinMode mergeMode)
    {
        _fileOrder.Add(activity.Id);
        if (canStartWorkflow)
        {
            _canStart.Add(activity.Id);
        }

        if (mergeMode != JoinMode.Stream)
        {
            _joinModes[activity.Id] = mergeMode;
        }
    }

    public IReadOnlyList<Connection> Connections => _connections;

    // False for a repeated id: the later activity is reported and dropped, its inputs unread.
    public bool TryClaimId(ActivityJson activity)
    {
        if (_knownIds.Add(activity.Id))
        {
            return true;
        }

        errors.Activity(activity.Id, $"duplicate id (activity #{activity.Index} repeats an earlier id)");
        return false;
    }

    // portsTrusted is false when the activity's inputs had problems: its ports (answers, routes) may be
    // stand-ins, so connections from it are not checked against them.
    public void AddActivity(ActivityDefinition activity, bool portsTrusted)
    {
        if (!portsTrusted)
        {
            _unreliable.Add(activity.Id);
        }

        _activities.Add(activity);
        _byId[activity.Id] = activity;
    }

    public void AddConnection(ConnectionJson connection)
    {
        var (index, sourceId, sourcePort, targetId, targetPort) = connection;
        if (_knownIds.Contains(sourceId) && _knownIds.Contains(targetId))
        {
            _drawnEdges.Add((sourceId, targetId));
        }

        var ok = true;
        if (!_knownIds.Contains(sourceId))
        {
            errors.Activity(sourceId, $"connection #{index} to '{targetId}' leaves from an activity that does not exist");
            ok = false;
        }

        if (!_knownIds.Contains(targetId))
        {
            errors.Activity(sourceId, $"connection #{index} targets unknown activity '{targetId}'");
            ok = false;
        }

        if (string.IsNullOrWhiteSpace(sourcePort))
        {
            errors.Activity(sourceId, $"connection #{index} to '{targetId}' has no source port");
            ok = false;
        }
        else if (_byId.TryGetValue(sourceId, out var sourceActivity) && !_unreliable.Contains(sourceId))
        {
            if (sourceActivity.Ports.Contains(sourcePort, StringComparer.Ordinal))
            {
                _connectedPorts.Add((sourceId, sourcePort));
            }
            else
            {
                errors.Activity(sourceId, sourceActivity.Ports.Count == 0
                    ? $"connection #{index} to '{targetId}' leaves from port '{sourcePort}', but {sourceActivity.Type} has no outgoing ports"
                    : $"connection #{index} to '{targetId}' leaves from unknown port '{sourcePort}'; ports: {string.Join(", ", sourceActivity.Ports)}");
                ok = false;
            }
        }

        if (!string.IsNullOrEmpty(targetPort) && !string.Equals(targetPort, WorkflowPorts.In, StringComparison.Ordinal))
        {
            errors.Activity(targetId, $"connection #{index} from '{sourceId}' enters by unknown port '{targetPort}'; expected '{WorkflowPorts.In}'");
            ok = false;
        }

        // Connections to or from an activity that failed to build are dropped quietly: that activity's own
        // problem has been reported already.
        if (ok && _byId.ContainsKey(sourceId) && _byId.ContainsKey(targetId))
        {
            _connections.Add(new Connection(sourceId, sourcePort!, targetId, WorkflowPorts.In));
        }
    }

    // Call once every activity and connection has been added.
    public void Validate(string? explicitStart)
    {
        foreach (var activity in _activities.Where(a => a is IHumanTaskActivity && !_unreliable.Contains(a.Id)))
        {
            foreach (var port in activity.Ports.Where(p => !_connectedPorts.Contains((activity.Id, p))))
            {
                errors.Activity(activity.Id, $"answer '{port}' has no outgoing connection; every answer of a human task must lead somewhere");
            }
        }

        foreach (var join in _activities.OfType<FlowJoinActivity>())
        {
            _joinModes[join.Id] = join.Mode;
        }

        foreach (var joinId in _joinModes.Keys.Where(id => !_drawnEdges.Any(e => e.Target == id)))
        {
            errors.Activity(joinId, "a join with no incoming connections can never run");
        }

        var starts = _activities.OfType<StartActivity>().ToList();

        // Paths are only meaningful from a single start, so the path checks wait until there is one.
        if (starts.Count > 1)
        {
            foreach (var start in starts)
            {
                errors.Activity(start.Id, $"more than one {StartActivity.TypeName} ({string.Join(", ", starts.Select(s => $"'{s.Id}'"))}); a flowchart needs at most one");
            }

            return;
        }

        if (explicitStart is not null && !_knownIds.Contains(explicitStart))
        {
            errors.File($"root.start names '{explicitStart}', which is not an activity of the flowchart");
            return;
        }

        // Elsa's order: the explicit start, the first Elsa.Start, the first can-start-workflow activity, the
        // first activity with no inbound connection, the first activity.
        var startId = explicitStart
            ?? starts.FirstOrDefault()?.Id
            ?? _fileOrder.FirstOrDefault(_canStart.Contains)
            ?? _fileOrder.FirstOrDefault(id => !_drawnEdges.Any(e => e.Target == id))
            ?? _fileOrder.FirstOrDefault();
        if (startId is null)
        {
            return; // An empty flowchart: Elsa completes it at once.
        }

        StartId = startId;
        var reachedAsDrawn = Reach(startId);
        // An activity that failed to build has been reported already; one problem each.
        foreach (var id in _fileOrder.Where(id => !reachedAsDrawn.Contains(id) && _byId.ContainsKey(id)))
        {
            errors.Activity(id, $"unreachable: no path leads to it from start '{startId}'");
        }

        if (!_byId.ContainsKey(startId))
        {
            return; // The start itself was refused; its problem has been reported.
        }

        var paths = new FlowchartPaths(_byId, _connections);
        SafetyRule.Check(paths, _activities, startId, errors);
        FormalStageRule.Check(paths, _activities, startId, errors);
    }

    private HashSet<string> Reach(string startId)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { startId };
        var queue = new Queue<string>([startId]);
        while (queue.TryDequeue(out var id))
        {
            foreach (var (_, target) in _drawnEdges.Where(e => e.Source == id))
            {
                if (reached.Add(target))
                {
                    queue.Enqueue(target);
                }
            }
        }

        return reached;
    }
}
