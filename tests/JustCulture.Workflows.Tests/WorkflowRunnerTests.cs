using System.Text.Json;

namespace JustCulture.Workflows.Tests;

public class WorkflowRunnerTests
{
    private readonly WorkflowRunner _runner = new();

    [Fact]
    public void FinishesElsaExportGivenCheckedInFixture()
    {
        var definition = WorkflowDefinitionLoader.LoadFile(TestPaths.CheckedInElsaFixture);

        var result = _runner.Start(definition, Guid.NewGuid(), Drive.Now);

        result.State.Status.ShouldBe(WorkflowStatus.Finished);
        result.State.Bookmarks.ShouldBeEmpty();
        result.Executed.ShouldBe([
            new ExecutedActivity("50e042cfab596891", "Elsa.Start", "Done"),
            new ExecutedActivity("a38215f28410f472", "Elsa.FlowDecision", "False"),
            new ExecutedActivity("d5b9c2affe09a93b", "Elsa.End", null),
        ]);
    }

    [Fact]
    public void FinishesElsaExportGivenSharedFixture()
    {
        var path = TestPaths.SharedElsaFixture ?? TestPaths.CheckedInElsaFixture;
        var definition = WorkflowDefinitionLoader.LoadFile(path);

        var result = _runner.Start(definition, Guid.NewGuid(), Drive.Now);

        result.State.Status.ShouldBe(WorkflowStatus.Finished);
        result.Executed.Last().ActivityType.ShouldBe("Elsa.End");
    }

    [Theory]
    [InlineData(true, "yes")]
    [InlineData(false, "no")]
    public void FollowsDecisionPortGivenVariableCondition(bool flag, string expectedEnd)
    {
        var definition = DecisionOnVariable();
        var variables = new Dictionary<string, JsonElement> { ["flag"] = JsonSerializer.SerializeToElement(flag) };

        var result = _runner.Start(definition, Guid.NewGuid(), Drive.Now, variables);

        result.Executed[1].ShouldBe(new ExecutedActivity("d", "Elsa.FlowDecision", flag ? "True" : "False"));
        result.Executed.Last().ActivityId.ShouldBe(expectedEnd);
        result.State.Variables["flag"].GetBoolean().ShouldBe(flag);
    }

    [Fact]
    public void AcceptsStringBooleanGivenVariableCondition()
    {
        var variables = new Dictionary<string, JsonElement> { ["flag"] = JsonSerializer.SerializeToElement("True") };

        var result = _runner.Start(DecisionOnVariable(), Guid.NewGuid(), Drive.Now, variables);

        result.Executed.Last().ActivityId.ShouldBe("yes");
    }

    [Fact]
    public void ThrowsClearlyGivenMissingVariable()
    {
        var error = Should.Throw<WorkflowExecutionException>(() => _runner.Start(DecisionOnVariable(), Guid.NewGuid(), Drive.Now));

        error.Message.ShouldContain("activity 'd': variable 'flag' is not set");
    }

    [Fact]
    public void ThrowsClearlyGivenNonBooleanVariable()
    {
        var variables = new Dictionary<string, JsonElement> { ["flag"] = JsonSerializer.SerializeToElement(42) };

        var error = Should.Throw<WorkflowExecutionException>(() => _runner.Start(DecisionOnVariable(), Guid.NewGuid(), Drive.Now, variables));

        error.Message.ShouldContain("variable 'flag' is not a boolean (42)");
    }

    [Fact]
    public void ThrowsClearlyGivenLoopOfNonBlockingActivities()
    {
        var definition = new FlowchartJson().Start().Decision("spin", true).End()
            .Connect("start", "Done", "spin").Connect("spin", "True", "spin").Connect("spin", "False", "end").Load();

        var error = Should.Throw<WorkflowExecutionException>(() => _runner.Start(definition, Guid.NewGuid(), Drive.Now));

        error.Message.ShouldContain($"more than {WorkflowRunner.DefaultMaxNonBlockingSteps} non-blocking steps");
        error.Message.ShouldContain("'spin'");
    }

    [Fact]
    public void HonoursCustomStepBound()
    {
        var definition = new FlowchartJson().Start().Decision("d", true).End().Connect("start", "Done", "d").Connect("d", "True", "end").Load();

        Should.Throw<WorkflowExecutionException>(() => new WorkflowRunner(Guid.NewGuid, maxNonBlockingSteps: 2).Start(definition, Guid.NewGuid(), Drive.Now));
        new WorkflowRunner(Guid.NewGuid, maxNonBlockingSteps: 3).Start(definition, Guid.NewGuid(), Drive.Now).State.Status.ShouldBe(WorkflowStatus.Finished);
    }

    [Fact]
    public void FinishesGivenPathWithNoFurtherConnection()
    {
        var definition = new FlowchartJson().Start().Decision("d", false).End()
            .Connect("start", "Done", "d").Connect("d", "True", "end").Load();

        var result = _runner.Start(definition, Guid.NewGuid(), Drive.Now);

        result.State.Status.ShouldBe(WorkflowStatus.Finished);
        result.Executed.Select(e => e.ActivityId).ShouldBe(["start", "d"]);
    }

    [Fact]
    public void CreatesBookmarkPerHumanTaskGivenParallelPaths()
    {
        var ids = new Queue<Guid>([Guid.Parse("00000000-0000-0000-0000-000000000001"), Guid.Parse("00000000-0000-0000-0000-000000000002")]);
        var runner = new WorkflowRunner(ids.Dequeue);
        var definition = new FlowchartJson().Start().Question("left").Question("right", role: "Other").End()
            .Connect("start", "Done", "left").Connect("start", "Done", "right")
            .Connect("left", "Yes", "end").Connect("left", "No", "end").Connect("right", "Yes", "end").Connect("right", "No", "end").Load();

        var result = runner.Start(definition, Guid.NewGuid(), Drive.Now);

        result.State.Status.ShouldBe(WorkflowStatus.Suspended);
        result.State.Bookmarks.ShouldBe([
            new Bookmark(Guid.Parse("00000000-0000-0000-0000-000000000001"), "left", "LineManager", Drive.Now),
            new Bookmark(Guid.Parse("00000000-0000-0000-0000-000000000002"), "right", "Other", Drive.Now),
        ]);
    }

    [Fact]
    public void ClearsOtherBookmarksGivenEndReached()
    {
        var definition = new FlowchartJson().Start().Question("left").Question("right").End()
            .Connect("start", "Done", "left").Connect("start", "Done", "right")
            .Connect("left", "Yes", "end").Connect("left", "No", "end").Connect("right", "Yes", "end").Connect("right", "No", "end").Load();
        var started = _runner.Start(definition, Guid.NewGuid(), Drive.Now);
        var left = started.State.Bookmarks.Single(b => b.ActivityId == "left");

        var result = _runner.Resume(definition, started.State, left.BookmarkId, Drive.AsLineManager("Yes"), Drive.Now);

        result.State.Status.ShouldBe(WorkflowStatus.Finished);
        result.State.Bookmarks.ShouldBeEmpty();
    }

    [Fact]
    public void LeavesGivenStateUnchangedGivenResume()
    {
        var definition = FlowchartJson.ValidReviewFlow().Load();
        var started = _runner.Start(definition, Guid.NewGuid(), Drive.Now);
        var before = JsonSerializer.Serialize(started.State);

        var result = _runner.Answer(definition, started, "q1", Drive.AsLineManager("Yes"));

        JsonSerializer.Serialize(started.State).ShouldBe(before);
        started.State.Bookmarks.ShouldHaveSingleItem().ActivityId.ShouldBe("q1");
        result.State.ShouldNotBeSameAs(started.State);
        result.State.Bookmarks.ShouldHaveSingleItem().ActivityId.ShouldBe("review");
    }

    [Fact]
    public void ListsResumedTaskFirstGivenResume()
    {
        var definition = FlowchartJson.ValidReviewFlow().Load();
        var started = _runner.Start(definition, Guid.NewGuid(), Drive.Now);

        var result = _runner.Answer(definition, started, "q1", Drive.AsLineManager("No"));

        result.Executed.ShouldBe([
            new ExecutedActivity("q1", ChecklistQuestionActivity.TypeName, "No"),
            new ExecutedActivity("outcomeD", RecordOutcomeActivity.TypeName, "Done"),
        ]);
    }

    [Fact]
    public void ResumesAfterJsonRoundTripGivenSerialisedState()
    {
        var definition = FlowchartJson.ValidReviewFlow().Load();
        var variables = new Dictionary<string, JsonElement> { ["caseRef"] = JsonSerializer.SerializeToElement("JC-0001") };
        var started = _runner.Start(definition, Guid.NewGuid(), Drive.Now, variables);

        var json = JsonSerializer.Serialize(started.State);
        var restored = JsonSerializer.Deserialize<WorkflowInstanceState>(json)!;
        var result = _runner.Resume(definition, restored, restored.Bookmarks.Single().BookmarkId, Drive.AsLineManager("Yes"), Drive.Now);

        json.ShouldContain("\"Status\":\"Suspended\"");
        restored.InstanceId.ShouldBe(started.State.InstanceId);
        restored.DefinitionSha256.ShouldBe(definition.Sha256);
        restored.Bookmarks.ShouldBe(started.State.Bookmarks);
        result.State.Variables["caseRef"].GetString().ShouldBe("JC-0001");
        result.State.Bookmarks.ShouldHaveSingleItem().ActivityId.ShouldBe("review");
    }

    private static WorkflowDefinition DecisionOnVariable() =>
        new FlowchartJson().Start().Decision("d", "flag", "Variable").End("yes").End("no")
            .Connect("start", "Done", "d").Connect("d", "True", "yes").Connect("d", "False", "no").Load();
}
