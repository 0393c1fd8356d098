namespace JustCulture.Workflows.Tests;

/// <summary>The safety rule: a formal investigation starts only after a commissioning review chose FormalInvestigation.</summary>
public class SafetyRuleTests
{
    private const string File = "workflows/unsafe.json";

    [Fact]
    public void AcceptsTriageDefinition()
    {
        var triage = WorkflowDefinitionLoader.LoadFile(TestPaths.TriagePath);

        triage.Activities.OfType<StartFormalInvestigationActivity>().ShouldNotBeEmpty();
    }

    [Fact]
    public void AcceptsFormalInvestigationGivenReviewFormalRoute()
    {
        var definition = FlowchartJson.ValidReviewFlow().Load(File);

        definition.GetTargets("review", ReviewRoutes.FormalInvestigation).ShouldBe(["formal"]);
    }

    [Fact]
    public void RejectsFormalRouteGivenOutcomeWiredStraightToFormalInvestigation()
    {
        var flow = FlowchartJson.ValidReviewFlow().Rewire("outcomeG", "Done", "formal");

        var error = flow.Errors(File).ShouldHaveSingleItem();

        error.ShouldStartWith($"{File}: activity 'formal': safety rule broken: a formal investigation can start from start 'start' without a commissioning review");
        error.ShouldEndWith("(path: start[Done] -> q1[Yes] -> outcomeG[Done] -> formal)");
    }

    [Fact]
    public void RejectsFormalRouteGivenReviewInformalResolutionPortWiredToFormalInvestigation()
    {
        var flow = FlowchartJson.ValidReviewFlow().Rewire("review", ReviewRoutes.InformalResolution, "formal").RemoveActivity("informal")
            .Disconnect("informal", "Resolved").Disconnect("informal", "NotResolved");

        var error = flow.Errors(File).ShouldHaveSingleItem();

        error.ShouldStartWith($"{File}: activity 'formal': safety rule broken: a formal investigation can start from review 'review' route 'InformalResolution'");
        error.ShouldEndWith("(path: review[InformalResolution] -> formal)");
    }

    [Fact]
    public void RejectsFormalRouteGivenInformalResolutionLeadingToFormalInvestigation()
    {
        var flow = FlowchartJson.ValidReviewFlow().Rewire("informal", "NotResolved", "formal");

        var error = flow.Errors(File).ShouldHaveSingleItem();

        error.ShouldContain("from review 'review' route 'InformalResolution'");
        error.ShouldEndWith("(path: review[InformalResolution] -> informal[NotResolved] -> formal)");
    }

    [Fact]
    public void RejectsFormalRouteGivenDecisionBypassingReview()
    {
        var flow = FlowchartJson.ValidReviewFlow()
            .Decision("shortcut", false)
            .Rewire("outcomeD", "Done", "shortcut")
            .Connect("shortcut", "True", "formal")
            .Connect("shortcut", "False", "review");

        var error = flow.Errors(File).ShouldHaveSingleItem();

        error.ShouldStartWith($"{File}: activity 'formal': safety rule broken");
        error.ShouldContain("shortcut[True] -> formal");
    }

    [Fact]
    public void AcceptsFormalRouteGivenDecisionAfterReviewFormalPort()
    {
        // What follows the review's FormalInvestigation route may branch; the review has already chosen.
        var definition = FlowchartJson.ValidReviewFlow()
            .Decision("check", "flag", "Variable")
            .Rewire("review", ReviewRoutes.FormalInvestigation, "check")
            .Connect("check", "True", "formal")
            .Connect("check", "False", "end")
            .Load(File);

        definition.GetTargets("check", "True").ShouldBe(["formal"]);
    }

    [Fact]
    public void RejectsFormalRouteGivenFlatConnectionBypassingReview()
    {
        var flow = FlowchartJson.ValidReviewFlow().Disconnect("outcomeG", "Done").ConnectFlat("outcomeG", "Done", "formal");

        flow.Errors(File).ShouldHaveSingleItem().ShouldEndWith("(path: start[Done] -> q1[Yes] -> outcomeG[Done] -> formal)");
    }

    [Fact]
    public void RejectsFormalRouteOncePerOriginGivenStartAndReviewRouteBothReachingIt()
    {
        var flow = FlowchartJson.ValidReviewFlow().Rewire("outcomeG", "Done", "formal").Rewire("review", ReviewRoutes.Support, "formal");

        flow.Errors(File).ShouldBe([
            $"{File}: activity 'formal': safety rule broken: a formal investigation can start from start 'start' without a commissioning review choosing 'FormalInvestigation' (path: start[Done] -> q1[Yes] -> outcomeG[Done] -> formal)",
            $"{File}: activity 'formal': safety rule broken: a formal investigation can start from review 'review' route 'Support' without a commissioning review choosing 'FormalInvestigation' (path: review[Support] -> formal)",
        ]);
    }

    [Fact]
    public void RejectsFormalRouteGivenSecondFormalActivityWithoutReview()
    {
        var flow = FlowchartJson.ValidReviewFlow().Formal("formal2").Rewire("q1", "Yes", "formal2").Connect("formal2", "Done", "outcomeG");

        flow.Errors(File).ShouldHaveSingleItem().ShouldStartWith($"{File}: activity 'formal2': safety rule broken");
    }

    [Fact]
    public void AcceptsFormalRouteGivenSecondReviewBeforeFormal()
    {
        // A non-formal route may lead on to another review; it is that review's FormalInvestigation port that counts.
        var definition = FlowchartJson.ValidReviewFlow()
            .Review("review2")
            .Rewire("review", ReviewRoutes.SystemLearning, "review2")
            .Connect("review2", "NoFurtherAction", "end").Connect("review2", "Support", "end").Connect("review2", "SystemLearning", "end")
            .Connect("review2", "InformalResolution", "informal").Connect("review2", "FormalInvestigation", "formal")
            .Load(File);

        definition.GetTargets("review2", ReviewRoutes.FormalInvestigation).ShouldBe(["formal"]);
    }

    [Fact]
    public void RejectsFormalRouteGivenReviewWithoutFormalPortAndStartPathToFormal()
    {
        var flow = new FlowchartJson().Start().Formal("formal").End().Connect("start", "Done", "formal").Connect("formal", "Done", "end");

        flow.Errors(File).ShouldBe([
            $"{File}: activity 'formal': safety rule broken: a formal investigation can start from start 'start' without a commissioning review choosing 'FormalInvestigation' (path: start[Done] -> formal)",
        ]);
    }
}
