using JustCulture.Application.Common;
using JustCulture.Application.Suspensions;
using JustCulture.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JustCulture.Web.Pages.Review.Suspensions;

/// <summary>Open suspensions of the cases the reader is independent of: theirs to approve first, then overdue reviews.</summary>
public sealed class IndexModel(ListSuspensionsHandler list) : PageModel
{
    public IReadOnlyList<SuspensionListItem> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Items = await list.HandleAsync(User.UserId(), cancellationToken);
        }
        catch (UseCaseException refused) when (refused.Error == UseCaseError.Forbidden)
        {
            return Forbid();
        }

        return Page();
    }
}
