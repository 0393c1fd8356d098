using JustCulture.Application.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JustCulture.Web.Pages.Cases;

/// <summary>
/// Where a case page sends someone whose case was erased at the end of its retention period: the case's reference
/// and the date, nothing else (nothing else is held). Any signed-in user may see it — an erased case names nobody,
/// so the access policy that needs its subject cannot apply — and a case that was not erased is a 404.
/// </summary>
public sealed class ErasedModel(ErasedCaseHandler erased) : PageModel
{
    public ErasedCaseView Case { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await erased.FindAsync(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        Case = view;
        return Page();
    }
}
