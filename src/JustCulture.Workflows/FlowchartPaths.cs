namespace JustCulture.Workflows;

// Breadth-first searches over a flowchart's connections, shared by the reachability check and the safety rule.
internal sealed class FlowchartPaths
{
    private readonly IReadOnlyDictionary<string, ActivityDefinition> _byId;
    private readonly Dictionary<string, List<Connection>> _outgoing;

    // Every connection must join two activities of byId.
    public FlowchartPaths(IReadOnlyDictionary<string, ActivityDefinition> byId, IEnumerable<Connection> connections)
    {
        _byId = byId;
        _outgoing = connections
            .GroupBy(c => c.SourceActivityId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    public ActivityDefinition Activity(string id) => _byId[id];

    // In file order.
    public IReadOnlyList<Connection> Outgoing(string activityId) => _outgoing.GetValueOrDefault(activityId, []);

    // Each seed carries how it was entered (e.g. "review[Support]"), named at the head of its path, or null.
    // Activities matching stopAt are reached but not passed through.
    public ReachedActivities Search(IEnumerable<(string Id, string? Via)> seeds, Func<ActivityDefinition, bool>? stopAt = null)
    {
        var parents = new Dictionary<string, (string? Parent, string? Via)>(StringComparer.Ordinal);
        var order = new List<string>();
        var queue = new Queue<string>();
        foreach (var (id, via) in seeds)
        {
            if (parents.TryAdd(id, (null, via)))
            {
                order.Add(id);
                queue.Enqueue(id);
            }
        }

        while (queue.TryDequeue(out var id))
        {
            if (stopAt is not null && stopAt(_byId[id]))
            {
                continue;
            }

            foreach (var connection in Outgoing(id))
            {
                if (parents.TryAdd(connection.TargetActivityId, (id, connection.SourcePort)))
                {
                    order.Add(connection.TargetActivityId);
                    queue.Enqueue(connection.TargetActivityId);
                }
            }
        }

        return new ReachedActivities(parents, order);
    }
}

// The result of one search: what was reached, in breadth-first order, and by which edge, so the first
// (shortest) path to any of them can be named in a message.
internal sealed class ReachedActivities(Dictionary<string, (string? Parent, string? Via)> parents, List<string> order)
{
    public IReadOnlyList<string> InOrder => order;

    public bool Contains(string activityId) => parents.ContainsKey(activityId);

    // E.g. "start[Done] -> q1[Yes] -> outcomeG[Done] -> formal": each step names the port it leaves by.
    public string PathTo(string activityId)
    {
        var steps = new List<string>();
        string? current = activityId;
        string? arrivedVia = null;
        while (current is not null)
        {
            var (parent, via) = parents[current];
            steps.Add(arrivedVia is null ? current : $"{current}[{arrivedVia}]");
            if (parent is null && via is not null)
            {
                steps.Add(via);
            }

            arrivedVia = via;
            current = parent;
        }

        steps.Reverse();
        return string.Join(" -> ", steps);
    }
}
