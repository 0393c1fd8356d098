using System.Text.Json.Nodes;
using JustCulture.Application.Workflows;
using JustCulture.Domain.Concerns;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Tests.Workflows;

/// <summary>
/// Durable timers (docs/domain/workflow-runtime.md, "Durable timers"): a definition version that waits two days between
/// the checklist and the commissioning review. The timer is a row of its own, survives a restart, fires once however
/// many nodes pick it up, and a firing that fails leaves the instance as it was.
/// </summary>
public abstract class DurableTimerTests : IAsyncLifetime
{
    private static readonly TimeSpan CoolingOff = TimeSpan.FromDays(2);
    private readonly string _workflows = Directory.CreateTempSubdirectory("jc-timer-workflows-").FullName;

    protected abstract TestProvider Provider { get; }

    private TestApp Seeded { get; set; } = null!;

    /// <summary>The application restarted with version 2 (the cooling-off timer) loaded beside version 1.</summary>
    private TestApp App { get; set; } = null!;

    public async Task InitializeAsync()
    {
        Seeded = await TestApp.StartWithSmallTrustAsync(Provider);
        File.Copy(Path.Combine(RepositoryPaths.WorkflowsDirectory, "just-culture-triage.json"), Path.Combine(_workflows, "just-culture-triage.json"));
        WriteVersion2(afterTimer: null);
        App = TestApp.OnSameDatabase(Seeded, _workflows);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Seeded.DisposeAsync();
        Directory.Delete(_workflows, recursive: true);
    }

    [Fact]
    public async Task WaitsAtTheTimerThenOpensTheReviewGivenItFiresAfterARestart()
    {
        var concernId = await ToTimerAsync(App);

        (await App.TasksAsync(concernId)).ShouldBeEmpty("the review waits for the timer");
        var timer = await App.QueryAsync(db => db.WorkflowTimers.AsNoTracking().SingleAsync(t => t.CorrelationId == concernId));
        timer.ActivityId.ShouldBe("cooling-off");
        timer.DueAtUtc.ShouldBe(App.Clock.UtcNow.Add(CoolingOff));
        timer.FiredAtUtc.ShouldBeNull();
        (await FireAsync(App, "node-a")).ShouldBe(new TimerRound(0, 0, 0), "not yet due");

        // A new process on the same database: nothing of the timer lived in memory.
        await using var restarted = TestApp.OnSameDatabase(Seeded, _workflows);
        restarted.Clock.UtcNow = App.Clock.UtcNow.Add(CoolingOff);
        (await FireAsync(restarted, "node-b")).ShouldBe(new TimerRound(1, 0, 0));

        var review = (await restarted.TasksAsync(concernId)).ShouldHaveSingleItem();
        review.Role.ShouldBe("CommissioningManager");
        var stored = await App.QueryAsync(db => db.WorkflowTimers.AsNoTracking().SingleAsync(t => t.Id == timer.Id));
        stored.FiredAtUtc.ShouldBe(restarted.Clock.UtcNow);
        stored.LeasedBy.ShouldBeNull();
        var fired = await App.QueryAsync(db => db.DecisionLog.AsNoTracking().SingleAsync(e => e.ConcernId == concernId && e.EventType == LogEventTypes.TimerFired));
        fired.ActorId.ShouldBe(FireDueTimersHandler.TimerService.UserId);
        fired.ActorRole.ShouldBe("System");
        fired.ActivityId.ShouldBe("cooling-off");
        fired.DefinitionVersion.ShouldBe(2);
        (await FireAsync(restarted, "node-b")).ShouldBe(new TimerRound(0, 0, 0), "a fired timer is never picked up again");

        // The case then goes on as any other: the review can be answered.
        await restarted.CompleteAsync(review.TaskId, SmallTrust.Reviewer, "NoFurtherAction", "Nothing to learn from here");
        (await restarted.ConcernAsync(concernId)).Status.ShouldBe(ConcernStatus.Closed);
    }

    [Fact]
    public async Task FiresOnceGivenTwoNodesPickUpTheSameTimersAtOnce()
    {
        var concerns = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            concerns.Add(await ToTimerAsync(App));
        }

        await using var nodeA = TestApp.OnSameDatabase(Seeded, _workflows);
        await using var nodeB = TestApp.OnSameDatabase(Seeded, _workflows);
        nodeA.Clock.UtcNow = nodeB.Clock.UtcNow = App.Clock.UtcNow.Add(CoolingOff);
        var rounds = await Task.WhenAll(FireAsync(nodeA, "node-a"), FireAsync(nodeB, "node-b"));

        rounds.Sum(r => r.Fired).ShouldBe(4);
        rounds.Sum(r => r.Failed).ShouldBe(0);
        var firedEntries = await App.QueryAsync(db => db.DecisionLog.AsNoTracking().Where(e => e.EventType == LogEventTypes.TimerFired).Select(e => e.ConcernId).ToListAsync());
        firedEntries.ShouldBe(concerns.Cast<Guid?>(), ignoreOrder: true, "one entry per timer, none twice");
        foreach (var concernId in concerns)
        {
            (await App.TasksAsync(concernId)).ShouldHaveSingleItem().Role.ShouldBe("CommissioningManager");
        }

        (await App.QueryAsync(db => db.WorkflowTimers.CountAsync(t => t.FiredAtUtc == null))).ShouldBe(0);
    }

    [Fact]
    public async Task TakesOverATimerGivenTheNodeThatClaimedItStoppedBeforeFiringIt()
    {
        var concernId = await ToTimerAsync(App);
        var due = App.Clock.UtcNow.Add(CoolingOff);
        App.Clock.UtcNow = due;
        // A node claimed the timer and died before its step committed.
        await App.QueryAsync(db => db.WorkflowTimers.Where(t => t.CorrelationId == concernId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LeasedBy, "node-that-died").SetProperty(t => t.LeasedUntilUtc, due.AddMinutes(1))));

        (await FireAsync(App, "node-b")).ShouldBe(new TimerRound(0, 0, 0), "the claim still holds");
        App.Clock.UtcNow = due.AddMinutes(2);
        (await FireAsync(App, "node-b")).ShouldBe(new TimerRound(1, 0, 0));
        (await App.TasksAsync(concernId)).ShouldHaveSingleItem().Role.ShouldBe("CommissioningManager");
    }

    [Fact]
    public async Task LeavesTheInstanceAsItWasAndBacksOffGivenTheFiringFails()
    {
        // Version 2 where the timer leads into a script that never ends: the sandbox stops it, the step rolls back.
        WriteVersion2(afterTimer: new JsonObject
        {
            ["id"] = "stuck",
            ["type"] = "Elsa.RunJavaScript",
            ["version"] = 1,
            ["script"] = new JsonObject
            {
                ["typeName"] = "String",
                ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = "while (true) { }" },
            },
        });
        await using var app = TestApp.OnSameDatabase(Seeded, _workflows);
        var concernId = await ToTimerAsync(app);
        var before = await app.QueryAsync(db => db.WorkflowInstances.AsNoTracking().SingleAsync(w => w.CorrelationId == concernId));
        var entriesBefore = await app.QueryAsync(db => db.DecisionLog.CountAsync());
        app.Clock.UtcNow = app.Clock.UtcNow.Add(CoolingOff);

        (await FireAsync(app, "node-a")).ShouldBe(new TimerRound(0, 1, 0));

        var after = await app.QueryAsync(db => db.WorkflowInstances.AsNoTracking().SingleAsync(w => w.CorrelationId == concernId));
        after.Version.ShouldBe(before.Version);
        after.Status.ShouldBe("Suspended");
        (await app.QueryAsync(db => db.DecisionLog.CountAsync())).ShouldBe(entriesBefore, "nothing of a failed firing is logged");
        var timer = await app.QueryAsync(db => db.WorkflowTimers.AsNoTracking().SingleAsync(t => t.CorrelationId == concernId));
        timer.FiredAtUtc.ShouldBeNull();
        timer.Attempts.ShouldBe(1);
        timer.LastError.ShouldNotBeNull().ShouldContain("stuck");
        timer.LeasedUntilUtc.ShouldBe(app.Clock.UtcNow.AddMinutes(2), "backed off before the next attempt");
        (await FireAsync(app, "node-a")).ShouldBe(new TimerRound(0, 0, 0), "not tried again before its back-off ends");
        var waiting = await app.RunAsync<FireDueTimersHandler, IReadOnlyList<WaitingTimerView>>(h => h.WaitingAsync());
        waiting.ShouldHaveSingleItem().LastError.ShouldBe(timer.LastError);
    }

    private static Task<TimerRound> FireAsync(TestApp app, string node) =>
        app.RunAsync<FireDueTimersHandler, TimerRound>(h => h.HandleAsync(node));

    // Opens a concern about S001 on the latest version and answers its checklist, which leaves it at the timer.
    private static async Task<Guid> ToTimerAsync(TestApp app)
    {
        var concernId = await app.OpenConcernAsync("S001", SmallTrust.LineManager);
        await app.AnswerChecklistAsync(concernId, SmallTrust.LineManager, SmallTrust.PathTo('D'));
        return concernId;
    }

    // Version 2 of the triage definition: every checklist outcome waits at a two-day cooling-off timer before the
    // review (and, for the failure test, runs one more activity after it).
    private void WriteVersion2(JsonObject? afterTimer)
    {
        var definition = JsonNode.Parse(File.ReadAllText(Path.Combine(_workflows, "just-culture-triage.json")))!.AsObject();
        definition["version"] = 2;
        definition["id"] = "just-culture-triage-v2";
        var root = definition["root"]!.AsObject();
        var activities = root["activities"]!.AsArray();
        var connections = root["connections"]!.AsArray();
        foreach (var connection in connections)
        {
            var source = connection!["source"]!["activity"]!.GetValue<string>();
            if (source.StartsWith("outcome", StringComparison.Ordinal) && connection["target"]!["activity"]!.GetValue<string>() == "review")
            {
                connection["target"]!["activity"] = "cooling-off";
            }
        }

        activities.Add(new JsonObject
        {
            ["id"] = "cooling-off",
            ["name"] = "Cooling off",
            ["type"] = "Elsa.Delay",
            ["version"] = 1,
            ["timeSpan"] = new JsonObject
            {
                ["typeName"] = "TimeSpan",
                ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = CoolingOff.ToString("c") },
            },
        });
        var next = "cooling-off";
        if (afterTimer is not null)
        {
            activities.Add(afterTimer);
            connections.Add(Connect(next, afterTimer["id"]!.GetValue<string>()));
            next = afterTimer["id"]!.GetValue<string>();
        }

        connections.Add(Connect(next, "review"));
        File.WriteAllText(Path.Combine(_workflows, "just-culture-triage.v2.json"), definition.ToJsonString());

        static JsonObject Connect(string from, string to) => new()
        {
            ["source"] = new JsonObject { ["activity"] = from, ["port"] = "Done" },
            ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
        };
    }
}

public sealed class SqliteDurableTimerTests : DurableTimerTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresDurableTimerTests : DurableTimerTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
