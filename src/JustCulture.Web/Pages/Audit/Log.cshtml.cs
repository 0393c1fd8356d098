using JustCulture.Application.Log;
using JustCulture.Persistence.DecisionLog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JustCulture.Web.Pages.Audit;

/// <summary>The pseudonymised decision log, a page at a time, with a button that verifies the whole chain.</summary>
public sealed class LogModel(BrowseLogHandler browse, VerifyLogHandler verify) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public PseudonymisedLogPage Entries { get; private set; } = null!;

    public LogVerification? Verification { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Entries = await browse.HandleAsync(new BrowseLogQuery(PageSize, Page: PageNumber), cancellationToken);

    public async Task<IActionResult> OnPostVerifyAsync(CancellationToken cancellationToken)
    {
        Verification = await verify.HandleAsync(cancellationToken);
        Entries = await browse.HandleAsync(new BrowseLogQuery(PageSize, Page: PageNumber), cancellationToken);
        return Page();
    }
}
