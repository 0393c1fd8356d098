using System.Security.Claims;
using JustCulture.Application.Formal;
using JustCulture.Domain.Formal;
using JustCulture.Web.Hosting;
using JustCulture.Web.Pages.Shared;

namespace JustCulture.Web.Api;

/// <param name="Finding">CaseToAnswer or NoCaseToAnswer.</param>
public sealed record ConcludeInvestigationRequest(string? Finding, DateOnly? ConcludedOn);

/// <param name="Outcome">NoAction, FirstWrittenWarning, FinalWrittenWarning, Dismissal or Other (which needs OutcomeDetail).</param>
/// <param name="Panel">Who sat on the panel, by role (not names).</param>
public sealed record RecordHearingRequest(DateOnly? HearingDate, string? Panel, string? Outcome, string? OutcomeDetail, int? ExpectedVersion);

public sealed record LodgeAppealRequest(DateOnly? LodgedOn, int? ExpectedVersion);

/// <param name="Outcome">Upheld, PartlyUpheld or NotUpheld.</param>
public sealed record DecideAppealRequest(string? Outcome, DateOnly? DecidedOn, int? ExpectedVersion);

/// <param name="ExpectedVersion">The formal record's version the caller last read.</param>
public sealed record CloseFormalProcessRequest(int? ExpectedVersion);

/// <summary>
/// After a formal investigation starts (docs/domain/formal-process.md): its conclusion, the hearing and the appeal,
/// each a case step for an independent commissioning manager; the order is the application's rule, so a hearing
/// before the conclusion or an appeal with no sanction is refused with the field it is about.
/// </summary>
public static class FormalEndpoints
{
    public static RouteGroupBuilder MapFormalApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/concerns/{id:guid}/formal", async (Guid id, ClaimsPrincipal user, FormalProcessQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.ForCaseAsync(id, user.UserId(), ct)))
            .RequireAuthorization(Policies.CommissioningManager).WithSummary("Each action in the formal process, where it stands and what can be recorded next");

        api.MapGet("/formal", async (ClaimsPrincipal user, FormalProcessQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.WorkListAsync(user.UserId(), ct)))
            .RequireAuthorization(Policies.CommissioningManager).WithSummary("Formal processes you may act on, those with a next step first: case references, no names");

        api.MapPost("/concerns/{id:guid}/actions/{action:int}/formal/conclusion", async (Guid id, int action, ConcludeInvestigationRequest request, ClaimsPrincipal user,
                FormalProcessSteps steps, CancellationToken ct) =>
            TypedResults.Ok(await steps.ConcludeAsync(new ConcludeInvestigationCommand(id, action, user.UserId(), FormInput.Choice<InvestigationFinding>(request.Finding), request.ConcludedOn), ct)))
            .RequireAuthorization(Policies.CommissioningManager).WithSummary("Record the investigation's conclusion: case to answer or no case to answer, and the date")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/concerns/{id:guid}/actions/{action:int}/formal/hearing", async (Guid id, int action, RecordHearingRequest request, ClaimsPrincipal user,
                FormalProcessSteps steps, CancellationToken ct) =>
            TypedResults.Ok(await steps.RecordHearingAsync(new RecordHearingCommand(id, action, user.UserId(), request.HearingDate, request.Panel,
                FormInput.Choice<HearingOutcome>(request.Outcome), request.OutcomeDetail, request.ExpectedVersion), ct)))
            .RequireAuthorization(Policies.CommissioningManager).WithSummary("Record the disciplinary hearing: date, panel and outcome (only after a case to answer)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/concerns/{id:guid}/actions/{action:int}/formal/appeal", async (Guid id, int action, LodgeAppealRequest request, ClaimsPrincipal user,
                FormalProcessSteps steps, CancellationToken ct) =>
            TypedResults.Ok(await steps.LodgeAppealAsync(new LodgeAppealCommand(id, action, user.UserId(), request.LodgedOn, request.ExpectedVersion), ct)))
            .RequireAuthorization(Policies.CommissioningManager).WithSummary("Record that the person appealed (only against a sanction)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/concerns/{id:guid}/actions/{action:int}/formal/close", async (Guid id, int action, CloseFormalProcessRequest request, ClaimsPrincipal user,
                FormalProcessSteps steps, CancellationToken ct) =>
            TypedResults.Ok(await steps.CloseAsync(new CloseFormalProcessCommand(id, action, user.UserId(), request.ExpectedVersion), ct)))
            .RequireAuthorization(Policies.CommissioningManager)
            .WithSummary("Close the formal process once it has an end (no case to answer, a hearing not appealed, or an appeal decided): the action closes")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/concerns/{id:guid}/actions/{action:int}/formal/appeal-outcome", async (Guid id, int action, DecideAppealRequest request, ClaimsPrincipal user,
                FormalProcessSteps steps, CancellationToken ct) =>
            TypedResults.Ok(await steps.DecideAppealAsync(new DecideAppealCommand(id, action, user.UserId(), FormInput.Choice<AppealOutcome>(request.Outcome), request.DecidedOn,
                request.ExpectedVersion), ct)))
            .RequireAuthorization(Policies.CommissioningManager).WithSummary("Record the appeal's outcome: upheld, partly upheld or not upheld, and the date")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return api;
    }
}
