using JustCulture.Workflows;

namespace JustCulture.Application.Common;

/// <summary>Which definition new concerns run on, and the catalog of every loaded version.</summary>
public sealed class TriageWorkflow(WorkflowCatalog catalog)
{
    public const string DefinitionId = "just-culture-triage";

    public WorkflowCatalog Catalog { get; } = catalog;

    /// <summary>New cases start on the latest version; running cases stay on theirs.</summary>
    public WorkflowDefinition Current => Catalog.Latest(DefinitionId);

    /// <summary>The exact definition an instance was pinned to; refuses if that file has changed since.</summary>
    public WorkflowDefinition PinnedTo(string definitionId, int version, string sha256)
    {
        WorkflowDefinition definition;
        try
        {
            definition = Catalog.Get(definitionId, version);
        }
        catch (KeyNotFoundException)
        {
            throw UseCaseException.Conflict($"Workflow definition {definitionId} version {version}, which this case runs on, is no longer loaded.");
        }

        if (!string.Equals(definition.Sha256, sha256, StringComparison.Ordinal))
        {
            throw UseCaseException.Conflict($"Workflow definition {definitionId} version {version} has been edited since this case started (file hash {definition.Sha256[..12]}… differs from {sha256[..12]}…); publish changes as a new version instead.");
        }

        return definition;
    }
}
