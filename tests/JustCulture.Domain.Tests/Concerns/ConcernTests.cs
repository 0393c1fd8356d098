using JustCulture.Domain.Concerns;
using JustCulture.Domain.Tests.Builders;
using JustCulture.Domain.Users;

namespace JustCulture.Domain.Tests.Concerns;

public class ConcernTests
{
    [Fact]
    public void OpensAtChecklistGivenOwnLineManagerSummaryAndAction()
    {
        var concern = new ConcernBuilder().WithActions("  First action  ", "", "Second action").Build();

        concern.Status.ShouldBe(ConcernStatus.Checklist);
        concern.SubjectStaffRef.ShouldBe("E100");
        concern.RaisedByUserId.ShouldBe("lm.one");
        concern.Category.ShouldBe("Medication");
        concern.OpenedAtUtc.ShouldBe(ConcernBuilder.OpenedAt);
        concern.Actions.Select(a => (a.Ordinal, a.Description)).ShouldBe([(1, "First action"), (2, "Second action")]);
        concern.Actions.ShouldAllBe(a => a.Stage == ActionStage.Checklist && a.ConcernId == concern.Id);
        concern.Actions.Select(a => a.WorkflowInstanceId).Distinct().Count().ShouldBe(2);
    }

    [Theory]
    [InlineData(Role.CommissioningManager)]
    [InlineData(Role.Auditor)]
    [InlineData(Role.Administrator)]
    public void RejectsOpenGivenRaiserIsNotALineManager(Role role)
    {
        var raiser = UserBuilder.LineManager().InRole(role).Build();

        Should.Throw<DomainRuleException>(() => new ConcernBuilder().RaisedBy(raiser).Build())
            .Message.ShouldContain("Only a line manager");
    }

    [Fact]
    public void RejectsOpenGivenLineManagerOfSomeoneElse()
    {
        var otherManager = UserBuilder.LineManager("lm.two", "M2").Build();

        Should.Throw<DomainRuleException>(() => new ConcernBuilder().RaisedBy(otherManager).Build())
            .Message.ShouldContain("is not the line manager of staff E100");
    }

    [Fact]
    public void RejectsOpenGivenLineManagerUserWithoutStaffRecord()
    {
        var unlinked = UserBuilder.LineManager().LinkedTo(null).Build();

        Should.Throw<DomainRuleException>(() => new ConcernBuilder().RaisedBy(unlinked).Build());
    }

    [Fact]
    public void RejectsOpenGivenSubjectWithNoLineManager()
    {
        var subject = new StaffBuilder().ManagedBy(null).Build();

        Should.Throw<DomainRuleException>(() => new ConcernBuilder().About(subject).Build());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void RejectsOpenGivenBlankSummary(string summary)
    {
        Should.Throw<DomainRuleException>(() => new ConcernBuilder().WithSummary(summary).Build())
            .Message.ShouldContain("summary is empty");
    }

    [Fact]
    public void RejectsOpenGivenNoActions()
    {
        Should.Throw<DomainRuleException>(() => new ConcernBuilder().WithActions().Build())
            .Message.ShouldContain("at least one action");
    }

    [Fact]
    public void RejectsOpenGivenOnlyBlankActions()
    {
        Should.Throw<DomainRuleException>(() => new ConcernBuilder().WithActions(" ", "").Build());
    }

    [Fact]
    public void RejectsOpenGivenIncidentDateInFuture()
    {
        Should.Throw<DomainRuleException>(() => new ConcernBuilder().OnDate(new DateOnly(2025, 1, 16)).Build())
            .Message.ShouldContain("in the future");
    }

    [Fact]
    public void RejectsOpenGivenNoCategory()
    {
        Should.Throw<DomainRuleException>(() => new ConcernBuilder().InCategory(" ").Build()).Field.ShouldBe("Category");
    }

    [Fact]
    public void RejectsOpenGivenMoreActionsThanTheLimit()
    {
        var actions = Enumerable.Range(1, Concern.MaxActions + 1).Select(i => $"Action {i}").ToArray();

        Should.Throw<DomainRuleException>(() => new ConcernBuilder().WithActions(actions).Build()).Field.ShouldBe("Actions");
    }

    [Fact]
    public void FindsActionGivenItsWorkflowInstance()
    {
        var concern = new ConcernBuilder().WithActions("one", "two").Build();

        concern.ActionForInstance(concern.Actions[1].WorkflowInstanceId).ShouldBeSameAs(concern.Actions[1]);
        Should.Throw<DomainRuleException>(() => concern.ActionForInstance(Guid.NewGuid()));
    }

    [Fact]
    public void BumpsVersionGivenTouch()
    {
        var concern = new ConcernBuilder().Build();
        var before = concern.Version;

        concern.Touch();
        concern.Touch();

        concern.Version.ShouldBe(before + 2);
    }

    [Fact]
    public void ShowsFormalInvestigationGivenAnyActionUnderInvestigation()
    {
        var concern = new ConcernBuilder().WithActions("one", "two", "three").Build();
        var formal = concern.Actions[0];
        formal.RecordOutcome(ChecklistOutcome.G);
        formal.ChooseRoute(CaseRoute.FormalInvestigation);
        formal.StartFormalInvestigation(ConcernBuilder.OpenedAt.AddDays(3));
        concern.Actions[1].RecordOutcome(ChecklistOutcome.D);

        concern.Touch();

        concern.Status.ShouldBe(ConcernStatus.FormalInvestigation);
    }

    [Fact]
    public void ShowsChecklistGivenOneActionStillAtChecklist()
    {
        var concern = new ConcernBuilder().WithActions("one", "two").Build();
        concern.Actions[0].RecordOutcome(ChecklistOutcome.E);

        concern.Touch();

        concern.Status.ShouldBe(ConcernStatus.Checklist);
    }

    [Fact]
    public void ShowsAwaitingReviewGivenReviewBeforeInformalResolution()
    {
        var concern = new ConcernBuilder().WithActions("one", "two").Build();
        concern.Actions[0].RecordOutcome(ChecklistOutcome.F);
        concern.Actions[0].ChooseRoute(CaseRoute.InformalResolution);
        concern.Actions[1].RecordOutcome(ChecklistOutcome.G);

        concern.Touch();

        concern.Status.ShouldBe(ConcernStatus.AwaitingReview);
    }

    [Fact]
    public void ShowsInformalResolutionGivenOthersClosed()
    {
        var concern = new ConcernBuilder().WithActions("one", "two").Build();
        concern.Actions[0].RecordOutcome(ChecklistOutcome.F);
        concern.Actions[0].ChooseRoute(CaseRoute.InformalResolution);
        concern.Actions[1].RecordOutcome(ChecklistOutcome.D);
        concern.Actions[1].ChooseRoute(CaseRoute.SystemLearning);

        concern.Touch();

        concern.Status.ShouldBe(ConcernStatus.InformalResolution);
    }

    [Fact]
    public void ShowsClosedGivenEveryActionClosed()
    {
        var concern = new ConcernBuilder().WithActions("one", "two").Build();
        concern.Actions[0].RecordOutcome(ChecklistOutcome.E);
        concern.Actions[0].ChooseRoute(CaseRoute.NoFurtherAction);
        concern.Actions[1].RecordOutcome(ChecklistOutcome.F);
        concern.Actions[1].ChooseRoute(CaseRoute.InformalResolution);
        concern.Actions[1].RecordInformalResolution(resolved: true);

        concern.Touch();

        concern.Status.ShouldBe(ConcernStatus.Closed);
    }
}
