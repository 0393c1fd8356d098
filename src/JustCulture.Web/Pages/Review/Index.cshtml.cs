using JustCulture.Application.Common;
using JustCulture.Application.Review;
using JustCulture.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace JustCulture.Web.Pages.Review;

public sealed class IndexModel(ReviewQueueHandler queue, IOptions<JustCultureWebOptions> options) : PageModel
{
    public IReadOnlyList<ReviewQueueItem> Items { get; private set; } = [];

    public int OverdueAfterDays => options.Value.OverdueReviewDays;

    public int ReviewDateWarningDays => options.Value.ReviewDateWarningDays;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Items = await queue.HandleAsync(new ReviewQueueQuery(User.UserId(), OverdueAfterDays, ReviewDateWarningDays), cancellationToken);
        }
        catch (UseCaseException refused) when (refused.Error == UseCaseError.Forbidden)
        {
            return Forbid();
        }

        return Page();
    }
}
