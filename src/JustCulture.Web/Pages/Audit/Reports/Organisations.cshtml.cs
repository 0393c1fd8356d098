using JustCulture.Application.Common;
using JustCulture.Application.History;
using JustCulture.Domain.Reporting;
using JustCulture.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JustCulture.Web.Pages.Audit.Reports;

/// <summary>
/// Many organisations at once, for an auditor or a regional lead: the funnel plot of every organisation imported for a
/// year (<c>history import</c> with an Organisation column) and this trust, with the table and the method.
/// </summary>
public sealed class OrganisationsModel(OrganisationFunnelHandler handler, JustCultureDbContext db, IOptions<JustCulture.Web.Hosting.JustCultureWebOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    /// <summary>An imported organisation that is this trust (highlighted instead of adding the trust's own figure).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Highlight { get; set; }

    public IReadOnlyList<string> Years { get; private set; } = [];

    public OrganisationFunnelReport? Report { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Years = (await db.OrganisationHistory.AsNoTracking().Select(h => h.Year).Distinct().ToListAsync(cancellationToken))
            .OrderDescending(StringComparer.Ordinal).ToList();
        var year = string.IsNullOrWhiteSpace(Year) ? Years.FirstOrDefault() : Year;
        if (year is null)
        {
            return Page();
        }

        try
        {
            Report = await handler.HandleAsync(new OrganisationFunnelQuery(year, HighlightOrDefault(Highlight, options.Value.ThisOrganisation)), cancellationToken);
        }
        catch (UseCaseException refusal) when (refusal.Error is UseCaseError.Invalid or UseCaseError.LogBroken)
        {
            Error = refusal.Message;
            Response.StatusCode = refusal.Error == UseCaseError.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        }

        return Page();
    }

    /// <summary>The organisation asked for, else the trust's configured name (JustCulture:ThisOrganisation), else none (the trust's own figure is added).</summary>
    public static string? HighlightOrDefault(string? asked, string? configured) =>
        !string.IsNullOrWhiteSpace(asked) ? asked.Trim() : string.IsNullOrWhiteSpace(configured) ? null : configured.Trim();

    public static string Position(FunnelPosition? position) => position is { } p ? FunnelPlot.Describe(p) : "no national figure for this year";
}
