using System.Security.Claims;
using JustCulture.Application.Ambassadors;
using JustCulture.Application.Survey;
using JustCulture.Application.Wellbeing;
using JustCulture.Domain.Survey;
using JustCulture.Web.Hosting;

namespace JustCulture.Web.Api;

/// <param name="ContactName">The named wellbeing contact.</param>
/// <param name="NextCheckInDue">After today and at most 28 days ahead.</param>
public sealed record RecordWellbeingRequest(string? ContactName, bool OccupationalHealth, bool EmployeeAssistance, bool UnionOrStaffNetwork, string? Notes,
    DateOnly? NextCheckInDue, int? ExpectedVersion);

public sealed record RecordCheckInRequest(DateOnly? HeldOn, string? HeldBy, string? Notes, DateOnly? NextCheckInDue, int? ExpectedVersion);

public sealed record InviteAmbassadorRequest(string? Ambassador);

public sealed record AmbassadorObservationsRequest(string? Observations, int? ExpectedVersion);

/// <param name="Link">The page the person answers on; the token is shown once and never stored.</param>
public sealed record SurveyOfferedResponse(Guid ConcernId, string Token, string Link);

/// <param name="TreatedFairly">One of StronglyDisagree, Disagree, NeitherAgreeNorDisagree, Agree, StronglyAgree.</param>
public sealed record SurveyAnswerRequest(string? Token, string? TreatedFairly, string? ListenedTo, string? SameAsWhiteColleague);

/// <summary>
/// Wellbeing, cultural ambassador and fairness survey (docs/domain/process-safeguards.md): the case's parties only, with
/// the review's independence rule per case; the survey's answer endpoint needs only its one-time token.
/// </summary>
public static class CaseCareEndpoints
{
    public static RouteGroupBuilder MapCaseCareApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/concerns/{id:guid}/wellbeing", async (Guid id, ClaimsPrincipal user, CaseWellbeingHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, user.UserId(), ct)))
            .RequireAuthorization(Policies.CaseWorker).WithSummary("The person's wellbeing contact, support offer and check-ins: the case's parties only");

        api.MapPut("/concerns/{id:guid}/wellbeing", async (Guid id, RecordWellbeingRequest request, ClaimsPrincipal user, WellbeingSteps steps, CancellationToken ct) =>
            TypedResults.Ok(await steps.RecordAsync(new RecordWellbeingCommand(id, user.UserId(), request.ContactName, request.OccupationalHealth, request.EmployeeAssistance,
                request.UnionOrStaffNetwork, request.Notes, request.NextCheckInDue, request.ExpectedVersion), ct)))
            .RequireAuthorization(Policies.CommissioningManager).WithSummary("Record (or change) the wellbeing contact and the support offered, with the next check-in date");

        api.MapPost("/concerns/{id:guid}/wellbeing/check-ins", async (Guid id, RecordCheckInRequest request, ClaimsPrincipal user, WellbeingSteps steps, CancellationToken ct) =>
            TypedResults.Ok(await steps.CheckInAsync(new RecordCheckInCommand(id, user.UserId(), request.HeldOn, request.HeldBy, request.Notes, request.NextCheckInDue,
                request.ExpectedVersion), ct)))
            .RequireAuthorization(Policies.CommissioningManager).WithSummary("Log a wellbeing check-in: when, by whom, and when the next is due");

        api.MapGet("/concerns/{id:guid}/ambassador", async (Guid id, ClaimsPrincipal user, CaseAmbassadorHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.HandleAsync(id, user.UserId(), ct)))
            .RequireAuthorization(Policies.CommissioningManager).WithSummary("The cultural ambassador invited to the case's review, and their observations");

        api.MapPost("/concerns/{id:guid}/ambassador", async (Guid id, InviteAmbassadorRequest request, ClaimsPrincipal user, AmbassadorSteps steps, CancellationToken ct) =>
            TypedResults.Ok(await steps.InviteAsync(new InviteAmbassadorCommand(id, user.UserId(), request.Ambassador), ct)))
            .RequireAuthorization(Policies.CommissioningManager).WithSummary("Invite a trained cultural ambassador (from the trust's list) to the review");

        api.MapPost("/concerns/{id:guid}/ambassador/observations", async (Guid id, AmbassadorObservationsRequest request, ClaimsPrincipal user, AmbassadorSteps steps, CancellationToken ct) =>
            TypedResults.Ok(await steps.RecordObservationsAsync(new RecordObservationsCommand(id, user.UserId(), request.Observations, request.ExpectedVersion), ct)))
            .RequireAuthorization(Policies.CommissioningManager).WithSummary("Record the cultural ambassador's observations");

        api.MapPost("/concerns/{id:guid}/survey", async (Guid id, ClaimsPrincipal user, HttpRequest http, FairnessSurveySteps steps, CancellationToken ct) =>
        {
            var offered = await steps.OfferAsync(new OfferSurveyCommand(id, user.UserId()), ct);
            return TypedResults.Ok(new SurveyOfferedResponse(offered.ConcernId, offered.Token, SurveyLink(http, offered.Token)));
        }).RequireAuthorization(Policies.CommissioningManager).WithSummary("Offer the person the fairness survey on a closed case: a one-time link, shown once");

        api.MapPost("/survey/responses", async (SurveyAnswerRequest request, FairnessSurveySteps steps, CancellationToken ct) =>
        {
            await steps.SubmitAsync(new SubmitSurveyCommand(request.Token, Parse(request.TreatedFairly), Parse(request.ListenedTo), Parse(request.SameAsWhiteColleague)), ct);
            return TypedResults.NoContent();
        }).AllowAnonymous().WithSummary("Answer the fairness survey with its one-time token; a token used twice is refused and nothing is written");

        api.MapGet("/survey/results", async (FairnessSurveyResultsHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .RequireAuthorization(Policies.AuditorOrAdministrator).WithSummary("Fairness survey results by year and WRES group, fewer than five answers suppressed");

        return api;
    }

    public static string SurveyLink(HttpRequest http, string token)
    {
        ArgumentNullException.ThrowIfNull(http);
        return $"{http.Scheme}://{http.Host}/Survey/{Uri.EscapeDataString(token)}";
    }

    private static Agreement? Parse(string? value) =>
        Enum.TryParse<Agreement>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed : null;
}
