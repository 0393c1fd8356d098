using JustCulture.Application.Clocks;
using JustCulture.Application.Common;
using JustCulture.Domain.Reporting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JustCulture.Web.Pages.Audit.Reports;

/// <summary>
/// How long cases spend in each stage, White against BME against not stated, for a reporting year: where a case for
/// one group waits longer, the delay itself is a detriment (docs/domain/case-clocks.md, "Time per stage").
/// </summary>
public sealed class StageTimesModel(StageTimesReportHandler handler, TimeProvider clock) : PageModel
{
    /// <summary>How many years back the year list goes.</summary>
    private const int YearsOffered = 5;

    [BindProperty(SupportsGet = true)]
    public string? Year { get; set; }

    public IReadOnlyList<string> Years { get; private set; } = [];

    public StageTimesReport? Report { get; private set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var current = ReportingYear.Containing(clock.GetUtcNow().UtcDateTime);
        Years = Enumerable.Range(0, YearsOffered).Select(back => new ReportingYear(current.StartYear - back).ToString()).ToList();
        try
        {
            Report = await handler.HandleAsync(string.IsNullOrWhiteSpace(Year) ? current.ToString() : Year, cancellationToken);
        }
        catch (UseCaseException refusal) when (refusal.Error is UseCaseError.Invalid or UseCaseError.LogBroken)
        {
            Error = refusal.Message;
            Response.StatusCode = refusal.Error == UseCaseError.Invalid ? StatusCodes.Status400BadRequest : StatusCodes.Status409Conflict;
        }

        return Page();
    }

    /// <summary>"3 (90%: 5)", "withheld (&lt;5)" or "none".</summary>
    public static string Cell(StageTimeFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return figures switch
        {
            { Suppressed: true } => $"withheld ({figures.CountText} timed)",
            { Count: 0 } => "none timed",
            { MedianWorkingDays: { } median, Percentile90WorkingDays: { } p90 } =>
                $"{median.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} (90%: {p90}), {figures.CountText} timed",
            _ => figures.CountText,
        };
    }
}
