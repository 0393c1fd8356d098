using JustCulture.Application.Workflows;
using JustCulture.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Admin;

/// <summary>Every loaded definition version, and the check of a definition file before it is deployed: the same check
/// as <c>justculture workflow check</c>, plus how the file compares with what is loaded. Nothing is stored.</summary>
public sealed class WorkflowsModel(ListWorkflowDefinitionsHandler definitions, CheckWorkflowUploadHandler checker) : FormPageModel
{
    public IReadOnlyList<WorkflowDefinitionView> Definitions { get; private set; } = [];

    [BindProperty]
    public IFormFile? DefinitionFile { get; set; }

    /// <summary>Also run the definition from its start, with no database.</summary>
    [BindProperty]
    public bool Run { get; set; }

    /// <summary>The check of the uploaded file, after a post.</summary>
    public WorkflowUploadCheck? Checked { get; private set; }

    public void OnGet() => Definitions = definitions.Handle();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Definitions = definitions.Handle();
        if (DefinitionFile is null || DefinitionFile.Length == 0)
        {
            ModelState.AddModelError(nameof(DefinitionFile), "Select the workflow definition file (JSON) to check");
        }
        else if (DefinitionFile.Length > CheckWorkflowUploadHandler.MaxFileBytes)
        {
            ModelState.AddModelError(nameof(DefinitionFile), $"The file must be smaller than {CheckWorkflowUploadHandler.MaxFileBytes / (1024 * 1024)} MB");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var fileName = Path.GetFileName(DefinitionFile!.FileName);
        if (string.IsNullOrWhiteSpace(fileName))
        {
            fileName = "upload.json";
        }

        using var buffer = new MemoryStream();
        await using (var stream = DefinitionFile.OpenReadStream())
        {
            await stream.CopyToAsync(buffer, cancellationToken);
        }

        Checked = checker.Handle(buffer.ToArray(), fileName, Run);
        if (Checked.Fit == DeploymentFit.Refused)
        {
            // Each problem in the summary, linked to the file field, as any refused form; the field itself shows the count.
            ModelState.AddModelError(nameof(DefinitionFile), $"{fileName} does not load: {Checked.Check.Problems.Count} problem(s), listed below");
            foreach (var problem in Checked.Check.Problems)
            {
                ModelState.AddModelError(nameof(DefinitionFile), problem);
            }

            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }

        return Page();
    }
}
