using JustCulture.Application.Common;

namespace JustCulture.Application.Workflows;

/// <param name="FileName">The file the definition was loaded from, without its folder.</param>
/// <param name="IsCurrent">Whether new cases start on this version.</param>
public sealed record WorkflowDefinitionView(string DefinitionId, int Version, string Name, string FileName, string Sha256, bool IsCurrent);

/// <summary>Every loaded workflow definition version with its file and SHA-256, so an administrator can
/// confirm which exact files running cases are pinned to.</summary>
public sealed class ListWorkflowDefinitionsHandler(TriageWorkflow triage)
{
    public IReadOnlyList<WorkflowDefinitionView> Handle()
    {
        var catalog = triage.Catalog;
        return catalog.All
            .OrderBy(d => d.DefinitionId, StringComparer.Ordinal).ThenByDescending(d => d.Version)
            .Select(d => new WorkflowDefinitionView(d.DefinitionId, d.Version, d.Name, Path.GetFileName(d.SourceName), d.Sha256,
                ReferenceEquals(catalog.Latest(d.DefinitionId), d)))
            .ToList();
    }
}
