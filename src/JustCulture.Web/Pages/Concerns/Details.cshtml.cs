using JustCulture.Application.Common;
using JustCulture.Application.Concerns;
using JustCulture.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JustCulture.Web.Pages.Concerns;

/// <summary>One concern the signed-in line manager raised. Anyone else's concern is a 404.</summary>
public sealed class DetailsModel(GetConcernHandler concerns) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ConcernView Concern { get; private set; } = null!;

    public string? Confirmation { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Concern = await concerns.HandleForAsync(Id, User.UserId(), cancellationToken);
        }
        catch (UseCaseException refusal) when (refusal.Error is UseCaseError.Forbidden or UseCaseError.NotFound)
        {
            return NotFound();
        }

        Confirmation = TempData["Confirmation"] as string;
        return Page();
    }
}
