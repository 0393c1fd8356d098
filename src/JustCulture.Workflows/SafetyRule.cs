namespace JustCulture.Workflows;

// The safety rule: every path to the formal-investigation activity passes through a commissioning review,
// and leaves the last review it passes by that review's FormalInvestigation route. A definition that breaks
// it is refused at load, so no run of it can start an investigation the review did not choose.
//
// It is checked from every place a path can begin without such a choice: Start, and each other route of
// every review. From each, no StartFormalInvestigation may be reachable before another review is reached;
// a review ends the search because it is that review's own FormalInvestigation route that then counts.
// The check is structural: a FlowDecision's condition is not evaluated, so both of its branches count.
//
// The domain guard ConcernAction.StartFormalInvestigation is the second half: it refuses to start an
// investigation unless a commissioning review chose that route, whatever the workflow did.
internal static class SafetyRule
{
    public static void Check(FlowchartPaths paths, IEnumerable<ActivityDefinition> activities, string startId, DefinitionErrors errors)
    {
        var origins = new List<(string Label, List<(string Id, string? Via)> Seeds)>
        {
            ($"start '{startId}'", [(startId, null)]),
        };
        foreach (var review in activities.OfType<CommissioningReviewActivity>())
        {
            foreach (var port in review.Ports.Where(p => p != ReviewRoutes.FormalInvestigation))
            {
                var seeds = paths.Outgoing(review.Id)
                    .Where(c => c.SourcePort == port)
                    .Select(c => (c.TargetActivityId, (string?)$"{review.Id}[{port}]"))
                    .ToList();
                origins.Add(($"review '{review.Id}' route '{port}'", seeds));
            }
        }

        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (label, seeds) in origins)
        {
            var reached = paths.Search(seeds, stopAt: a => a is CommissioningReviewActivity);
            foreach (var formal in reached.InOrder.Where(id => paths.Activity(id) is StartFormalInvestigationActivity))
            {
                if (reported.Add($"{formal}|{label}"))
                {
                    errors.Activity(formal,
                        $"safety rule broken: a formal investigation can start from {label} without a commissioning review choosing " +
                        $"'{ReviewRoutes.FormalInvestigation}' (path: {reached.PathTo(formal)})");
                }
            }
        }
    }
}
