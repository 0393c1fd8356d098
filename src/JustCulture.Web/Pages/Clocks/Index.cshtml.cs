using JustCulture.Application.Clocks;
using JustCulture.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JustCulture.Web.Pages.Clocks;

/// <summary>"Due and overdue for me" (docs/domain/case-clocks.md): the signed-in user's own stage clocks and suspension
/// reviews, through the one access policy. Roles with no case work see an empty list.</summary>
public sealed class IndexModel(DueForMeHandler dueForMe) : PageModel
{
    public DueForMe Due { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Due = await dueForMe.HandleAsync(User.UserId(), cancellationToken);
}
