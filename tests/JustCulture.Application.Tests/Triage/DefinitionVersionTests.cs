using System.Text.RegularExpressions;
using JustCulture.Application.Common;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Tests.Triage;

/// <summary>Running cases stay on the definition version and file they started on.</summary>
public sealed partial class DefinitionVersionTests : IAsyncLifetime
{
    private readonly string _workflows = Directory.CreateTempSubdirectory("jc-workflows-").FullName;
    private TestApp _app = null!;

    private string Version1Path => Path.Combine(_workflows, "just-culture-triage.json");

    public async Task InitializeAsync()
    {
        File.Copy(Path.Combine(RepositoryPaths.WorkflowsDirectory, "just-culture-triage.json"), Version1Path);
        _app = await TestApp.StartAsync(TestProvider.Sqlite, _workflows);
        await SmallTrust.SeedAsync(_app);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_workflows, recursive: true);
    }

    [GeneratedRegex("\"version\":\\s*1,")]
    private static partial Regex TopLevelVersion();

    [Fact]
    public async Task PinsInstanceToVersionAndHashGivenConcernOpened()
    {
        var concernId = await _app.OpenConcernAsync("S001", SmallTrust.LineManager);

        var instance = await _app.QueryAsync(db => db.WorkflowInstances.SingleAsync(w => w.CorrelationId == concernId));
        instance.DefinitionId.ShouldBe(TriageWorkflow.DefinitionId);
        instance.DefinitionVersion.ShouldBe(1);
        instance.DefinitionSha256.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(Version1Path))));
    }

    [Fact]
    public async Task KeepsRunningCaseOnOldVersionGivenNewVersionPublished()
    {
        var running = await _app.OpenConcernAsync("S001", SmallTrust.LineManager);
        var json = await File.ReadAllTextAsync(Version1Path);
        await File.WriteAllTextAsync(Path.Combine(_workflows, "just-culture-triage.v2.json"),
            TopLevelVersion().Replace(json, "\"version\": 2,", 1).Replace("Was there any intention to cause harm?", "Was harm intended?", StringComparison.Ordinal));

        // Restarted with both versions loaded, on the same database.
        await using var restarted = TestApp.OnSameDatabase(_app, _workflows);
        var oldTask = await restarted.NextTaskAsync(running);
        oldTask.Question.ShouldBe("Was there any intention to cause harm?");
        var fresh = await restarted.OpenConcernAsync("S002", SmallTrust.LineManager);
        (await restarted.NextTaskAsync(fresh)).Question.ShouldBe("Was harm intended?");
        await restarted.CompleteAsync(oldTask.TaskId, SmallTrust.LineManager, "No");
        (await _app.QueryAsync(db => db.WorkflowInstances.SingleAsync(w => w.CorrelationId == running))).DefinitionVersion.ShouldBe(1);
    }

    [Fact]
    public async Task RefusesToResumeGivenDefinitionFileEditedInPlace()
    {
        var concernId = await _app.OpenConcernAsync("S001", SmallTrust.LineManager);
        var task = await _app.NextTaskAsync(concernId);
        await File.AppendAllTextAsync(Version1Path, "\n");

        await using var restarted = TestApp.OnSameDatabase(_app, _workflows);
        var refusal = await Should.ThrowAsync<UseCaseException>(() => restarted.CompleteAsync(task.TaskId, SmallTrust.LineManager, "No"));

        refusal.Error.ShouldBe(UseCaseError.Conflict);
        refusal.Message.ShouldContain("edited since this case started");
    }
}
