namespace JustCulture.Workflows.Tests;

/// <summary>The real <c>workflows/just-culture-triage.json</c>: every checklist path and every review route.</summary>
public class TriageWorkflowTests
{
    private static readonly WorkflowDefinition Triage = WorkflowDefinitionLoader.LoadFile(TestPaths.TriagePath);
    private readonly WorkflowRunner _runner = new();

    public static TheoryData<string, string[]> ChecklistPaths => new()
    {
        { "A", ["1a=Yes"] },
        { "B", ["1a=No", "2a=Yes"] },
        { "C", ["1a=No", "2a=No", "2b=Yes"] },
        { "C", ["1a=No", "2a=No", "2b=No", "2c=Yes"] },
        { "D", ["1a=No", "2a=No", "2b=No", "2c=No", "3a=No"] },
        { "D", ["1a=No", "2a=No", "2b=No", "2c=No", "3a=Yes", "3b=No"] },
        { "D", ["1a=No", "2a=No", "2b=No", "2c=No", "3a=Yes", "3b=Yes", "3c=No"] },
        { "E", ["1a=No", "2a=No", "2b=No", "2c=No", "3a=Yes", "3b=Yes", "3c=Yes", "4a=Yes"] },
        { "E", ["1a=No", "2a=No", "2b=No", "2c=No", "3a=Yes", "3b=Yes", "3c=Yes", "4a=No", "4b=Yes"] },
        { "E", ["1a=No", "2a=No", "2b=No", "2c=No", "3a=Yes", "3b=Yes", "3c=Yes", "4a=No", "4b=No", "4c=Yes"] },
        { "F", ["1a=No", "2a=No", "2b=No", "2c=No", "3a=Yes", "3b=Yes", "3c=Yes", "4a=No", "4b=No", "4c=No", "5a=Yes"] },
        { "G", ["1a=No", "2a=No", "2b=No", "2c=No", "3a=Yes", "3b=Yes", "3c=Yes", "4a=No", "4b=No", "4c=No", "5a=No"] },
    };

    [Theory]
    [MemberData(nameof(ChecklistPaths))]
    public void RecordsOutcomeThenWaitsForReviewGivenChecklistAnswers(string expectedOutcome, string[] answers)
    {
        var (result, outcomes) = WalkChecklist(answers);

        outcomes.ShouldBe([expectedOutcome]);
        result.State.Status.ShouldBe(WorkflowStatus.Suspended);
        var review = result.State.Bookmarks.ShouldHaveSingleItem();
        review.ActivityId.ShouldBe("review");
        review.Role.ShouldBe(Drive.CommissioningManager);
        result.Executed.Select(e => e.ActivityId).ShouldBe(
            [$"q{answers[^1].Split('=')[0]}", $"outcome{expectedOutcome}"]);
    }

    [Fact]
    public void AsksLineManagerQuestion1aFirstGivenNewInstance()
    {
        var result = _runner.Start(Triage, Guid.NewGuid(), Drive.Now);

        result.State.Status.ShouldBe(WorkflowStatus.Suspended);
        result.State.DefinitionId.ShouldBe("just-culture-triage");
        result.State.DefinitionVersion.ShouldBe(1);
        result.State.DefinitionSha256.ShouldBe(Triage.Sha256);
        var bookmark = result.State.Bookmarks.ShouldHaveSingleItem();
        bookmark.ActivityId.ShouldBe("q1a");
        bookmark.Role.ShouldBe(Drive.LineManager);
        bookmark.CreatedAtUtc.ShouldBe(Drive.Now);
        result.Executed.ShouldBe([new ExecutedActivity("start", "Elsa.Start", "Done")]);
    }

    [Theory]
    [InlineData(ReviewRoutes.NoFurtherAction)]
    [InlineData(ReviewRoutes.Support)]
    [InlineData(ReviewRoutes.SystemLearning)]
    public void FinishesWithoutFormalInvestigationGivenNonFormalRoute(string route)
    {
        var atReview = WalkChecklist(["1a=Yes"]).Result;

        var result = _runner.Answer(Triage, atReview, "review", Drive.AsReviewer(route));

        result.State.Status.ShouldBe(WorkflowStatus.Finished);
        result.State.Bookmarks.ShouldBeEmpty();
        result.Executed.ShouldBe([
            new ExecutedActivity("review", CommissioningReviewActivity.TypeName, route),
            new ExecutedActivity("end", EndActivity.TypeName, null),
        ]);
    }

    [Fact]
    public void StartsFormalInvestigationThenFinishesGivenFormalRouteWithStatement()
    {
        var atReview = WalkChecklist(["1a=No", "2a=No", "2b=No", "2c=No", "3a=Yes", "3b=Yes", "3c=Yes", "4a=No", "4b=No", "4c=No", "5a=No"]).Result;

        var result = _runner.Answer(Triage, atReview, "review", Drive.Formal());

        result.State.Status.ShouldBe(WorkflowStatus.Finished);
        result.Executed.Select(e => (e.ActivityId, e.Port)).ShouldBe([
            ("review", ReviewRoutes.FormalInvestigation),
            ("formal", "Done"),
            ("end", (string?)null),
        ]);
    }

    [Fact]
    public void FinishesWithoutFormalInvestigationGivenInformalResolutionResolved()
    {
        var atReview = WalkChecklist(["1a=No", "2a=Yes"]).Result;

        var atInformal = _runner.Answer(Triage, atReview, "review", Drive.AsReviewer(ReviewRoutes.InformalResolution));
        atInformal.State.Status.ShouldBe(WorkflowStatus.Suspended);
        atInformal.State.Bookmarks.ShouldHaveSingleItem().Role.ShouldBe(Drive.CommissioningManager);

        var result = _runner.Answer(Triage, atInformal, "informal", Drive.AsReviewer(InformalResolutionActivity.Resolved));

        result.State.Status.ShouldBe(WorkflowStatus.Finished);
        result.Executed.Select(e => e.ActivityId).ShouldBe(["informal", "end"]);
    }

    [Fact]
    public void ReturnsToReviewThenAllowsFormalGivenInformalResolutionNotResolved()
    {
        var atReview = WalkChecklist(["1a=No", "2a=No", "2b=Yes"]).Result;
        var atInformal = _runner.Answer(Triage, atReview, "review", Drive.AsReviewer(ReviewRoutes.InformalResolution));

        var backAtReview = _runner.Answer(Triage, atInformal, "informal", Drive.AsReviewer(InformalResolutionActivity.NotResolved));

        backAtReview.State.Status.ShouldBe(WorkflowStatus.Suspended);
        var second = backAtReview.State.Bookmarks.ShouldHaveSingleItem();
        second.ActivityId.ShouldBe("review");
        second.BookmarkId.ShouldNotBe(atReview.State.Bookmarks.Single().BookmarkId);
        backAtReview.Executed.ShouldBe([new ExecutedActivity("informal", InformalResolutionActivity.TypeName, "NotResolved")]);

        var result = _runner.Answer(Triage, backAtReview, "review", Drive.Formal());

        result.State.Status.ShouldBe(WorkflowStatus.Finished);
        result.Executed.Select(e => e.ActivityId).ShouldBe(["review", "formal", "end"]);
    }

    [Fact]
    public void CyclesThroughInformalResolutionRepeatedlyGivenNotResolvedEachTime()
    {
        var current = WalkChecklist(["1a=Yes"]).Result;
        for (var round = 0; round < 3; round++)
        {
            current = _runner.Answer(Triage, current, "review", Drive.AsReviewer(ReviewRoutes.InformalResolution));
            current = _runner.Answer(Triage, current, "informal", Drive.AsReviewer(InformalResolutionActivity.NotResolved));
        }

        current.State.Bookmarks.ShouldHaveSingleItem().ActivityId.ShouldBe("review");
        _runner.Answer(Triage, current, "review", Drive.AsReviewer(ReviewRoutes.Support)).State.Status.ShouldBe(WorkflowStatus.Finished);
    }

    [Fact]
    public void DefinesEveryGuideQuestionForLineManagerGivenTriageFile()
    {
        var questions = Triage.Activities.OfType<ChecklistQuestionActivity>().ToList();

        questions.Select(q => q.QuestionId).ShouldBe(["1a", "2a", "2b", "2c", "3a", "3b", "3c", "4a", "4b", "4c", "5a"]);
        questions.ShouldAllBe(q => q.Role == Drive.LineManager && q.Answers.SequenceEqual(new[] { "Yes", "No" }));
        questions.ShouldAllBe(q => !string.IsNullOrWhiteSpace(q.HelpText));
        questions.ShouldAllBe(q => q.Id == "q" + q.QuestionId && q.StepId == q.QuestionId);
        questions[0].Question.ShouldBe("Was there any intention to cause harm?");
        questions[0].HelpText!.ShouldContain("If there is evidence of intent to cause harm, follow organisational guidance");
        questions.Single(q => q.QuestionId == "2a").Question.ShouldContain("substance abuse");
        questions.Single(q => q.QuestionId == "2b").Question.ShouldContain("physical ill health");
        questions.Single(q => q.QuestionId == "2c").Question.ShouldContain("mental ill health");
    }

    [Fact]
    public void DefinesOutcomesAToGWithTitleAndGuidanceGivenTriageFile()
    {
        var outcomes = Triage.Activities.OfType<RecordOutcomeActivity>().ToList();

        outcomes.Select(o => o.Outcome).ShouldBe(["A", "B", "C", "D", "E", "F", "G"]);
        outcomes.ShouldAllBe(o => o.Id == "outcome" + o.Outcome && o.Title.Length > 0 && !string.IsNullOrWhiteSpace(o.Guidance));
        outcomes.ShouldAllBe(o => Triage.GetTargets(o.Id, "Done").SequenceEqual(new[] { "review" }));
        outcomes.Single(o => o.Outcome == "C").Guidance!.ShouldContain("occupational health");
    }

    [Fact]
    public void OffersAllFiveRoutesToCommissioningManagerGivenTriageReview()
    {
        var review = Triage.GetActivity("review").ShouldBeOfType<CommissioningReviewActivity>();
        var informal = Triage.GetActivity("informal").ShouldBeOfType<InformalResolutionActivity>();

        review.Role.ShouldBe(Drive.CommissioningManager);
        review.Answers.ShouldBe(ReviewRoutes.All);
        review.StepId.ShouldBe("review");
        informal.Role.ShouldBe(Drive.CommissioningManager);
        informal.StepId.ShouldBe("informal");
        Triage.GetTargets("review", ReviewRoutes.FormalInvestigation).ShouldBe(["formal"]);
        Triage.Activities.OfType<StartFormalInvestigationActivity>().ShouldHaveSingleItem().Id.ShouldBe("formal");
    }

    private (RunResult Result, List<string> Outcomes) WalkChecklist(string[] answers)
    {
        var current = _runner.Start(Triage, Guid.NewGuid(), Drive.Now);
        var outcomes = new List<string>();
        foreach (var step in answers)
        {
            var parts = step.Split('=');
            current = _runner.Answer(Triage, current, "q" + parts[0], Drive.AsLineManager(parts[1]));
            outcomes.AddRange(current.Executed
                .Select(e => Triage.GetActivity(e.ActivityId))
                .OfType<RecordOutcomeActivity>()
                .Select(o => o.Outcome));
        }

        return (current, outcomes);
    }
}
