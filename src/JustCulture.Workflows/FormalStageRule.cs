namespace JustCulture.Workflows;

// The safety rule's extension to the formal process after an investigation starts: each formal stage (conclusion,
// hearing, appeal) is reachable from Start only through the stage before it — the conclusion through a
// StartFormalInvestigation, the hearing through a conclusion, the appeal through a hearing. With SafetyRule.Check
// (a formal investigation only from a review's FormalInvestigation route) this keeps every formal stage behind the
// review. Structural, like the rest: a FlowDecision's two branches both count.
internal static class FormalStageRule
{
    public static void Check(FlowchartPaths paths, IEnumerable<ActivityDefinition> activities, string startId, DefinitionErrors errors)
    {
        var stages = activities.OfType<FormalStageActivity>().ToList();
        foreach (var stage in stages.Select(s => s.Stage).Distinct().Order())
        {
            bool IsGate(ActivityDefinition a) => stage == 1
                ? a is StartFormalInvestigationActivity
                : a is FormalStageActivity f && f.Stage == stage - 1;
            var gate = Gate(stage);
            var reached = paths.Search([(startId, null)], stopAt: IsGate);
            foreach (var id in reached.InOrder.Where(id => paths.Activity(id) is FormalStageActivity f && f.Stage == stage))
            {
                var activity = (FormalStageActivity)paths.Activity(id);
                errors.Activity(id,
                    $"safety rule broken: the {activity.StageName} can be reached from start '{startId}' without {gate} " +
                    $"(path: {reached.PathTo(id)}); the formal process follows a commissioning review's '{ReviewRoutes.FormalInvestigation}' route, stage by stage");
            }
        }
    }

    // What must come before a stage, in words.
    private static string Gate(int stage) => stage switch
    {
        1 => "a formal investigation started",
        2 => "an investigation conclusion",
        _ => "a disciplinary hearing",
    };
}
