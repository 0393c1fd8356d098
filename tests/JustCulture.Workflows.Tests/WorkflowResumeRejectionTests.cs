using System.Text.Json;

namespace JustCulture.Workflows.Tests;

/// <summary>Every refused resume: the reason, a clear message, and no change to the state.</summary>
public class WorkflowResumeRejectionTests
{
    private static readonly WorkflowDefinition Triage = WorkflowDefinitionLoader.LoadFile(TestPaths.TriagePath);
    private readonly WorkflowRunner _runner = new();

    [Fact]
    public void RejectsWrongRoleGivenChecklistQuestion()
    {
        var started = _runner.Start(Triage, Guid.NewGuid(), Drive.Now);

        var error = Reject(started, new ResumeInput("cm-1", Drive.CommissioningManager, "No", null, null));

        error.Reason.ShouldBe(ResumeRejection.WrongRole);
        error.Message.ShouldBe("Task '1a' must be answered by role 'LineManager'; actor 'cm-1' is acting as 'CommissioningManager'.");
    }

    [Fact]
    public void RejectsWrongRoleGivenReview()
    {
        var atReview = AtReview();

        var error = Reject(atReview, new ResumeInput("lm-1", Drive.LineManager, ReviewRoutes.NoFurtherAction, "Fine.", null));

        error.Reason.ShouldBe(ResumeRejection.WrongRole);
    }

    [Fact]
    public void RejectsAnswerNotAllowedGivenChecklistQuestion()
    {
        var started = _runner.Start(Triage, Guid.NewGuid(), Drive.Now);

        var error = Reject(started, Drive.AsLineManager("Maybe"));

        error.Reason.ShouldBe(ResumeRejection.AnswerNotAllowed);
        error.Message.ShouldBe("Answer 'Maybe' is not allowed for '1a'; allowed: Yes, No");
    }

    [Fact]
    public void RejectsAnswerWithDifferentCaseGivenPortsAreExact()
    {
        var started = _runner.Start(Triage, Guid.NewGuid(), Drive.Now);

        Reject(started, Drive.AsLineManager("yes")).Reason.ShouldBe(ResumeRejection.AnswerNotAllowed);
    }

    [Fact]
    public void RejectsUnknownRouteGivenReview()
    {
        var error = Reject(AtReview(), Drive.AsReviewer("Dismiss"));

        error.Reason.ShouldBe(ResumeRejection.AnswerNotAllowed);
        error.Message.ShouldBe("Answer 'Dismiss' is not allowed for 'review'; allowed: NoFurtherAction, Support, SystemLearning, InformalResolution, FormalInvestigation");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void RejectsReviewGivenNoRationale(string? rationale)
    {
        var error = Reject(AtReview(), Drive.AsReviewer(ReviewRoutes.NoFurtherAction, rationale));

        error.Reason.ShouldBe(ResumeRejection.RationaleRequired);
        error.Message.ShouldBe("Answer 'NoFurtherAction' for 'review' needs a rationale.");
    }

    [Fact]
    public void RejectsInformalResolutionGivenNoRationale()
    {
        var atInformal = _runner.Answer(Triage, AtReview(), "review", Drive.AsReviewer(ReviewRoutes.InformalResolution));

        var error = Reject(atInformal, Drive.AsReviewer(InformalResolutionActivity.Resolved, rationale: null));

        error.Reason.ShouldBe(ResumeRejection.RationaleRequired);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void RejectsFormalRouteGivenNoInformalNotAppropriateStatement(string? statement)
    {
        var error = Reject(AtReview(), Drive.AsReviewer(ReviewRoutes.FormalInvestigation, statement: statement));

        error.Reason.ShouldBe(ResumeRejection.StatementRequired);
        error.Message.ShouldBe("Answer 'FormalInvestigation' for 'review' needs a statement of why informal resolution is not appropriate.");
    }

    [Fact]
    public void RejectsFormalRouteGivenStatementButNoRationale()
    {
        var error = Reject(AtReview(), Drive.AsReviewer(ReviewRoutes.FormalInvestigation, rationale: null, statement: "Not appropriate."));

        error.Reason.ShouldBe(ResumeRejection.RationaleRequired);
    }

    [Fact]
    public void RejectsUnknownBookmark()
    {
        var started = _runner.Start(Triage, Guid.NewGuid(), Drive.Now);
        var unknown = Guid.NewGuid();

        var error = Should.Throw<WorkflowResumeException>(() => _runner.Resume(Triage, started.State, unknown, Drive.AsLineManager("No"), Drive.Now));

        error.Reason.ShouldBe(ResumeRejection.BookmarkNotFound);
        error.Message.ShouldContain(unknown.ToString());
    }

    [Fact]
    public void RejectsAlreadyAnsweredBookmark()
    {
        var started = _runner.Start(Triage, Guid.NewGuid(), Drive.Now);
        var answered = _runner.Answer(Triage, started, "q1a", Drive.AsLineManager("No"));

        var error = Should.Throw<WorkflowResumeException>(() =>
            _runner.Resume(Triage, answered.State, started.State.Bookmarks.Single().BookmarkId, Drive.AsLineManager("No"), Drive.Now));

        error.Reason.ShouldBe(ResumeRejection.BookmarkNotFound);
    }

    [Fact]
    public void RejectsResumeGivenFinishedInstance()
    {
        var started = _runner.Start(Triage, Guid.NewGuid(), Drive.Now);
        var finished = _runner.Answer(Triage, AtReview(), "review", Drive.AsReviewer(ReviewRoutes.Support));

        var error = Should.Throw<WorkflowResumeException>(() =>
            _runner.Resume(Triage, finished.State, started.State.Bookmarks.Single().BookmarkId, Drive.AsLineManager("No"), Drive.Now));

        error.Reason.ShouldBe(ResumeRejection.InstanceNotSuspended);
        error.Message.ShouldContain("is Finished, not Suspended");
    }

    [Fact]
    public void RejectsResumeGivenDefinitionHashMismatch()
    {
        var started = _runner.Start(Triage, Guid.NewGuid(), Drive.Now);
        var bytes = File.ReadAllBytes(TestPaths.TriagePath);
        var edited = WorkflowDefinitionLoader.Parse([.. bytes, (byte)'\n'], "edited.json");
        edited.DefinitionId.ShouldBe(Triage.DefinitionId);
        edited.Version.ShouldBe(Triage.Version);

        var error = Should.Throw<WorkflowResumeException>(() =>
            _runner.Resume(edited, started.State, started.State.Bookmarks.Single().BookmarkId, Drive.AsLineManager("No"), Drive.Now));

        error.Reason.ShouldBe(ResumeRejection.DefinitionMismatch);
        error.Message.ShouldContain(Triage.Sha256);
        error.Message.ShouldContain(edited.Sha256);
    }

    [Fact]
    public void RejectsResumeGivenOtherVersion()
    {
        var v1 = FlowchartJson.ValidReviewFlow(version: 1).Load("v1.json");
        var v2 = FlowchartJson.ValidReviewFlow(version: 2).Load("v2.json");
        var started = _runner.Start(v1, Guid.NewGuid(), Drive.Now);

        var error = Should.Throw<WorkflowResumeException>(() =>
            _runner.Resume(v2, started.State, started.State.Bookmarks.Single().BookmarkId, Drive.AsLineManager("No"), Drive.Now));

        error.Reason.ShouldBe(ResumeRejection.DefinitionMismatch);
        error.Message.ShouldContain("v1");
        error.Message.ShouldContain("v2");
    }

    [Fact]
    public void LeavesStateUnchangedGivenRejection()
    {
        var atReview = AtReview();
        var before = JsonSerializer.Serialize(atReview.State);

        Reject(atReview, Drive.AsReviewer(ReviewRoutes.FormalInvestigation));

        JsonSerializer.Serialize(atReview.State).ShouldBe(before);
        _runner.Answer(Triage, atReview, "review", Drive.Formal()).State.Status.ShouldBe(WorkflowStatus.Finished);
    }

    private RunResult AtReview()
    {
        var started = _runner.Start(Triage, Guid.NewGuid(), Drive.Now);
        return _runner.Answer(Triage, started, "q1a", Drive.AsLineManager("Yes"));
    }

    private WorkflowResumeException Reject(RunResult current, ResumeInput input) =>
        Should.Throw<WorkflowResumeException>(() =>
            _runner.Resume(Triage, current.State, current.State.Bookmarks.Single().BookmarkId, input, Drive.Now));
}
