using System.Text.Json.Nodes;
using JustCulture.TestSupport;
using JustCulture.Workflows;

namespace JustCulture.Cli.Tests;

// `justculture workflow export`: writes a definition in Elsa 3.6's shape to a new file, never over an existing one.
public sealed class WorkflowExportCommandTests : IDisposable
{
    private static readonly string Triage = Path.Combine(RepositoryPaths.WorkflowsDirectory, "just-culture-triage.json");
    private readonly CliSession _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task WritesTriageAsNewVersionInElsaShapeThatChecks()
    {
        var target = _cli.PathFor("just-culture-triage-v2.json");

        var result = await CliSession.RunRawAsync("workflow", "export", Triage, "--version", "2", "--out", target);

        result.ExitCode.ShouldBe(0, result.ToString());
        var written = WorkflowDefinitionLoader.LoadFile(target);
        written.DefinitionId.ShouldBe("just-culture-triage");
        written.Version.ShouldBe(2);
        written.Connections.ShouldBe(WorkflowDefinitionLoader.LoadFile(Triage).Connections);
        result.Stdout.ShouldBe($"{target}: written 'just-culture-triage' v2, {written.Activities.Count} activities, in Elsa 3.6.0.0 shape (sha256 {written.Sha256}){Environment.NewLine}");
        var json = JsonNode.Parse(await File.ReadAllTextAsync(target))!;
        ((string?)json["toolVersion"]).ShouldBe("3.6.0.0");
        ((string?)json["id"]).ShouldBe("just-culture-triage-v2");
        (await CliSession.RunRawAsync("workflow", "check", target, "--run")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task RefusesToOverwriteAnExistingFile()
    {
        var target = _cli.WriteFile("existing.json", "{}");

        var result = await CliSession.RunRawAsync("workflow", "export", Triage, "--out", target);

        result.ExitCode.ShouldBe(ExitCodes.Conflict, result.ToString());
        result.Stderr.ShouldContain($"{target}: already exists");
        (await File.ReadAllTextAsync(target)).ShouldBe("{}");
    }

    [Fact]
    public async Task RefusesInvalidDefinitionNamingFileAndActivityAndWritesNothing()
    {
        var source = _cli.WriteFile("bad.json", """
            {"definitionId": "bad", "version": 1, "root": {"type": "Elsa.Flowchart", "activities": [
              {"id": "a", "type": "Elsa.WriteLine", "text": {"typeName": "String", "expression": {"type": "CSharp", "value": "1"}}}]}}
            """);
        var target = _cli.PathFor("out.json");

        var result = await CliSession.RunRawAsync("workflow", "export", source, "--out", target);

        result.ExitCode.ShouldBe(ExitCodes.Invalid, result.ToString());
        result.Stderr.ShouldContain($"{source}: refused: {source}: activity 'a': input 'text' uses C#");
        File.Exists(target).ShouldBeFalse();
    }
}
