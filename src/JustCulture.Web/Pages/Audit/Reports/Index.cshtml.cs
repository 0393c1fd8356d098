using JustCulture.Application.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JustCulture.Web.Pages.Audit.Reports;

/// <summary>The auditor's dashboard: indicator 3 with exact figures, its trend, the funnel and the breakdowns.</summary>
public sealed class IndexModel(ReportSetLoader loader) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Basis { get; set; }

    public IReadOnlyList<string> Years { get; private set; } = [];

    public ReportSet? Reports { get; private set; }

    public string? Error { get; private set; }

    /// <summary>Why no figures are shown: the decision log fails verification.</summary>
    public string? LogBroken { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Year) && (await loader.YearsAsync(cancellationToken)).Count == 0)
        {
            // A new installation: no log events, headcount or history yet — nothing to compute, not an error.
            return Page();
        }

        try
        {
            Reports = await loader.LoadAsync(Year, Basis, publication: null, cancellationToken);
            Years = Reports.Years;
        }
        catch (UseCaseException refusal) when (refusal.Error == UseCaseError.Invalid)
        {
            Error = refusal.Message;
            Years = await loader.YearsAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (UseCaseException refusal) when (refusal.Error == UseCaseError.LogBroken)
        {
            LogBroken = refusal.Message;
            Years = await loader.YearsAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return Page();
    }
}
