using System.Security.Claims;
using JustCulture.Application.Suspensions;
using JustCulture.Domain.Suspensions;
using JustCulture.Web.Hosting;
using JustCulture.Web.Pages.Shared;

namespace JustCulture.Web.Api;

/// <param name="Alternative">Redeployment, Supervision, RestrictedDuties or Other.</param>
/// <param name="Description">What the alternative is, for Other.</param>
public sealed record AlternativeRequest(string? Alternative, string? Description, string? WhyNot);

/// <param name="Kind">Suspension, Exclusion or RestrictionOfDuties.</param>
/// <param name="Reason">Why the measure is needed: the risk it addresses.</param>
/// <param name="ReviewDate">After today and at most JustCulture:Suspension:MaxReviewDays ahead (default 14).</param>
public sealed record ProposeSuspensionRequest(string? Kind, string? Reason, IReadOnlyList<AlternativeRequest>? Alternatives, DateOnly? ReviewDate);

public sealed record ApproveSuspensionRequest(int? ExpectedVersion);

public sealed record SuspensionReasonRequest(string? Reason, int? ExpectedVersion);

public sealed record ContinueSuspensionRequest(string? Rationale, DateOnly? ReviewDate, int? ExpectedVersion);

/// <summary>
/// Suspension, exclusion or restriction of duties (docs/domain/process-safeguards.md, "Suspension"): commissioning
/// managers only, and per case the same independence rule as the review; approving also needs a named senior approver.
/// </summary>
public static class SuspensionEndpoints
{
    public static RouteGroupBuilder MapSuspensionApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/concerns/{id:guid}/suspensions", async (Guid id, ClaimsPrincipal user, CaseSuspensionsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, user.UserId(), ct)))
            .RequireAuthorization(Policies.CommissioningManager).WithSummary("A case's suspensions, exclusions and restrictions of duties, newest first");

        api.MapPost("/concerns/{id:guid}/suspensions", async (Guid id, ProposeSuspensionRequest request, ClaimsPrincipal user, SuspensionSteps steps, CancellationToken ct) =>
        {
            var alternatives = (request.Alternatives ?? []).Select(a => new AlternativeInput(FormInput.Choice<SuspensionAlternative>(a.Alternative), a.Description, a.WhyNot)).ToList();
            var proposed = await steps.ProposeAsync(new ProposeSuspensionCommand(id, user.UserId(), FormInput.Choice<SuspensionKind>(request.Kind), request.Reason, alternatives, request.ReviewDate), ct);
            return TypedResults.Created($"/api/suspensions/{proposed.SuspensionId}", proposed);
        }).RequireAuthorization(Policies.CommissioningManager)
            .WithSummary("Propose a suspension, exclusion or restriction of duties: the alternatives weighed and a review date; no effect until approved");

        api.MapGet("/suspensions", async (ClaimsPrincipal user, ListSuspensionsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(user.UserId(), ct)))
            .RequireAuthorization(Policies.CommissioningManager).WithSummary("Open suspensions of the cases you are independent of: awaiting your approval first, then overdue reviews");

        api.MapGet("/suspensions/{id:guid}", async (Guid id, ClaimsPrincipal user, CaseSuspensionsHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.OneAsync(id, user.UserId(), ct)))
            .RequireAuthorization(Policies.CommissioningManager).WithSummary("One suspension");

        api.MapPost("/suspensions/{id:guid}/approve", async (Guid id, ApproveSuspensionRequest? request, ClaimsPrincipal user, SuspensionSteps steps, CancellationToken ct) =>
            TypedResults.Ok(await steps.DecideAsync(new DecideSuspensionCommand(id, user.UserId(), Approve: true, ExpectedVersion: request?.ExpectedVersion), ct)))
            .RequireAuthorization(Policies.CommissioningManager)
            .WithSummary("Approve what is waiting (the proposal, or a continuation): a named senior approver who did not propose it");

        api.MapPost("/suspensions/{id:guid}/decline", async (Guid id, SuspensionReasonRequest request, ClaimsPrincipal user, SuspensionSteps steps, CancellationToken ct) =>
            TypedResults.Ok(await steps.DecideAsync(new DecideSuspensionCommand(id, user.UserId(), Approve: false, request.Reason, request.ExpectedVersion), ct)))
            .RequireAuthorization(Policies.CommissioningManager)
            .WithSummary("Do not approve, with a reason: a proposal never takes effect; a continuation not approved ends it");

        api.MapPost("/suspensions/{id:guid}/review", async (Guid id, ContinueSuspensionRequest request, ClaimsPrincipal user, SuspensionSteps steps, CancellationToken ct) =>
            TypedResults.Ok(await steps.ProposeContinuationAsync(new ProposeContinuationCommand(id, user.UserId(), request.Rationale, request.ReviewDate, request.ExpectedVersion), ct)))
            .RequireAuthorization(Policies.CommissioningManager)
            .WithSummary("Review: propose that it continue to a new review date (a second person approves)");

        api.MapPost("/suspensions/{id:guid}/end", async (Guid id, SuspensionReasonRequest request, ClaimsPrincipal user, SuspensionSteps steps, CancellationToken ct) =>
            TypedResults.Ok(await steps.EndAsync(new EndSuspensionCommand(id, user.UserId(), request.Reason, request.ExpectedVersion), ct)))
            .RequireAuthorization(Policies.CommissioningManager).WithSummary("End it (or withdraw a proposal), with a reason");

        return api;
    }
}
