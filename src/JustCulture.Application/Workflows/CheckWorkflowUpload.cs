using JustCulture.Application.Common;
using JustCulture.Workflows;

namespace JustCulture.Application.Workflows;

/// <summary>Where an uploaded definition would sit among the loaded ones, if it were deployed.</summary>
public enum DeploymentFit
{
    /// <summary>The file does not load, so it cannot be deployed.</summary>
    Refused,

    /// <summary>A higher version of a loaded definition: new cases would start on it, running cases stay where they are.</summary>
    NewVersion,

    /// <summary>A definition id nothing is loaded under yet.</summary>
    NewDefinition,

    /// <summary>The very file already loaded (same id, version and bytes): deploying it changes nothing.</summary>
    AlreadyLoaded,

    /// <summary>An id and version already loaded from other bytes: the app would refuse to start (and running cases are pinned to the old bytes).</summary>
    VersionTaken,

    /// <summary>Lower than the current version: it would load, but new cases would still start on the current one.</summary>
    OlderThanCurrent,
}

/// <param name="Check">The same check as <c>justculture workflow check</c>: loaded or refused, notes, and the run when asked for.</param>
/// <param name="Fit">How it relates to what is loaded.</param>
/// <param name="FitText">That relation in words, naming the loaded file it is compared with.</param>
public sealed record WorkflowUploadCheck(WorkflowCheckResult Check, DeploymentFit Fit, string FitText, string Sha256);

/// <summary>
/// Checks a definition file an administrator uploads before it is deployed (docs/domain/workflow-runtime.md,
/// "Checking a file"): the loader's checks and the product's rules, optionally a run from its start with no database,
/// and how it compares with the versions loaded now. Nothing is stored or deployed: definitions are part of the
/// installation and are deployed by adding the file to the workflows folder and restarting.
/// </summary>
public sealed class CheckWorkflowUploadHandler(TriageWorkflow triage)
{
    /// <summary>Larger than any real definition (the triage is about 30 KB); a bigger upload is refused before parsing.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    public WorkflowUploadCheck Handle(byte[] utf8Json, string fileName, bool run)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var sha256 = WorkflowDefinitionLoader.ComputeSha256(utf8Json);
        var check = WorkflowCheck.Check(utf8Json, fileName, run);
        if (!check.Loaded || check.Definition is not { } definition)
        {
            return new WorkflowUploadCheck(check, DeploymentFit.Refused, "It cannot be deployed until every problem is fixed.", sha256);
        }

        var catalog = triage.Catalog;
        if (catalog.TryGet(definition.DefinitionId, definition.Version, out var loaded))
        {
            return string.Equals(loaded.Sha256, sha256, StringComparison.OrdinalIgnoreCase)
                ? new WorkflowUploadCheck(check, DeploymentFit.AlreadyLoaded,
                    $"This is exactly the file already loaded as '{definition.DefinitionId}' version {definition.Version} ({Path.GetFileName(loaded.SourceName)}); deploying it changes nothing.", sha256)
                : new WorkflowUploadCheck(check, DeploymentFit.VersionTaken,
                    $"'{definition.DefinitionId}' version {definition.Version} is already loaded from {Path.GetFileName(loaded.SourceName)} with different contents. Cases are pinned to that file, so the app would refuse to start: publish the change as version {catalog.Latest(definition.DefinitionId).Version + 1}.", sha256);
        }

        if (!catalog.DefinitionIds.Contains(definition.DefinitionId, StringComparer.Ordinal))
        {
            return new WorkflowUploadCheck(check, DeploymentFit.NewDefinition,
                $"No definition '{definition.DefinitionId}' is loaded yet; it would load beside the others. New concerns start only on '{TriageWorkflow.DefinitionId}'.", sha256);
        }

        var current = catalog.Latest(definition.DefinitionId);
        return definition.Version > current.Version
            ? new WorkflowUploadCheck(check, DeploymentFit.NewVersion,
                $"A new version of '{definition.DefinitionId}': new cases would start on version {definition.Version} instead of {current.Version}; running cases stay on the version they started on.", sha256)
            : new WorkflowUploadCheck(check, DeploymentFit.OlderThanCurrent,
                $"Version {definition.Version} is older than the current version {current.Version}; it would load, but new cases would still start on version {current.Version}.", sha256);
    }
}
