using System.Security.Claims;
using JustCulture.Application.Clocks;
using JustCulture.Domain.Concerns;
using JustCulture.Web.Hosting;
using JustCulture.Web.Pages.Shared;

namespace JustCulture.Web.Api;

/// <summary>One action's stage clock (docs/domain/case-clocks.md). Stages and reasons are the names the product stores.</summary>
/// <param name="WorkingDaysLeft">Working days to the due date; negative once overdue.</param>
/// <param name="Delay">The delay reason recorded for this stage, or null.</param>
/// <param name="Words">The clock in words, as the case page shows it.</param>
public sealed record StageClockResponse(Guid ConcernId, string CaseReference, int ActionOrdinal, string Stage, DateOnly StartedOn, int TargetWorkingDays,
    DateOnly DueOn, int WorkingDaysLeft, bool IsOverdue, bool DelayReasonNeeded, string? Delay, string Words)
{
    public static StageClockResponse Of(StageClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new(clock.ConcernId, clock.CaseReference, clock.ActionOrdinal, clock.Stage.ToString(), clock.Due.StartedOn, clock.Due.TargetWorkingDays,
            clock.Due.DueOn, clock.Due.WorkingDaysLeft, clock.Due.IsOverdue, clock.DelayReasonNeeded, clock.Delay?.ToString(), clock.Words);
    }
}

/// <param name="Reason">One of AwaitingInformation, WitnessUnavailable, PersonConcernedUnavailable, RepresentativeUnavailable,
/// DecisionMakerUnavailable, OccupationalHealthAdvice, ExternalProcess, CaseComplexity, Other.</param>
/// <param name="Details">A few words on the delay: sealed in the log, never shown to an auditor.</param>
/// <param name="ExpectedVersion">The action version the caller last read; a newer one is refused with 409.</param>
public sealed record RecordDelayRequest(string? Reason, string? Details, int? ExpectedVersion);

public sealed record DelayRecordedResponse(Guid ConcernId, int ActionOrdinal, string Stage, string Reason, DateOnly DueOn, int Version);

/// <param name="Kind">Stage or SuspensionReview.</param>
/// <param name="ActionOrdinal">The action, for a stage; null for a suspension review.</param>
public sealed record DueItemResponse(string Kind, Guid ConcernId, string CaseReference, int? ActionOrdinal, string? Stage, DateOnly DueOn, int WorkingDaysLeft,
    bool IsOverdue, bool DelayReasonNeeded, string? Delay, string Words);

/// <param name="TodayUk">The day the list was made, UK time: working days are counted from it.</param>
public sealed record DueForMeResponse(DateOnly TodayUk, int OverdueCount, IReadOnlyList<DueItemResponse> Items);

/// <summary>
/// The stage clocks as an API: a case's clocks for its parties, the caller's own due list, and the delay reason —
/// the same use cases, and so the same per-case rules, as the pages.
/// </summary>
public static class ClockEndpoints
{
    public static RouteGroupBuilder MapClockApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/concerns/{id:guid}/clocks", async (Guid id, ClaimsPrincipal user, CaseClocksHandler clocks, CancellationToken ct) =>
            TypedResults.Ok((await clocks.ForCaseAsync(id, user.UserId(), ct)).Select(StageClockResponse.Of).ToList()))
            .RequireAuthorization(Policies.CaseWorker).WithSummary("The stage clock of each open action with a target: the case's parties only");

        api.MapPost("/concerns/{id:guid}/actions/{action:int}/delay", async (Guid id, int action, RecordDelayRequest request, ClaimsPrincipal user,
                RecordStageDelayHandler record, CancellationToken ct) =>
            {
                var recorded = await record.HandleAsync(new RecordStageDelayCommand(id, action, user.UserId(), FormInput.Choice<StageDelayReason>(request.Reason), request.Details, request.ExpectedVersion), ct);
                return TypedResults.Ok(new DelayRecordedResponse(recorded.ConcernId, recorded.ActionOrdinal, recorded.Stage.ToString(), recorded.Reason.ToString(),
                    recorded.DueOn, recorded.Version));
            })
            .RequireAuthorization(Policies.CaseWorker)
            .WithSummary("Say why a stage is past its target: the raiser for a checklist, an independent commissioning manager after it")
            .WithDescription("400 without a reason or words; 422 when the stage is not overdue or has no target; 409 when a reason is already recorded for the stage or the version is stale.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/clocks/due", async (ClaimsPrincipal user, DueForMeHandler due, CancellationToken ct) =>
            {
                var list = await due.HandleAsync(user.UserId(), ct);
                return TypedResults.Ok(new DueForMeResponse(list.TodayUk, list.OverdueCount, list.Items.Select(i => new DueItemResponse(i.Kind.ToString(), i.ConcernId,
                    i.CaseReference, i.ActionOrdinal, i.Stage?.ToString(), i.DueOn, i.WorkingDaysLeft, i.IsOverdue, i.DelayReasonNeeded, i.Delay?.ToString(), i.Words)).ToList()));
            })
            .RequireAuthorization(Policies.CaseWorker).WithSummary("The caller's own due and overdue work, overdue first: case references and stages, no names");

        return api;
    }
}
