namespace JustCulture.Workflows.Tests;

/// <summary>The safety rule over the formal process after an investigation starts: conclusion, hearing and appeal
/// each only through the stage before, so only through a commissioning review's FormalInvestigation route.</summary>
public class FormalStageRuleTests
{
    private const string File = "workflows/formal.json";

    /// <summary>The valid review flow with the formal process drawn after the formal investigation.</summary>
    private static FlowchartJson WithFormalStages() =>
        FlowchartJson.ValidReviewFlow()
            .Activity("conclude", ConcludeInvestigationActivity.TypeName)
            .Activity("hearing", DisciplinaryHearingActivity.TypeName)
            .Activity("appeal", AppealActivity.TypeName)
            .Rewire("formal", "Done", "conclude")
            .Connect("conclude", "Done", "hearing")
            .Connect("hearing", "Done", "appeal")
            .Connect("appeal", "Done", "end");

    [Fact]
    public void AcceptsFormalStagesGivenThemInOrderAfterFormalInvestigation()
    {
        var definition = WithFormalStages().Load(File);

        definition.Activities.OfType<FormalStageActivity>().Select(a => a.Stage).Order().ShouldBe([1, 2, 3]);
        definition.GetTargets("formal", "Done").ShouldBe(["conclude"]);
    }

    [Fact]
    public void RejectsHearingGivenReviewRouteWiredStraightToIt()
    {
        // A hearing reached from the review's "no further action" route: no formal investigation, no conclusion.
        var flow = WithFormalStages().Rewire("review", ReviewRoutes.NoFurtherAction, "hearing");

        var error = flow.Errors(File).ShouldHaveSingleItem();

        error.ShouldStartWith($"{File}: activity 'hearing': safety rule broken: the disciplinary hearing can be reached from start 'start' without an investigation conclusion");
        error.ShouldContain("review[NoFurtherAction] -> hearing");
    }

    [Fact]
    public void RejectsHearingGivenOutcomeWiredToItWithoutReview()
    {
        var flow = WithFormalStages().Rewire("outcomeG", "Done", "hearing");

        var error = flow.Errors(File).ShouldHaveSingleItem();

        error.ShouldStartWith($"{File}: activity 'hearing': safety rule broken");
        error.ShouldEndWith("(path: start[Done] -> q1[Yes] -> outcomeG[Done] -> hearing); the formal process follows a commissioning review's 'FormalInvestigation' route, stage by stage");
    }

    [Fact]
    public void RejectsConclusionGivenInformalResolutionLeadingToIt()
    {
        var flow = WithFormalStages().Rewire("informal", "NotResolved", "conclude");

        var error = flow.Errors(File).ShouldHaveSingleItem();

        error.ShouldContain("activity 'conclude': safety rule broken: the investigation conclusion can be reached from start 'start' without a formal investigation started");
        error.ShouldContain("informal[NotResolved] -> conclude");
    }

    [Fact]
    public void RejectsAppealGivenDecisionSkippingHearing()
    {
        // A decision after the conclusion that can jump to the appeal: its condition is not evaluated, both branches count.
        var flow = WithFormalStages()
            .Decision("skip", false)
            .Rewire("conclude", "Done", "skip")
            .Connect("skip", "True", "appeal")
            .Connect("skip", "False", "hearing");

        var error = flow.Errors(File).ShouldHaveSingleItem();

        error.ShouldContain("activity 'appeal': safety rule broken: the appeal can be reached from start 'start' without a disciplinary hearing");
        error.ShouldContain("skip[True] -> appeal");
    }

    [Fact]
    public void AcceptsTriageDefinitionWhichDrawsNoFormalStages()
    {
        // The shipped definition ends at the formal investigation; the stages after it are case steps.
        WorkflowDefinitionLoader.LoadFile(TestPaths.TriagePath).Activities.OfType<FormalStageActivity>().ShouldBeEmpty();
    }
}
