using JustCulture.Application.Workflows;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JustCulture.Web.Pages.Admin;

public sealed class WorkflowsModel(ListWorkflowDefinitionsHandler definitions) : PageModel
{
    public IReadOnlyList<WorkflowDefinitionView> Definitions { get; private set; } = [];

    public void OnGet() => Definitions = definitions.Handle();
}
