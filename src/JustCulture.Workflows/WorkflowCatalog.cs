namespace JustCulture.Workflows;

/// <summary>Every definition in a folder, every version kept, so running instances can always find the exact
/// version they are pinned to.</summary>
public sealed class WorkflowCatalog
{
    private readonly Dictionary<string, SortedDictionary<int, WorkflowDefinition>> _byId;

    /// <exception cref="WorkflowDefinitionException">Two definitions share an id and version.</exception>
    public WorkflowCatalog(IEnumerable<WorkflowDefinition> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var all = definitions.ToList();
        var errors = DuplicateErrors(all);
        if (errors.Count > 0)
        {
            throw new WorkflowDefinitionException(errors);
        }

        _byId = new Dictionary<string, SortedDictionary<int, WorkflowDefinition>>(StringComparer.Ordinal);
        foreach (var definition in all)
        {
            if (!_byId.TryGetValue(definition.DefinitionId, out var versions))
            {
                versions = [];
                _byId[definition.DefinitionId] = versions;
            }

            versions[definition.Version] = definition;
        }

        All = all;
    }

    /// <summary>Loads every <c>*.json</c> file in <paramref name="directory"/> (not subfolders).</summary>
    /// <exception cref="WorkflowDefinitionException">Any file is invalid, or two files share an id and version;
    /// the errors of all files are reported together.</exception>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static WorkflowCatalog LoadDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Workflow definition folder '{directory}' does not exist.");
        }

        var errors = new List<string>();
        var definitions = new List<WorkflowDefinition>();
        var files = Directory.EnumerateFiles(directory, "*.json")
            .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var definition = WorkflowDefinitionLoader.TryParse(File.ReadAllBytes(file), file, errors);
            if (definition is not null)
            {
                definitions.Add(definition);
            }
        }

        errors.AddRange(DuplicateErrors(definitions));
        return errors.Count > 0 ? throw new WorkflowDefinitionException(errors) : new WorkflowCatalog(definitions);
    }

    public IReadOnlyCollection<WorkflowDefinition> All { get; }

    /// <summary>The ids of all definitions, sorted.</summary>
    public IReadOnlyList<string> DefinitionIds => [.. _byId.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The highest version of <paramref name="definitionId"/>.</summary>
    /// <exception cref="KeyNotFoundException">The catalog has no definition with that id.</exception>
    public WorkflowDefinition Latest(string definitionId) =>
        _byId.TryGetValue(definitionId, out var versions)
            ? versions.Values.Last()
            : throw new KeyNotFoundException($"No workflow definition '{definitionId}' in the catalog; known: {Known()}.");

    /// <exception cref="KeyNotFoundException">The catalog does not hold that id and version.</exception>
    public WorkflowDefinition Get(string definitionId, int version)
    {
        if (!_byId.TryGetValue(definitionId, out var versions))
        {
            throw new KeyNotFoundException($"No workflow definition '{definitionId}' in the catalog; known: {Known()}.");
        }

        return versions.TryGetValue(version, out var definition)
            ? definition
            : throw new KeyNotFoundException(
                $"Workflow definition '{definitionId}' has no version {version}; loaded versions: {string.Join(", ", versions.Keys)}.");
    }

    public bool TryGet(string definitionId, int version, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out WorkflowDefinition? definition)
    {
        definition = null;
        return _byId.TryGetValue(definitionId, out var versions) && versions.TryGetValue(version, out definition);
    }

    private string Known() => _byId.Count == 0 ? "(none)" : string.Join(", ", DefinitionIds);

    private static List<string> DuplicateErrors(IEnumerable<WorkflowDefinition> definitions) =>
        definitions
            .GroupBy(d => (d.DefinitionId, d.Version))
            .Where(g => g.Count() > 1)
            .SelectMany(g => g.Skip(1).Select(d =>
                $"{d.SourceName}: definition '{d.DefinitionId}' version {d.Version} is also defined in {g.First().SourceName}"))
            .ToList();
}
