using JustCulture.Application.Demo;
using JustCulture.Domain.Concerns;

namespace JustCulture.Application.Scale;

/// <summary>
/// The answers one action will be given, in order, with the time between them: checklist answers leading to an
/// outcome drawn from the demo's weights, the commissioning manager's route, and for informal resolution its
/// result (a quarter come back unresolved for a second review). Mirrors the demo seed's cases (docs/domain/just-culture-checklist.md).
/// </summary>
#pragma warning disable CA5394 // Synthetic data: a seeded, repeatable generator is the point, not secrecy.
internal static class ScalePlans
{
    /// <summary>Checklist answers are "Yes"/"No" and given by the line manager; every other answer is the reviewer's.</summary>
    public static bool IsReviewerAnswer(string answer) => answer is not ("Yes" or "No");

    public static Queue<PlannedAnswer> Answers(Random random, bool recent)
    {
        var outcome = Weighted(DemoCasePlans.OutcomeWeights, random);
        var paths = DemoCasePlans.ChecklistPathsTo(outcome);
        var checklist = paths[random.Next(paths.Count)];
        var answers = checklist.Select(a => new PlannedAnswer(a, TimeSpan.FromMinutes(random.Next(1, 6)))).ToList();
        if (recent && random.NextDouble() < 0.4)
        {
            // A line manager part-way through the checklist.
            return new Queue<PlannedAnswer>(answers.Take(random.Next(0, answers.Count)));
        }

        var route = Weighted(DemoCasePlans.RouteWeights(outcome), random);
        AddReview(answers, route, outcome, random);
        if (route == CaseRoute.InformalResolution)
        {
            var resolved = random.NextDouble() < 0.75;
            answers.Add(new PlannedAnswer(resolved ? "Resolved" : "NotResolved", TimeSpan.FromDays(random.Next(20, 45)),
                resolved ? "Agreed actions completed and reviewed with the member of staff." : "Agreed actions not completed; returned for review."));
            if (!resolved)
            {
                AddReview(answers, random.NextDouble() < 0.5 ? CaseRoute.FormalInvestigation : CaseRoute.Support, outcome, random);
            }
        }

        return new Queue<PlannedAnswer>(answers);
    }

    private static void AddReview(List<PlannedAnswer> answers, CaseRoute route, ChecklistOutcome outcome, Random random) =>
        answers.Add(new PlannedAnswer(route.ToString(), TimeSpan.FromDays(random.Next(3, 15)), DemoCasePlans.RationaleFor(route, outcome),
            route == CaseRoute.FormalInvestigation ? DemoCasePlans.InformalNotAppropriate : null));

    private static T Weighted<T>((T Value, int Weight)[] options, Random random)
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
#pragma warning restore CA5394
