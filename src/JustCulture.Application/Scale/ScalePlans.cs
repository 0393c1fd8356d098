using JustCulture.Application.Demo;
using JustCulture.Domain.Concerns;

namespace JustCulture.Application.Scale;

/// <summary>How one action goes.</summary>
/// <param name="Checklist">The whole checklist, submitted at once (as the checklist form does) this long after
/// opening; null when the line manager answers question by question and is still part-way.</param>
/// <param name="OneByOne">Answers given one task at a time, each this long after the one before: the
/// commissioning manager's decisions, or a part-way checklist.</param>
internal sealed record ActionPlan(string[]? Checklist, TimeSpan ChecklistTakes, Queue<PlannedAnswer> OneByOne);

/// <summary>
/// The answers one action will be given, in order, with the time between them: checklist answers leading to an
/// outcome drawn from the demo's weights, the commissioning manager's route, and for informal resolution its
/// result (a quarter come back unresolved for a second review). Mirrors the demo seed's cases (docs/domain/just-culture-checklist.md).
/// </summary>
#pragma warning disable CA5394 // Synthetic data: a seeded, repeatable generator is the point, not secrecy.
internal static class ScalePlans
{
    public static ActionPlan Answers(Random random, bool recent)
    {
        var outcome = DemoCasePlans.Weighted(DemoCasePlans.OutcomeWeights, random);
        var paths = DemoCasePlans.ChecklistPathsTo(outcome);
        var checklist = paths[random.Next(paths.Count)];
        var minutes = TimeSpan.FromMinutes(checklist.Sum(_ => random.Next(1, 6)));
        if (recent && random.NextDouble() < 0.4)
        {
            // A line manager part-way through the checklist, answering one question at a time.
            var partWay = checklist.Take(random.Next(0, checklist.Length)).Select(a => new PlannedAnswer(a, TimeSpan.FromMinutes(random.Next(1, 6))));
            return new ActionPlan(null, TimeSpan.Zero, new Queue<PlannedAnswer>(partWay));
        }

        var reviews = new List<PlannedAnswer>();
        var route = DemoCasePlans.Weighted(DemoCasePlans.RouteWeights(outcome), random);
        DemoCasePlans.AddReview(reviews, route, outcome, random);
        if (route == CaseRoute.InformalResolution)
        {
            var resolved = random.NextDouble() < 0.75;
            reviews.Add(new PlannedAnswer(resolved ? "Resolved" : "NotResolved", TimeSpan.FromDays(random.Next(20, 45)),
                resolved ? "Agreed actions completed and reviewed with the member of staff." : "Agreed actions not completed; returned for review."));
            if (!resolved)
            {
                DemoCasePlans.AddReview(reviews, random.NextDouble() < 0.5 ? CaseRoute.FormalInvestigation : CaseRoute.Support, outcome, random);
            }
        }

        return new ActionPlan(checklist, minutes, new Queue<PlannedAnswer>(reviews));
    }

    /// <summary>Checklist answers are "Yes"/"No" and given by the line manager; every other answer is the reviewer's.</summary>
    public static bool IsReviewerAnswer(string answer) => answer is not ("Yes" or "No");

}
#pragma warning restore CA5394
