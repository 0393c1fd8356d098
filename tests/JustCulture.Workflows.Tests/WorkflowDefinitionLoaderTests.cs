using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace JustCulture.Workflows.Tests;

public class WorkflowDefinitionLoaderTests
{
    [Fact]
    public void LoadsElsaExportGivenCheckedInFixture()
    {
        var definition = WorkflowDefinitionLoader.LoadFile(TestPaths.CheckedInElsaFixture);

        definition.DefinitionId.ShouldBe("b8c92c080faf734f");
        definition.Version.ShouldBe(5);
        definition.Name.ShouldBe("Decision Merge");
        definition.SourceName.ShouldBe(TestPaths.CheckedInElsaFixture);
        definition.Activities.Select(a => a.GetType()).ShouldBe([typeof(FlowDecisionActivity), typeof(StartActivity), typeof(EndActivity)]);
        definition.Start!.Id.ShouldBe("50e042cfab596891");
        definition.GetActivity("a38215f28410f472").Name.ShouldBe("FlowDecision1");
        definition.Connections.ShouldContain(new Connection("a38215f28410f472", "False", "d5b9c2affe09a93b", "In"));
        definition.Connections.Count.ShouldBe(3);
    }

    [Fact]
    public void LoadsSameExportGivenSharedFixtureFolder()
    {
        var checkedIn = WorkflowDefinitionLoader.LoadFile(TestPaths.CheckedInElsaFixture);
        var shared = TestPaths.SharedElsaFixture;
        if (shared is null)
        {
            // ../shared is not always present (e.g. a clone on its own); the checked-in copy then stands in.
            checkedIn.Sha256.ShouldBe(WorkflowDefinitionLoader.ComputeSha256(File.ReadAllBytes(TestPaths.CheckedInElsaFixture)));
            return;
        }

        var definition = WorkflowDefinitionLoader.LoadFile(shared);

        definition.DefinitionId.ShouldBe(checkedIn.DefinitionId);
        definition.Sha256.ShouldBe(checkedIn.Sha256, "the checked-in fixture must be an exact copy of the shared one");
    }

    [Fact]
    public void ComputesLowercaseSha256OfFileBytesGivenFile()
    {
        var bytes = File.ReadAllBytes(TestPaths.TriagePath);

        var definition = WorkflowDefinitionLoader.LoadFile(TestPaths.TriagePath);

        definition.Sha256.ShouldBe(Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant());
        definition.Sha256.ShouldMatch("^[0-9a-f]{64}$");
    }

    [Fact]
    public void ComputesSha256OfUtf8BytesGivenJsonString()
    {
        var json = FlowchartJson.ValidReviewFlow().Build();

        var definition = WorkflowDefinitionLoader.Parse(json, "inline");

        definition.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))));
        definition.SourceName.ShouldBe("inline");
    }

    [Fact]
    public void GivesSameHashGivenSameBytes()
    {
        var bytes = File.ReadAllBytes(TestPaths.TriagePath);

        var first = WorkflowDefinitionLoader.Parse(bytes, "first");
        var second = WorkflowDefinitionLoader.Parse([.. bytes], "second");

        second.Sha256.ShouldBe(first.Sha256);
    }

    [Fact]
    public void GivesDifferentHashGivenOneChangedByte()
    {
        var bytes = File.ReadAllBytes(TestPaths.TriagePath);
        var changed = bytes.ToArray();
        // Change one letter inside the first question's text: still a valid definition, one byte different.
        var index = Encoding.UTF8.GetString(bytes).IndexOf("intention to cause harm", StringComparison.Ordinal);
        index.ShouldBeGreaterThan(0);
        changed[index] = (byte)'I';

        var original = WorkflowDefinitionLoader.Parse(bytes, "original");
        var edited = WorkflowDefinitionLoader.Parse(changed, "edited");

        edited.Sha256.ShouldNotBe(original.Sha256);
        edited.GetActivity("q1a").ShouldBeOfType<ChecklistQuestionActivity>().Question.ShouldContain("Intention");
    }

    [Fact]
    public void LoadsFileGivenUtf8ByteOrderMark()
    {
        var json = Encoding.UTF8.GetBytes(FlowchartJson.ValidReviewFlow().Build());
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. json];

        var definition = WorkflowDefinitionLoader.Parse(withBom, "bom.json");

        definition.Activities.Count.ShouldBe(8);
        definition.Sha256.ShouldBe(WorkflowDefinitionLoader.ComputeSha256(withBom));
    }

    [Fact]
    public void ReadsElsa3ConnectionForm()
    {
        var definition = new FlowchartJson().Start().End().Connect("start", "Done", "end").Load();

        definition.Connections.ShouldBe([new Connection("start", "Done", "end", "In")]);
    }

    [Fact]
    public void ReadsFlatConnectionForm()
    {
        var definition = new FlowchartJson().Start().End().ConnectFlat("start", "Done", "end").Load();

        definition.Connections.ShouldBe([new Connection("start", "Done", "end", "In")]);
    }

    [Fact]
    public void RunsSameWayGivenEitherConnectionForm()
    {
        var nested = new FlowchartJson().Start().Decision("d", true).End("yes").End("no")
            .Connect("start", "Done", "d").Connect("d", "True", "yes").Connect("d", "False", "no").Load();
        var flat = new FlowchartJson().Start().Decision("d", true).End("yes").End("no")
            .ConnectFlat("start", "Done", "d").ConnectFlat("d", "True", "yes").ConnectFlat("d", "False", "no").Load();

        var fromNested = new WorkflowRunner().Start(nested, Guid.NewGuid(), Drive.Now);
        var fromFlat = new WorkflowRunner().Start(flat, Guid.NewGuid(), Drive.Now);

        flat.Connections.ShouldBe(nested.Connections);
        fromFlat.Executed.ShouldBe(fromNested.Executed);
        fromFlat.Executed.Last().ActivityId.ShouldBe("yes");
    }

    [Fact]
    public void ReadsAnswersGivenJsonEncodedArrayString()
    {
        var flow = FlowchartJson.ValidReviewFlow();
        flow.GetActivity("q1")["answers"] = FlowchartJson.Input("[\"Yes\",\"No\"]", typeName: "List<String>");

        var question = flow.Load().GetActivity("q1").ShouldBeOfType<ChecklistQuestionActivity>();

        question.Answers.ShouldBe(["Yes", "No"]);
        question.Ports.ShouldBe(["Yes", "No"]);
    }

    [Fact]
    public void ReadsAllHumanTaskInputsGivenChecklistQuestion()
    {
        var question = FlowchartJson.ValidReviewFlow().Load().GetActivity("q1").ShouldBeOfType<ChecklistQuestionActivity>();

        question.QuestionId.ShouldBe("q1");
        question.Question.ShouldBe("Question q1?");
        question.HelpText.ShouldBe("Help for q1.");
        question.Role.ShouldBe("LineManager");
        question.IsBlocking.ShouldBeTrue();
        question.RequiresRationale("Yes").ShouldBeFalse();
    }

    [Fact]
    public void IgnoresUnknownNonInputPropertiesGivenElsaMetadata()
    {
        var flow = FlowchartJson.ValidReviewFlow();
        var question = flow.GetActivity("q1");
        question["nodeId"] = "Workflow1:abc:q1";
        question["metadata"] = JsonNode.Parse("""{"designer":{"position":{"x":1,"y":2}}}""");
        question["customProperties"] = JsonNode.Parse("""{"canStartWorkflow":false}""");
        question["someFutureFlag"] = true;
        flow.Root["isPublished"] = true;
        flow.Root["variables"] = new JsonArray();

        var definition = flow.Load();

        definition.GetActivity("q1").ShouldBeOfType<ChecklistQuestionActivity>().Answers.ShouldBe(["Yes", "No"]);
    }

    [Fact]
    public void ExposesOutcomeGivenRecordOutcomeActivity()
    {
        var outcome = FlowchartJson.ValidReviewFlow().Load().GetActivity("outcomeG").ShouldBeOfType<RecordOutcomeActivity>();

        outcome.Outcome.ShouldBe("G");
        outcome.Title.ShouldBe("Outcome G");
        outcome.Guidance.ShouldBe("Guidance G.");
        outcome.Ports.ShouldBe(["Done"]);
        outcome.IsBlocking.ShouldBeFalse();
    }

    [Fact]
    public void DefaultsToAllRoutesGivenReviewWithoutRoutesInput()
    {
        var review = FlowchartJson.ValidReviewFlow().Load().GetActivity("review").ShouldBeOfType<CommissioningReviewActivity>();

        review.Routes.ShouldBe(ReviewRoutes.All);
        review.RequiresRationale(ReviewRoutes.Support).ShouldBeTrue();
        review.RequiresInformalNotAppropriateStatement(ReviewRoutes.FormalInvestigation).ShouldBeTrue();
        review.RequiresInformalNotAppropriateStatement(ReviewRoutes.InformalResolution).ShouldBeFalse();
    }

    [Fact]
    public void ThrowsKeyNotFoundNamingActivityGivenUnknownActivityId()
    {
        var definition = FlowchartJson.ValidReviewFlow().Load();

        Should.Throw<KeyNotFoundException>(() => definition.GetActivity("nope")).Message.ShouldContain("'nope'");
    }
}
