using System.Text;
using JustCulture.Application.Clocks;
using JustCulture.Application.Common;
using JustCulture.Application.History;
using JustCulture.Application.Reports;
using JustCulture.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JustCulture.Web.Api;

/// <summary>Indicator 3 and the disparity funnel for auditors and administrators, exact figures as on screen.</summary>
public static class ReportEndpoints
{
    /// <summary>Services the report pages use beyond the application's handlers.</summary>
    public static IServiceCollection AddReportPages(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddScoped<Pages.Audit.Reports.ReportSetLoader>();
    }

    public static IEndpointRouteBuilder MapReportApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var reports = app.MapGroup("/api/reports").AddEndpointFilter<UseCaseProblemFilter>().WithTags("Reports")
            .RequireAuthorization(Policies.AuditorOrAdministrator);

        reports.MapGet("/indicator3", async (string? year, string? basis, Indicator3ReportHandler handler, CancellationToken ct) =>
        {
            var report = await handler.HandleAsync(new Indicator3Query(year ?? string.Empty, basis ?? "single"), ct);
            return TypedResults.Ok(ReportDocuments.Indicator3(ReportPublication.Indicator3(report, null)));
        })
        .WithSummary("WRES indicator 3 for a reporting year (auditor or administrator)")
        .WithDescription("year is YYYY-YY (e.g. 2024-25); basis is single (default) or rolling. Recomputed from the decision log; exact figures.")
        .ProducesProblem(StatusCodes.Status400BadRequest);

        reports.MapGet("/funnel", async Task<Results<Ok<FunnelDocument>, FileContentHttpResult>> (string? year, string? format, FunnelReportHandler handler, CancellationToken ct) =>
        {
            var csv = FunnelFormat(format);
            var funnel = await handler.HandleAsync(new FunnelQuery(year ?? string.Empty), ct);
            // One document for the JSON and the CSV, the same one the CLI prints (report funnel --format json|csv).
            var document = ReportDocuments.Funnel(ReportPublication.Funnel(funnel, null));
            return csv
                ? TypedResults.File(Encoding.UTF8.GetBytes(ReportDocuments.FunnelCsv(document)), "text/csv; charset=utf-8", $"funnel-{document.Year}.csv")
                : TypedResults.Ok(document);
        })
        .WithSummary("The disparity funnel and breakdowns for a reporting year (auditor or administrator)")
        .WithDescription("year is YYYY-YY; format is json (default) or csv. Relative likelihood per stage against headcount and conditional on the previous stage; breakdowns by band, staff group, length of service and directorate. Exact figures; the CSV is formula-safe.")
        .ProducesProblem(StatusCodes.Status400BadRequest);

        reports.MapGet("/organisations", async Task<Results<Ok<OrganisationFunnelDocument>, FileContentHttpResult>> (string? year, string? highlight, string? format,
            OrganisationFunnelHandler handler, Microsoft.Extensions.Options.IOptions<JustCultureWebOptions> options, CancellationToken ct) =>
        {
            var csv = FunnelFormat(format);
            var document = OrganisationFunnelDocument.Of(await handler.HandleAsync(new OrganisationFunnelQuery(year ?? string.Empty,
                Pages.Audit.Reports.OrganisationsModel.HighlightOrDefault(highlight, options.Value.ThisOrganisation)), ct));
            return csv
                ? TypedResults.File(Encoding.UTF8.GetBytes(document.ToCsv()), "text/csv; charset=utf-8", $"organisations-{document.Year}.csv")
                : TypedResults.Ok(document);
        })
        .WithSummary("Many organisations' indicator 3 for a year as a funnel plot's data: each against its precision, with limits around 1 and the national figure")
        .WithDescription("year is YYYY-YY; highlight names the imported organisation that is this trust (default: the setting JustCulture:ThisOrganisation; with neither, this trust's own figure is added); format is json (default) or csv.")
        .ProducesProblem(StatusCodes.Status400BadRequest);

        reports.MapGet("/stage-times", async (string? year, StageTimesReportHandler handler, CancellationToken ct) =>
            TypedResults.Ok(StageTimesDocument.Of(await handler.HandleAsync(year, ct))))
        .WithSummary("Time spent in each stage by WRES group for a reporting year (auditor or administrator)")
        .WithDescription("year is YYYY-YY. Median and 90th percentile in working days of the stages that ended in the year, against each stage's target; a group with fewer than five timed stages is withheld. Recomputed from the verified decision log.")
        .ProducesProblem(StatusCodes.Status400BadRequest);

        return app;
    }

    /// <summary>True for CSV; JSON is the default.</summary>
    private static bool FunnelFormat(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "json" => false,
        "csv" => true,
        _ => throw UseCaseException.Invalid($"format: '{format}' is not a format; use json or csv."),
    };
}
