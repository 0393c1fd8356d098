using JustCulture.Application.Common;
using JustCulture.Domain.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JustCulture.Web.Pages.Audit.Reports;

/// <summary>
/// The printable board report, in one of two documents (docs/domain/wres-indicator-3.md, "Internal and published"):
/// <b>internal</b> (the default) for the trust board — exact counts, the ratio and its interval with the small-number
/// reading in words — or <b>publication</b> for anything that leaves the trust, small counts suppressed. Every page
/// says which it is.
/// </summary>
public sealed class BoardModel(ReportSetLoader loader, TimeProvider clock) : PageModel
{
    public const string Internal = "internal";
    public const string Publication = "publication";

    /// <summary>"internal" (default) or "publication".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Mode { get; set; }

    public bool ForPublication => string.Equals(Mode, Publication, StringComparison.OrdinalIgnoreCase);

    /// <summary>What document this is, said at the top and on every printed page.</summary>
    public string ModeStatement => ForPublication
        ? "Publication version: small counts suppressed (1 to 4 shown as \"<5\") and figures that would reveal them withheld. Fit to leave the trust."
        : "Internal board report, not for publication: exact counts, including counts below 5. For anything that leaves the trust, use the publication version.";

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
        if (Mode is not null && !ForPublication && !string.Equals(Mode, Internal, StringComparison.OrdinalIgnoreCase))
        {
            return ReportProblems.BadRequest($"'{Mode}' is not a board report mode; use internal or publication.");
        }

        try
        {
            Reports = await loader.LoadAsync(Year, Basis, ForPublication ? SmallCellSuppression.Default : null, cancellationToken);
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
