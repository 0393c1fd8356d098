using JustCulture.Application.Review;
using JustCulture.Domain;
using JustCulture.Domain.Concerns;

namespace JustCulture.Web.Pages.Review;

/// <summary>Plain-English labels for the review pages (presentation only; the rules live in Application).</summary>
public static class ReviewText
{
    public static string Route(string? route) => Vocabulary.Route(route);

    public static string Route(CaseRoute? route) => Vocabulary.Route(route);

    public static string Outcome(ChecklistOutcome? outcome) => Vocabulary.Outcome(outcome);

    public static string RouteHint(string route) => route switch
    {
        "NoFurtherAction" => "Nothing more is needed about this action.",
        "Support" => "Support for the person, for example occupational health, training or supervision.",
        "SystemLearning" => "The cause lies in the system: learning and system actions, not action against the individual.",
        "InformalResolution" => "Agree actions with the person and review them on a set date.",
        "FormalInvestigation" => "Only where informal resolution is not appropriate; you must say why.",
        _ => string.Empty,
    };

    public static string Outcome(string? outcome) => Vocabulary.Outcome(outcome);

    public static string Decision(ReviewDecisionView decision) => decision.EventType switch
    {
        "ReviewDecided" => $"Route chosen: {Route(decision.Answer)}",
        "InformalResolutionRecorded" => decision.Answer == "Resolved" ? "Informal resolution: resolved" : "Informal resolution: not resolved",
        "InformalResolutionPlanRecorded" => DateOnly.TryParseExact(decision.Answer, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var reviewDate)
            ? $"Informal-resolution plan recorded, review date {Date(reviewDate)}"
            : "Informal-resolution plan recorded",
        "ConflictOfInterestDeclared" => Vocabulary.Conflict(decision.Answer),
        _ => decision.EventType,
    };

    public static string Group(string group) => Vocabulary.Group(group);

    public static string ResultLabel(TaskAnswerView result) => result.Answer switch
    {
        "Resolved" => "Resolved – close this action",
        "NotResolved" => "Not resolved – return it to commissioning review",
        _ => result.Label,
    };

    public static string Overdue(OverdueReason reason) => reason switch
    {
        OverdueReason.RouteDecisionWaiting => "Overdue",
        OverdueReason.NoInformalPlan => "Overdue: no plan",
        OverdueReason.ReviewDatePassed => "Overdue: review date passed",
        _ => "Overdue",
    };

    public static string ServiceBand(string? band) => band switch
    {
        "<1" => "Less than 1 year",
        "1–2" => "1 to 2 years",
        "3–5" => "3 to 5 years",
        "6–10" => "6 to 10 years",
        ">10" => "More than 10 years",
        null => "Not shown",
        _ => band,
    };

    public static string Years(int years) => years == 1 ? "1 year" : $"{years} years";

    public static string Days(int days) => days == 1 ? "1 day" : $"{days} days";

    public static string Date(DateOnly date) => UkDates.Date(date);

    public static string Date(DateTime utc) => UkDates.Date(utc);
}
