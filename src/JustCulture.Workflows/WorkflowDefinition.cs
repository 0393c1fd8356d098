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

        Start = activities.OfType<StartActivity>().Single();
    }

    public string DefinitionId { get; }

    public int Version { get; }

    public string Name { get; }

    /// <summary>The file path or name the definition was loaded from.</summary>
    public string SourceName { get; }

    /// <summary>Lowercase hex SHA-256 of the file's bytes; instances are pinned to it.</summary>
    public string Sha256 { get; }

    public IReadOnlyList<ActivityDefinition> Activities { get; }

    public IReadOnlyList<Connection> Connections { get; }

    /// <summary>The single <c>Elsa.Start</c> activity.</summary>
    public StartActivity Start { get; }

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
