using JustCulture.Domain.Concerns;

namespace JustCulture.Application.Demo;

/// <summary>One answer the demo will give, and how long after the previous step it is given.</summary>
internal sealed record PlannedAnswer(string Answer, TimeSpan After, string? Rationale = null, string? InformalNotAppropriate = null);

/// <summary>
/// The checklist answers that lead to each outcome (docs/domain/just-culture-checklist.md), and the review decisions a
/// commissioning manager would plausibly take for it. Used only to build the synthetic demo trust.
/// </summary>
internal static class DemoCasePlans
{
    private static readonly string[] NoToHealth = ["No", "No", "No", "No"]; // 1a, 2a, 2b, 2c

    public static IReadOnlyList<string[]> ChecklistPathsTo(ChecklistOutcome outcome) => outcome switch
    {
        ChecklistOutcome.A => [["Yes"]],
        ChecklistOutcome.B => [["No", "Yes"]],
        ChecklistOutcome.C => [["No", "No", "Yes"], ["No", "No", "No", "Yes"]],
        ChecklistOutcome.D => [[.. NoToHealth, "No"], [.. NoToHealth, "Yes", "No"], [.. NoToHealth, "Yes", "Yes", "No"]],
        ChecklistOutcome.E => [[.. NoToHealth, "Yes", "Yes", "Yes", "Yes"], [.. NoToHealth, "Yes", "Yes", "Yes", "No", "Yes"], [.. NoToHealth, "Yes", "Yes", "Yes", "No", "No", "Yes"]],
        ChecklistOutcome.F => [[.. NoToHealth, "Yes", "Yes", "Yes", "No", "No", "No", "Yes"]],
        _ => [[.. NoToHealth, "Yes", "Yes", "Yes", "No", "No", "No", "No"]],
    };

    /// <summary>
    /// The reviewer's conflict-of-interest declaration in the demo: about one case in sixteen declares one,
    /// chosen from the concern's id so the seeded random sequence (and every demo figure) stays as it was.
    /// </summary>
    public static (ConflictOfInterest? Conflict, string? Details) ConflictFor(Guid concernId) =>
        concernId.ToByteArray()[0] % 16 == 0
            ? (ConflictOfInterest.Declared, "I worked on the same ward as the person concerned until two years ago; no working relationship since. A second commissioning manager read the case before my decision.")
            : (ConflictOfInterest.None, null);

    /// <summary>Weights of checklist outcomes among concerns that reach the checklist.</summary>
    public static readonly (ChecklistOutcome Outcome, int Weight)[] OutcomeWeights =
    [
        (ChecklistOutcome.A, 2), (ChecklistOutcome.B, 3), (ChecklistOutcome.C, 10), (ChecklistOutcome.D, 25),
        (ChecklistOutcome.E, 20), (ChecklistOutcome.F, 15), (ChecklistOutcome.G, 25),
    ];

    /// <summary>The first review decision: weights of routes by outcome.</summary>
    public static (CaseRoute Route, int Weight)[] RouteWeights(ChecklistOutcome outcome) => outcome switch
    {
        ChecklistOutcome.A => [(CaseRoute.FormalInvestigation, 9), (CaseRoute.InformalResolution, 1)],
        ChecklistOutcome.B or ChecklistOutcome.C => [(CaseRoute.Support, 8), (CaseRoute.InformalResolution, 2)],
        ChecklistOutcome.D or ChecklistOutcome.E => [(CaseRoute.SystemLearning, 7), (CaseRoute.NoFurtherAction, 2), (CaseRoute.Support, 1)],
        ChecklistOutcome.F => [(CaseRoute.InformalResolution, 5), (CaseRoute.NoFurtherAction, 3), (CaseRoute.Support, 2)],
        _ => [(CaseRoute.InformalResolution, 6), (CaseRoute.FormalInvestigation, 3), (CaseRoute.NoFurtherAction, 1)],
    };

    public static string RationaleFor(CaseRoute route, ChecklistOutcome outcome) => route switch
    {
        CaseRoute.NoFurtherAction => $"Checklist outcome {outcome}; on review of the account and records no action against the individual is warranted.",
        CaseRoute.Support => $"Checklist outcome {outcome}; referral to occupational health and wellbeing support agreed with the member of staff.",
        CaseRoute.SystemLearning => $"Checklist outcome {outcome} points to a system failure; shared with the patient safety team for learning.",
        CaseRoute.InformalResolution => $"Checklist outcome {outcome}; a facilitated conversation and agreed actions are proportionate.",
        _ => $"Checklist outcome {outcome}; the seriousness of the alleged conduct requires an independent fact-find.",
    };

    public const string InformalNotAppropriate =
        "Informal routes were considered with HR advice; the seriousness and risk to patients mean an informal outcome would not be proportionate.";

    /// <summary>The review step for a chosen route, given a few days after the last answer.</summary>
    public static void AddReview(List<PlannedAnswer> answers, CaseRoute route, ChecklistOutcome outcome, Random random) =>
        answers.Add(new PlannedAnswer(route.ToString(), TimeSpan.FromDays(random.Next(3, 15)), RationaleFor(route, outcome),
            route == CaseRoute.FormalInvestigation ? InformalNotAppropriate : null));

    /// <summary>One of the options, each as likely as its weight.</summary>
    public static T Weighted<T>((T Value, int Weight)[] options, Random random)
    {
        var pick = random.Next(options.Sum(o => o.Weight));
        foreach (var (value, weight) in options)
        {
            if ((pick -= weight) < 0)
            {
                return value;
            }
        }

        return options[^1].Value;
    }
}
