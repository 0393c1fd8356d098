using JustCulture.Domain.Concerns;
using JustCulture.Domain.Tests.Builders;

namespace JustCulture.Domain.Tests.Concerns;

public class ConcernActionTests
{
    private static readonly DateTime StartedAt = new(2025, 2, 1, 9, 0, 0, DateTimeKind.Utc);

    private static ConcernAction NewAction() => new ConcernBuilder().Build().Actions.Single();

    private static ConcernAction AwaitingReview(ChecklistOutcome outcome = ChecklistOutcome.G)
    {
        var action = NewAction();
        action.RecordOutcome(outcome);
        return action;
    }

    [Fact]
    public void MovesToAwaitingReviewGivenOutcomeRecorded()
    {
        var action = NewAction();

        action.RecordOutcome(ChecklistOutcome.D);

        action.Stage.ShouldBe(ActionStage.AwaitingReview);
        action.Outcome.ShouldBe(ChecklistOutcome.D);
        action.Route.ShouldBeNull();
    }

    [Fact]
    public void RejectsSecondOutcomeGivenChecklistAlreadyFinished()
    {
        var action = AwaitingReview();

        Should.Throw<DomainRuleException>(() => action.RecordOutcome(ChecklistOutcome.A)).Message.ShouldContain("Action 1");
        action.Outcome.ShouldBe(ChecklistOutcome.G);
    }

    [Fact]
    public void RejectsRouteGivenChecklistNotFinished()
    {
        var action = NewAction();

        Should.Throw<DomainRuleException>(() => action.ChooseRoute(CaseRoute.FormalInvestigation));
        action.Stage.ShouldBe(ActionStage.Checklist);
        action.Route.ShouldBeNull();
    }

    [Theory]
    [InlineData(CaseRoute.NoFurtherAction)]
    [InlineData(CaseRoute.Support)]
    [InlineData(CaseRoute.SystemLearning)]
    public void ClosesGivenNonFormalNonInformalRoute(CaseRoute route)
    {
        var action = AwaitingReview();

        action.ChooseRoute(route);

        action.Stage.ShouldBe(ActionStage.Closed);
        action.Route.ShouldBe(route);
    }

    [Fact]
    public void StartsInformalResolutionGivenThatRoute()
    {
        var action = AwaitingReview(ChecklistOutcome.F);

        action.ChooseRoute(CaseRoute.InformalResolution);

        action.Stage.ShouldBe(ActionStage.InformalResolution);
        action.InformalAttempts.ShouldBe(1);
    }

    [Fact]
    public void ClosesGivenInformalResolutionResolved()
    {
        var action = AwaitingReview(ChecklistOutcome.F);
        action.ChooseRoute(CaseRoute.InformalResolution);

        action.RecordInformalResolution(resolved: true);

        action.Stage.ShouldBe(ActionStage.Closed);
        action.Route.ShouldBe(CaseRoute.InformalResolution);
    }

    [Fact]
    public void ReturnsToReviewGivenInformalResolutionNotResolved()
    {
        var action = AwaitingReview(ChecklistOutcome.F);
        action.ChooseRoute(CaseRoute.InformalResolution);

        action.RecordInformalResolution(resolved: false);

        action.Stage.ShouldBe(ActionStage.AwaitingReview);
        action.Route.ShouldBeNull();
        action.ChooseRoute(CaseRoute.InformalResolution);
        action.InformalAttempts.ShouldBe(2);
    }

    [Fact]
    public void RejectsInformalResultGivenNoInformalResolutionInProgress()
    {
        var action = AwaitingReview();

        Should.Throw<DomainRuleException>(() => action.RecordInformalResolution(resolved: true));
        action.Stage.ShouldBe(ActionStage.AwaitingReview);
    }

    [Fact]
    public void WaitsForStartGivenFormalRouteChosen()
    {
        var action = AwaitingReview();

        action.ChooseRoute(CaseRoute.FormalInvestigation);

        // Choosing the route is not the WRES event; starting the investigation is.
        action.Stage.ShouldBe(ActionStage.AwaitingReview);
        action.Route.ShouldBe(CaseRoute.FormalInvestigation);
        action.FormalInvestigationStartedAtUtc.ShouldBeNull();
    }

    [Fact]
    public void StartsFormalInvestigationGivenFormalRoute()
    {
        var action = AwaitingReview();
        action.ChooseRoute(CaseRoute.FormalInvestigation);

        action.StartFormalInvestigation(StartedAt);

        action.Stage.ShouldBe(ActionStage.FormalInvestigation);
        action.FormalInvestigationStartedAtUtc.ShouldBe(StartedAt);
    }

    [Fact]
    public void RejectsFormalInvestigationGivenNoReview()
    {
        var action = NewAction();

        Should.Throw<DomainRuleException>(() => action.StartFormalInvestigation(StartedAt))
            .Message.ShouldContain("commissioning review");
        action.Stage.ShouldBe(ActionStage.Checklist);
    }

    [Fact]
    public void RejectsFormalInvestigationGivenReviewChoseAnotherRoute()
    {
        var action = AwaitingReview();
        action.ChooseRoute(CaseRoute.Support);

        Should.Throw<DomainRuleException>(() => action.StartFormalInvestigation(StartedAt));
        action.FormalInvestigationStartedAtUtc.ShouldBeNull();
    }

    [Fact]
    public void RejectsSecondStartGivenInvestigationAlreadyStarted()
    {
        var action = AwaitingReview();
        action.ChooseRoute(CaseRoute.FormalInvestigation);
        action.StartFormalInvestigation(StartedAt);

        Should.Throw<DomainRuleException>(() => action.StartFormalInvestigation(StartedAt.AddDays(1)));
        action.FormalInvestigationStartedAtUtc.ShouldBe(StartedAt);
    }

    [Fact]
    public void RejectsNewRouteGivenActionClosed()
    {
        var action = AwaitingReview();
        action.ChooseRoute(CaseRoute.NoFurtherAction);

        Should.Throw<DomainRuleException>(() => action.ChooseRoute(CaseRoute.FormalInvestigation));
        action.Route.ShouldBe(CaseRoute.NoFurtherAction);
    }

    [Fact]
    public void RejectsRouteGivenInvestigationUnderWay()
    {
        var action = AwaitingReview();
        action.ChooseRoute(CaseRoute.FormalInvestigation);
        action.StartFormalInvestigation(StartedAt);

        Should.Throw<DomainRuleException>(() => action.ChooseRoute(CaseRoute.InformalResolution));
        action.Stage.ShouldBe(ActionStage.FormalInvestigation);
    }

    private static readonly DateOnly Today = new(2025, 2, 1);

    private static ConcernAction InInformalResolution()
    {
        var action = AwaitingReview();
        action.ChooseRoute(CaseRoute.InformalResolution);
        return action;
    }

    [Fact]
    public void StoresPlanGivenInformalResolutionInProgress()
    {
        var action = InInformalResolution();

        action.RecordInformalPlan("  Reflective discussion.  ", Today.AddDays(1), Today);

        action.InformalAgreedActions.ShouldBe("Reflective discussion.");
        action.InformalReviewDate.ShouldBe(Today.AddDays(1));
    }

    [Fact]
    public void RejectsPlanGivenReviewDateToday()
    {
        var action = InInformalResolution();

        Should.Throw<DomainRuleException>(() => action.RecordInformalPlan("Reflective discussion.", Today, Today)).Message.ShouldContain("future");
        action.InformalReviewDate.ShouldBeNull();
    }

    [Fact]
    public void RejectsPlanGivenActionAwaitingReview()
    {
        var action = AwaitingReview();

        Should.Throw<DomainRuleException>(() => action.RecordInformalPlan("Reflective discussion.", Today.AddDays(5), Today));
        action.InformalAgreedActions.ShouldBeNull();
    }

    [Fact]
    public void ClearsPlanGivenInformalResolutionNotResolved()
    {
        var action = InInformalResolution();
        action.RecordInformalPlan("Reflective discussion.", Today.AddDays(5), Today);

        action.RecordInformalResolution(resolved: false);

        action.InformalAgreedActions.ShouldBeNull();
        action.InformalReviewDate.ShouldBeNull();
        action.Stage.ShouldBe(ActionStage.AwaitingReview);
    }
}
