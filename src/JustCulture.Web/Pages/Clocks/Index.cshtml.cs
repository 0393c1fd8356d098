using JustCulture.Application.Clocks;
using JustCulture.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JustCulture.Web.Pages.Clocks;

/// <summary>Due and overdue for the signed-in user: the same list the daily digest sends, blinded like the review queue.</summary>
public sealed class IndexModel(DueForMeHandler due) : PageModel
{
    public DueForMe Due { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Due = await due.HandleAsync(User.UserId(), cancellationToken);

    /// <summary>Where an item's work is done: the raiser's concern page for a checklist, the case page or the suspension list after it.</summary>
    public string LinkFor(DueItem item) => item switch
    {
        { Kind: DueItemKind.SuspensionReview } => $"/Review/Case/{item.ConcernId}#suspensions",
        { Stage: JustCulture.Domain.Concerns.ActionStage.Checklist } => $"/Concerns/Details/{item.ConcernId}#action-{item.ActionOrdinal}",
        _ => $"/Review/Case/{item.ConcernId}#action-{item.ActionOrdinal}",
    };
}
