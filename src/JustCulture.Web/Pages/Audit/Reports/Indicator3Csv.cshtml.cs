using System.Text;
using JustCulture.Application.Common;
using JustCulture.Application.Reports;
using JustCulture.Domain.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JustCulture.Web.Pages.Audit.Reports;

/// <summary>The WRES indicator-3 return as CSV, prepared for publication (small counts suppressed).</summary>
public sealed class Indicator3CsvModel(Indicator3ReportHandler handler) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? year, string? basis, CancellationToken cancellationToken)
    {
        try
        {
            var report = await handler.HandleAsync(new Indicator3Query(year ?? string.Empty, basis ?? "single"), cancellationToken);
            var shown = ReportPublication.Indicator3(report, SmallCellSuppression.Default);
            var csv = Encoding.UTF8.GetBytes(ReportDocuments.Indicator3Csv(shown));
            return File(csv, "text/csv; charset=utf-8", $"wres-indicator3-{shown.Year}-{shown.Basis}.csv");
        }
        catch (UseCaseException refusal) when (refusal.Error == UseCaseError.Invalid)
        {
            return ReportProblems.BadRequest(refusal.Message);
        }
        catch (UseCaseException refusal) when (refusal.Error == UseCaseError.LogBroken)
        {
            return ReportProblems.LogBroken(refusal.Message);
        }
    }
}

/// <summary>Bad report arguments on a download or print page: a 400 problem details response.</summary>
internal static class ReportProblems
{
    /// <summary>A download refused because the log it would be computed from fails verification.</summary>
    public static ObjectResult LogBroken(string detail) => new(new ProblemDetails
    {
        Status = StatusCodes.Status409Conflict,
        Type = "urn:justculture:problem:log-broken",
        Title = "The decision log failed verification",
        Detail = detail,
    })
    {
        StatusCode = StatusCodes.Status409Conflict,
        ContentTypes = { "application/problem+json" },
    };

    public static ObjectResult BadRequest(string detail) => new(new ProblemDetails
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "Bad request",
        Detail = detail,
    })
    {
        StatusCode = StatusCodes.Status400BadRequest,
        ContentTypes = { "application/problem+json" },
    };
}
