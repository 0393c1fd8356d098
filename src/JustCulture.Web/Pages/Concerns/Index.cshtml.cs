using JustCulture.Application.Concerns;
using JustCulture.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JustCulture.Web.Pages.Concerns;

/// <summary>My concerns: only those the signed-in line manager raised.</summary>
public sealed class IndexModel(ListMyConcernsHandler concerns, JustCulture.Application.Clocks.StageClockReader clocks) : PageModel
{
    public IReadOnlyList<MyConcernView> Concerns { get; private set; } = [];

    /// <summary>The stage clocks of the listed concerns (docs/domain/case-clocks.md), by concern.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<JustCulture.Application.Clocks.StageClock>> Clocks { get; private set; } =
        new Dictionary<Guid, IReadOnlyList<JustCulture.Application.Clocks.StageClock>>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Concerns = await concerns.HandleAsync(User.UserId(), cancellationToken);
        // Only the concerns this user raised, as listed above.
        Clocks = await clocks.ForAsync(Concerns.Select(c => c.Id).ToList(), cancellationToken);
    }
}
