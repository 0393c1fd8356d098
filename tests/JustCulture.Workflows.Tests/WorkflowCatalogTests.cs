namespace JustCulture.Workflows.Tests;

public sealed class WorkflowCatalogTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("jc-workflows-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void LoadsTriageGivenRepositoryWorkflowsFolder()
    {
        var catalog = WorkflowCatalog.LoadDirectory(TestPaths.WorkflowsDirectory);

        var triage = catalog.Latest("just-culture-triage");

        // Version 2 is version 1 written in Elsa 3.6's shape: new cases start on it, cases begun on 1 stay there.
        triage.Version.ShouldBe(2);
        catalog.Get("just-culture-triage", 2).ShouldBeSameAs(triage);
        var first = catalog.Get("just-culture-triage", 1);
        catalog.All.ShouldBe([first, triage], ignoreOrder: true);
        triage.Activities.Select(a => (a.Id, a.Type)).ShouldBe(first.Activities.Select(a => (a.Id, a.Type)));
        triage.Connections.ShouldBe(first.Connections);
    }

    [Fact]
    public void KeepsEveryVersionGivenSeveralFiles()
    {
        Write("flow-v1.json", FlowchartJson.ValidReviewFlow("flow", 1).Build());
        Write("flow-v3.json", FlowchartJson.ValidReviewFlow("flow", 3).Build());
        Write("flow-v2.json", FlowchartJson.ValidReviewFlow("flow", 2).Build());
        Write("other.json", FlowchartJson.ValidReviewFlow("other", 1).Build());
        Write("notes.md", "not a definition");

        var catalog = WorkflowCatalog.LoadDirectory(_directory);

        catalog.All.Count.ShouldBe(4);
        catalog.Latest("flow").Version.ShouldBe(3);
        catalog.Get("flow", 2).SourceName.ShouldEndWith("flow-v2.json");
        catalog.Get("flow", 1).Version.ShouldBe(1);
        catalog.DefinitionIds.ShouldBe(["flow", "other"]);
        catalog.TryGet("flow", 4, out _).ShouldBeFalse();
    }

    [Fact]
    public void ThrowsClearlyGivenUnknownVersion()
    {
        Write("flow-v1.json", FlowchartJson.ValidReviewFlow("flow", 1).Build());
        var catalog = WorkflowCatalog.LoadDirectory(_directory);

        var error = Should.Throw<KeyNotFoundException>(() => catalog.Get("flow", 7));

        error.Message.ShouldBe("Workflow definition 'flow' has no version 7; loaded versions: 1.");
    }

    [Fact]
    public void ThrowsClearlyGivenUnknownDefinitionId()
    {
        Write("flow-v1.json", FlowchartJson.ValidReviewFlow("flow", 1).Build());
        var catalog = WorkflowCatalog.LoadDirectory(_directory);

        Should.Throw<KeyNotFoundException>(() => catalog.Latest("nope")).Message.ShouldBe("No workflow definition 'nope' in the catalog; known: flow.");
        Should.Throw<KeyNotFoundException>(() => catalog.Get("nope", 1)).Message.ShouldContain("'nope'");
    }

    [Fact]
    public void AggregatesErrorsOfAllFilesGivenSeveralBrokenFiles()
    {
        Write("good.json", FlowchartJson.ValidReviewFlow("good", 1).Build());
        Write("a-broken.json", FlowchartJson.ValidReviewFlow("a", 1).Activity("x", "Foo.Bar").Build());
        Write("b-broken.json", FlowchartJson.ValidReviewFlow("b", 1).Rewire("outcomeG", "Done", "formal").Build());
        Write("c-broken.json", "{ nope");

        var error = Should.Throw<WorkflowDefinitionException>(() => WorkflowCatalog.LoadDirectory(_directory));

        error.Errors.Count.ShouldBe(3);
        error.Errors[0].ShouldBe($"{Path.Combine(_directory, "a-broken.json")}: activity 'x': unknown activity type 'Foo.Bar'");
        error.Errors[1].ShouldStartWith($"{Path.Combine(_directory, "b-broken.json")}: activity 'formal': safety rule broken");
        error.Errors[2].ShouldStartWith($"{Path.Combine(_directory, "c-broken.json")}: not valid JSON");
    }

    [Fact]
    public void RejectsSameIdAndVersionGivenTwoFiles()
    {
        Write("one.json", FlowchartJson.ValidReviewFlow("flow", 1).Build());
        Write("two.json", FlowchartJson.ValidReviewFlow("flow", 1).Build());

        var error = Should.Throw<WorkflowDefinitionException>(() => WorkflowCatalog.LoadDirectory(_directory));

        error.Errors.ShouldBe([
            $"{Path.Combine(_directory, "two.json")}: definition 'flow' version 1 is also defined in {Path.Combine(_directory, "one.json")}",
        ]);
    }

    [Fact]
    public void ThrowsDirectoryNotFoundGivenMissingFolder()
    {
        Should.Throw<DirectoryNotFoundException>(() => WorkflowCatalog.LoadDirectory(Path.Combine(_directory, "missing")));
    }

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(_directory, name), content);
}
