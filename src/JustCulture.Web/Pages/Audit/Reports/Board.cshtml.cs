using JustCulture.Application.Common;
using JustCulture.Domain.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JustCulture.Web.Pages.Audit.Reports;

/// <summary>The printable board report: the publication view, small counts suppressed.</summary>
public sealed class BoardModel(ReportSetLoader loader, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Basis { get; set; }

    public ReportSet Reports { get; private set; } = null!;

    public DateTimeOffset Produced { get; private set; }

    /// <summary>Why no figures are shown: the decision log fails verification.</summary>
    public string? LogBroken { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        try
        {
            Reports = await loader.LoadAsync(Year, Basis, SmallCellSuppression.Default, cancellationToken);
        }
        catch (UseCaseException refusal) when (refusal.Error == UseCaseError.Invalid)
        {
            return ReportProblems.BadRequest(refusal.Message);
        }
        catch (UseCaseException refusal) when (refusal.Error == UseCaseError.LogBroken)
        {
            LogBroken = refusal.Message;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        Produced = clock.GetUtcNow();
        return Page();
    }
}
