using JustCulture.Application.Concerns;
using JustCulture.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JustCulture.Web.Pages.Concerns;

/// <summary>My concerns: only those the signed-in line manager raised.</summary>
public sealed class IndexModel(ListMyConcernsHandler concerns) : PageModel
{
    public IReadOnlyList<MyConcernView> Concerns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Concerns = await concerns.HandleAsync(User.UserId(), cancellationToken);
}
