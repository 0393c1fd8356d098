namespace JustCulture.Workflows.Tests;

/// <summary>
/// The safety rule extended for cultural ambassadors: with the setting on, every formal investigation must be chosen at
/// a commissioning manager's review, where the ambassador is invited and the product refuses the route without them.
/// </summary>
public class CulturalAmbassadorCheckTests
{
    private const string File = "workflows/ambassador.json";

    [Fact]
    public void AcceptsTriageDefinition()
    {
        var triage = WorkflowDefinitionLoader.LoadFile(TestPaths.TriagePath);

        CulturalAmbassadorCheck.Check(triage).ShouldBeEmpty();
    }

    [Fact]
    public void AcceptsValidReviewFlow() =>
        CulturalAmbassadorCheck.Check(FlowchartJson.ValidReviewFlow().Load(File)).ShouldBeEmpty();

    [Fact]
    public void RejectsFormalRouteChosenAtAReviewAnsweredByAnotherRole()
    {
        var flow = FlowchartJson.ValidReviewFlow();
        flow.GetActivity("review")["role"] = FlowchartJson.Input("LineManager");
        // The plain safety rule accepts it: a review chooses the route. Only the ambassador's extension refuses it.
        var definition = flow.Load(File);

        var error = CulturalAmbassadorCheck.Check(definition).ShouldHaveSingleItem();

        error.ShouldStartWith($"{File}: activity 'review': cultural ambassador rule broken: the review is answered by role 'LineManager'");
        error.ShouldEndWith("(path: review[FormalInvestigation] -> formal)");
        Should.Throw<WorkflowDefinitionException>(() => CulturalAmbassadorCheck.Ensure(definition)).Errors.ShouldBe([error]);
    }
}
