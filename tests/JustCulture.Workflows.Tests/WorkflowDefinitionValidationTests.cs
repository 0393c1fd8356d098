using System.Text.Json.Nodes;

namespace JustCulture.Workflows.Tests;

/// <summary>Every kind of load error, each proven with a deliberately broken definition.</summary>
public class WorkflowDefinitionValidationTests
{
    private const string File = "workflows/broken.json";

    [Fact]
    public void AcceptsValidReviewFlow()
    {
        var definition = FlowchartJson.ValidReviewFlow().Load(File);

        definition.Activities.Count.ShouldBe(8);
        definition.Connections.Count.ShouldBe(13);
    }

    [Fact]
    public void RejectsInvalidJsonNamingFile()
    {
        var error = Should.Throw<WorkflowDefinitionException>(() => WorkflowDefinitionLoader.Parse("{ \"definitionId\": ", File));

        error.Errors.ShouldHaveSingleItem().ShouldStartWith($"{File}: not valid JSON");
        error.Message.ShouldContain(File);
    }

    [Fact]
    public void SuppliesMissingDefinitionIdAndVersionAsElsasImporterDoes()
    {
        var flow = FlowchartJson.ValidReviewFlow();
        flow.Root.Remove("definitionId");
        flow.Root.Remove("version");

        var definition = WorkflowDefinitionLoader.Parse(flow.Build(), File);

        definition.DefinitionId.ShouldBe(Path.GetFileNameWithoutExtension(File));
        definition.Version.ShouldBe(1);
        definition.Notes.ShouldBe([
            $"{File}: definitionId is missing; Elsa's importer would create a new definition with a generated id — taken as '{Path.GetFileNameWithoutExtension(File)}' (the file name)",
            $"{File}: version is missing; Elsa's importer starts a new definition at version 1 — taken as 1",
        ]);
    }

    [Fact]
    public void RejectsVersionThatIsNotPositive()
    {
        var flow = FlowchartJson.ValidReviewFlow();
        flow.Root["version"] = 0;

        flow.Errors(File).ShouldBe([$"{File}: version is not a positive whole number"]);
    }

    [Fact]
    public void RejectsRootThatIsNotFlowchart()
    {
        var flow = FlowchartJson.ValidReviewFlow();
        flow.Root["root"]!["type"] = "Elsa.Sequence";

        flow.Errors(File).ShouldBe([$"{File}: root type is 'Elsa.Sequence'; expected 'Elsa.Flowchart'"]);
    }

    [Fact]
    public void RejectsActivityWithoutId()
    {
        var errors = FlowchartJson.ValidReviewFlow().Activity(null, "Elsa.End").Errors(File);

        errors.ShouldBe([$"{File}: activity #9 (type 'Elsa.End'): missing id"]);
    }

    [Fact]
    public void RejectsDuplicateActivityId()
    {
        var errors = FlowchartJson.ValidReviewFlow().End("q1").Errors(File);

        errors.ShouldBe([$"{File}: activity 'q1': duplicate id (activity #9 repeats an earlier id)"]);
    }

    [Fact]
    public void RejectsUnknownActivityType()
    {
        var flow = FlowchartJson.ValidReviewFlow().Activity("q1a", "Foo.Bar").Connect("q1", "Yes", "q1a");

        var errors = flow.Errors("workflows/x.json");

        // The connection to it is not reported as dangling as well: the id exists, only its type is unknown.
        errors.ShouldBe(["workflows/x.json: activity 'q1a': unknown activity type 'Foo.Bar'"]);
    }

    [Fact]
    public void RejectsActivityWithoutType()
    {
        var flow = FlowchartJson.ValidReviewFlow();
        flow.GetActivity("end").Remove("type");

        flow.Errors(File).ShouldContain($"{File}: activity 'end': missing type");
    }

    [Theory]
    [InlineData("JavaScript")]
    [InlineData("Liquid")]
    public void RejectsScriptOnInputThatShapesTheFlowchart(string language)
    {
        var flow = FlowchartJson.ValidReviewFlow();
        flow.GetActivity("q1")["question"] = FlowchartJson.Input("return 'Q?';", language);

        var errors = flow.Errors(File);

        errors.ShouldBe([$"{File}: activity 'q1': input 'question' must be a Literal expression; it shapes the flowchart, so it is fixed when the definition loads"]);
    }

    [Fact]
    public void RefusesCSharpNamingFileAndActivity()
    {
        var flow = FlowchartJson.ValidReviewFlow();
        flow.GetActivity("q1")["question"] = FlowchartJson.Input("return \"Q?\";", "CSharp");

        flow.Errors(File).ShouldBe([$"{File}: activity 'q1': input 'question' uses C#; Elsa compiles C# expressions with Roslyn, which this runtime does not include — use JavaScript or Liquid"]);
    }

    [Fact]
    public void RefusesUnknownExpressionLanguage()
    {
        var flow = FlowchartJson.ValidReviewFlow();
        flow.GetActivity("q1")["question"] = FlowchartJson.Input("'Q?'", "Python");

        flow.Errors(File).ShouldBe([$"{File}: activity 'q1': input 'question' uses unsupported expression language 'Python'; supported: Literal, Variable, Object, JavaScript, Liquid"]);
    }

    [Fact]
    public void RejectsUnsupportedLanguageGivenInputTheActivityDoesNotUse()
    {
        // Never skipped: a script on an input we ignore would be silently dropped otherwise.
        var flow = FlowchartJson.ValidReviewFlow();
        flow.GetActivity("end")["someInput"] = FlowchartJson.Input("1+1", "Python");

        flow.Errors(File).ShouldBe([$"{File}: activity 'end': input 'someInput' uses unsupported expression language 'Python'; supported: Literal, Variable, Object, JavaScript, Liquid"]);
    }

    [Fact]
    public void RejectsExpressionWithoutLanguage()
    {
        var flow = FlowchartJson.ValidReviewFlow();
        flow.GetActivity("q1")["role"] = JsonNode.Parse("""{"typeName":"String","expression":{"value":"LineManager"}}""");

        flow.Errors(File).ShouldHaveSingleItem().ShouldStartWith($"{File}: activity 'q1': input 'role' has no expression type");
    }

    [Theory]
    [InlineData("q1", "questionId")]
    [InlineData("q1", "question")]
    [InlineData("q1", "role")]
    [InlineData("q1", "answers")]
    [InlineData("outcomeG", "outcome")]
    [InlineData("outcomeG", "title")]
    [InlineData("review", "role")]
    [InlineData("review", "question")]
    [InlineData("informal", "role")]
    [InlineData("informal", "question")]
    public void RejectsMissingRequiredInput(string activityId, string input)
    {
        var flow = FlowchartJson.ValidReviewFlow();
        flow.GetActivity(activityId).Remove(input);

        flow.Errors(File).ShouldBe([$"{File}: activity '{activityId}': missing required input '{input}'"]);
    }

    [Fact]
    public void RejectsMissingConditionGivenFlowDecision()
    {
        var flow = new FlowchartJson().Start().Activity("d", "Elsa.FlowDecision").End().Connect("start", "Done", "d").Connect("d", "True", "end");

        flow.Errors(File).ShouldBe([$"{File}: activity 'd': missing required input 'condition'"]);
    }

    [Fact]
    public void RejectsBlankRequiredInput()
    {
        var flow = FlowchartJson.ValidReviewFlow();
        flow.GetActivity("review")["role"] = FlowchartJson.Input("  ");

        flow.Errors(File).ShouldBe([$"{File}: activity 'review': missing required input 'role' (blank)"]);
    }

    [Fact]
    public void RejectsVariableExpressionGivenInputThatShapesFlowchart()
    {
        var flow = FlowchartJson.ValidReviewFlow();
        flow.GetActivity("q1")["role"] = FlowchartJson.Input("managerRole", "Variable");

        flow.Errors(File).ShouldHaveSingleItem().ShouldStartWith($"{File}: activity 'q1': input 'role' must be a Literal expression");
    }

    [Fact]
    public void RejectsNonBooleanLiteralConditionGivenFlowDecision()
    {
        var flow = new FlowchartJson().Start().Decision("d", "perhaps").End()
            .Connect("start", "Done", "d").Connect("d", "True", "end");

        flow.Errors(File).ShouldBe([$"{File}: activity 'd': input 'condition' must be a boolean literal, not 'perhaps'"]);
    }

    [Theory]
    [InlineData("H")]
    [InlineData("a")]
    public void RejectsOutcomeOutsideAToG(string letter)
    {
        var flow = FlowchartJson.ValidReviewFlow();
        flow.GetActivity("outcomeG")["outcome"] = FlowchartJson.Input(letter);

        flow.Errors(File).ShouldBe([$"{File}: activity 'outcomeG': input 'outcome' is '{letter}'; expected one of A, B, C, D, E, F, G"]);
    }

    [Fact]
    public void RejectsUnknownReviewRoute()
    {
        var flow = FlowchartJson.ValidReviewFlow();
        flow.GetActivity("review")["routes"] = FlowchartJson.Input(new JsonArray("NoFurtherAction", "Dismissal"));

        flow.Errors(File).ShouldContain(e => e.StartsWith($"{File}: activity 'review': input 'routes' has unknown entry 'Dismissal'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[]", "is empty")]
    [InlineData("[\"Yes\",\"Yes\"]", "lists 'Yes' more than once")]
    [InlineData("[\"Yes\",\" \"]", "contains a blank entry")]
    [InlineData("\"Yes, No\"", "must be a list of strings")]
    public void RejectsBadAnswersList(string answersJson, string expected)
    {
        var flow = FlowchartJson.ValidReviewFlow();
        flow.GetActivity("q1")["answers"] = FlowchartJson.Input(JsonNode.Parse(answersJson));

        flow.Errors(File).ShouldContain(e => e.StartsWith($"{File}: activity 'q1': input 'answers' {expected}", StringComparison.Ordinal));
    }

    [Fact]
    public void RejectsConnectionToUnknownActivity()
    {
        var flow = FlowchartJson.ValidReviewFlow().Rewire("q1", "Yes", "q9");

        flow.Errors(File).ShouldBe([
            $"{File}: activity 'q1': connection #13 targets unknown activity 'q9'",
            $"{File}: activity 'outcomeG': unreachable: no path leads to it from start 'start'",
        ]);
    }

    [Fact]
    public void RejectsConnectionFromUnknownActivity()
    {
        var flow = FlowchartJson.ValidReviewFlow().Connect("ghost", "Done", "end");

        flow.Errors(File).ShouldBe([$"{File}: activity 'ghost': connection #14 to 'end' leaves from an activity that does not exist"]);
    }

    [Fact]
    public void RejectsConnectionFromUnknownPort()
    {
        var flow = FlowchartJson.ValidReviewFlow().Connect("q1", "Maybe", "end");

        flow.Errors(File).ShouldBe([$"{File}: activity 'q1': connection #14 to 'end' leaves from unknown port 'Maybe'; ports: Yes, No"]);
    }

    [Fact]
    public void RejectsConnectionFromEndActivity()
    {
        var flow = FlowchartJson.ValidReviewFlow().Connect("end", "Done", "review");

        flow.Errors(File).ShouldBe([$"{File}: activity 'end': connection #14 to 'review' leaves from port 'Done', but Elsa.End has no outgoing ports"]);
    }

    [Fact]
    public void RejectsConnectionIntoUnknownTargetPort()
    {
        var flow = FlowchartJson.ValidReviewFlow().Disconnect("formal", "Done").Connect("formal", "Done", "end", "Out");

        flow.Errors(File).ShouldBe([$"{File}: activity 'end': connection #13 from 'formal' enters by unknown port 'Out'; expected 'In'"]);
    }

    [Fact]
    public void RejectsConnectionWithoutSourcePort()
    {
        var flow = FlowchartJson.ValidReviewFlow();
        ((JsonArray)flow.Root["root"]!["connections"]!).Add(JsonNode.Parse("""{"source":"formal","target":"end"}"""));

        flow.Errors(File).ShouldBe([$"{File}: activity 'formal': connection #14 to 'end' has no source port"]);
    }

    [Theory]
    [InlineData("q1", "No")]
    [InlineData("review", "Support")]
    [InlineData("informal", "NotResolved")]
    public void RejectsHumanTaskAnswerWithoutOutgoingConnection(string activityId, string port)
    {
        var flow = FlowchartJson.ValidReviewFlow().Disconnect(activityId, port);

        flow.Errors(File).ShouldContain($"{File}: activity '{activityId}': answer '{port}' has no outgoing connection; every answer of a human task must lead somewhere");
    }

    [Fact]
    public void InfersStartAsElsaDoesGivenNoElsaStart()
    {
        // Elsa's order: explicit start, first Elsa.Start, first can-start activity, first with no inbound connection.
        var flow = FlowchartJson.ValidReviewFlow().RemoveActivity("start").Disconnect("start", "Done");

        WorkflowDefinitionLoader.Parse(flow.Build(), File).Start!.Id.ShouldBe("q1");
    }

    [Fact]
    public void RejectsFlowchartWithTwoStarts()
    {
        var flow = FlowchartJson.ValidReviewFlow().Start("start2").Connect("start2", "Done", "q1");

        var errors = flow.Errors(File);

        errors.Count.ShouldBe(2);
        errors.ShouldContain(e => e.StartsWith($"{File}: activity 'start2': more than one Elsa.Start", StringComparison.Ordinal));
        errors.ShouldContain(e => e.StartsWith($"{File}: activity 'start': more than one Elsa.Start", StringComparison.Ordinal));
    }

    [Fact]
    public void RejectsUnreachableActivity()
    {
        var flow = FlowchartJson.ValidReviewFlow().Outcome("orphan", "B").Connect("orphan", "Done", "review");

        flow.Errors(File).ShouldBe([$"{File}: activity 'orphan': unreachable: no path leads to it from start 'start'"]);
    }

    [Fact]
    public void CollectsEveryErrorGivenSeveralProblems()
    {
        var flow = FlowchartJson.ValidReviewFlow()
            .Activity("weird", "Foo.Bar")
            .End("q1")
            .Connect("q1", "Maybe", "end")
            .Disconnect("informal", "Resolved");
        flow.GetActivity("review")["question"] = FlowchartJson.Input("x", "JavaScript");

        var error = Should.Throw<WorkflowDefinitionException>(() => WorkflowDefinitionLoader.Parse(flow.Build(), File));

        error.Errors.Count.ShouldBe(5);
        error.Errors.ShouldAllBe(e => e.StartsWith(File + ": activity '", StringComparison.Ordinal));
        error.Message.ShouldContain("5 errors");
        foreach (var id in new[] { "weird", "q1", "review", "informal" })
        {
            error.Errors.ShouldContain(e => e.Contains($"activity '{id}'", StringComparison.Ordinal));
        }
    }
}
