using System.Security.Claims;
using JustCulture.Application.Common;
using JustCulture.Application.Concerns;
using JustCulture.Application.Log;
using JustCulture.Application.Staff;
using JustCulture.Application.Tasks;
using JustCulture.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Api;

/// <summary>The JSON API under /api. Every endpoint is authorized on the server; per-case rules are
/// enforced by the application use cases.</summary>
public static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapJustCultureApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapAuthApi();

        var api = app.MapGroup("/api").AddEndpointFilter<UseCaseProblemFilter>().AddEndpointFilter(CookieApiAntiforgery.CheckAsync).WithTags("JustCulture");
        api.MapUserApi();
        api.MapSuspensionApi();
        api.MapCaseCareApi();
        api.MapClockApi();
        api.MapFormalApi();

        api.MapPost("/concerns", async (RaiseConcernRequest request, ClaimsPrincipal user, OpenConcernHandler handler, ListTasksHandler tasks, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(new OpenConcernCommand(request.SubjectStaffRef, user.UserId(), request.Summary, request.Actions ?? [], request.Category, request.IncidentDate), ct);
            var first = await tasks.HandleAsync(new ListTasksQuery(id, ForUserId: user.UserId()), ct);
            return TypedResults.Created($"/api/concerns/{id}", new ConcernCreated(id, first.Select(t => t.TaskId).ToList()));
        }).RequireAuthorization(Policies.LineManager).WithSummary("Raise a concern (line manager, about someone they manage)");

        api.MapGet("/concerns/{id:guid}", async (Guid id, ClaimsPrincipal user, GetConcernHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleForAsync(id, user.UserId(), ct)))
            .RequireAuthorization(Policies.CaseWorker).WithSummary("A concern: the raiser, or an independent commissioning manager");

        api.MapGet("/tasks", async (string? after, string? limit, ClaimsPrincipal user, HttpResponse response, ListTasksHandler handler, CancellationToken ct) =>
        {
            // The limit is read as text so a non-number gets the same problem details as one out of range.
            int? size = limit is null ? null
                : int.TryParse(limit, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed
                : throw UseCaseException.Invalid("limit", $"The page size must be a whole number between 1 and {ListTasksHandler.MaxPageSize}.");
            var page = await handler.HandlePageAsync(new ListTasksQuery(ForUserId: user.UserId()), after, size, ct);
            if (page.Next is not null)
            {
                // The body stays the list of tasks; the next page is an RFC 8288 link.
                response.Headers.Append("Link", $"</api/tasks?after={page.Next}&limit={size ?? ListTasksHandler.DefaultPageSize}>; rel=\"next\"");
            }

            return TypedResults.Ok(page.Tasks);
        })
            .RequireAuthorization(Policies.CaseWorker).WithSummary("Pending tasks the caller may complete, oldest first, a page at a time")
            .WithDescription($"Page with limit (1–{ListTasksHandler.MaxPageSize}, default {ListTasksHandler.DefaultPageSize}) and after (from the Link header rel=\"next\" of the page before; absent on the last page).")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapPost("/tasks/{id:guid}/complete", async (Guid id, CompleteTaskRequest request, ClaimsPrincipal user, CompleteTaskHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(new CompleteTaskCommand(id, user.UserId(), request.Answer ?? string.Empty, request.Rationale, request.InformalNotAppropriate, request.ExpectedVersion,
                request.ConflictOfInterest, request.ConflictDetails), ct)))
            .RequireAuthorization(Policies.CaseWorker).WithSummary("Answer a checklist question, review or informal-resolution task");

        api.MapPost("/staff/import", async ([FromQuery] string year, [FromQuery] bool? wholeWorkforce, HttpRequest request, ClaimsPrincipal user, ImportStaffHandler handler, CancellationToken ct) =>
        {
            // The parser reads synchronously, which servers forbid on the request stream: read the (size-limited) body first.
            using var body = new StreamReader(request.Body);
            using var reader = new StringReader(await body.ReadToEndAsync(ct));
            var result = await handler.HandleAsync(new ImportStaffCommand(reader, "upload.csv", year, new Actor(user.UserId(), Policies.Administrator), wholeWorkforce ?? false), ct);
            return TypedResults.Ok(result);
        }).RequireAuthorization(Policies.Administrator).Accepts<string>("text/csv").DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(StaffUploadLimits.MaxRequestBytes))
            .WithSummary("Import the staff CSV (body, text/csv) for a reporting year; all or nothing; a headcount drop of more than 20% needs wholeWorkforce=true");

        api.MapGet("/audit/log", async (long? after, int? take, [FromQuery(Name = "case")] string? caseReference, [FromQuery(Name = "event")] string? eventType,
                string? from, string? to, BrowseLogHandler browse, CancellationToken ct) =>
            AuditLogPage.From(await browse.HandleAsync(new BrowseLogQuery(take ?? 100, After: after ?? 0, Filter: AuditLogFilter.Parse(caseReference, eventType, from, to)), ct)))
            .RequireAuthorization(Policies.AuditorOrAdministrator).WithSummary("The pseudonymised decision log, in sequence order")
            .WithDescription("Filters, all optional: case (a case reference, JC-1A2B3C4D), event (an event type, e.g. ReviewDecided), from and to (UK dates, YYYY-MM-DD, both included). Page with after (the nextAfter of the previous page) and take.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapPost("/audit/verify", async (VerifyLogHandler handler, CancellationToken ct) =>
        {
            var result = await handler.HandleAsync(ct);
            return TypedResults.Ok(new LogVerificationResponse(result.IsIntact, result.EntriesChecked, result.Waiting, result.IsIntact ? result.RootHex : null,
                result.Checkpoint?.NoteText, result.CheckpointsChecked, result.FirstBadSequence, result.FirstBadEntryId,
                result.BadCheckpointPath is null ? null : Path.GetFileName(result.BadCheckpointPath), result.Problem));
        }).RequireAuthorization(Policies.AuditorOrAdministrator).DisableAntiforgery()
            .WithSummary("Verify the decision log: every entry, its seal, and the tree against every signed checkpoint");

        LogProofEndpoints.Map(api);

        return app;
    }
}
