using JustCulture.Application.Ambassadors;
using JustCulture.Application.Common;
using JustCulture.Domain.Concerns;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Application.Tests.Care;

/// <summary>
/// The cultural-ambassador rule on the review's formal route: S002 (ethnic code N) is BME and S001 (A) is white,
/// both raised by lm1 and reviewed by cm1. With the setting on, the BME case needs an invited ambassador's
/// observations before a formal investigation; the white case and any case with the setting off do not.
/// </summary>
public abstract class CulturalAmbassadorTests : IAsyncLifetime
{
    private const string Ambassador = "Ade Okafor";

    protected abstract TestProvider Provider { get; }

    private TestApp? App { get; set; }

    private async Task<TestApp> StartAsync(bool enabled)
    {
        App = await TestApp.StartWithSmallTrustAsync(Provider, services =>
            services.AddSingleton(enabled ? new AmbassadorRules(true, [Ambassador, "Priya Shah"]) : AmbassadorRules.Off));
        return App;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }

    private static async Task<(Guid ConcernId, Guid ReviewTask)> AtReviewAsync(TestApp app, string subject)
    {
        var concernId = await app.OpenConcernAsync(subject, SmallTrust.LineManager);
        await app.AnswerChecklistAsync(concernId, SmallTrust.LineManager, SmallTrust.PathTo('G'));
        return (concernId, (await app.NextTaskAsync(concernId)).TaskId);
    }

    private static Task FormalAsync(TestApp app, Guid task) =>
        app.CompleteAsync(task, SmallTrust.Reviewer, "FormalInvestigation", "Repeated serious departures from the protocol.", "Informal resolution was tried twice.");

    private static Task<ActionStage> StageAsync(TestApp app, Guid concernId) =>
        app.QueryAsync(db => db.ConcernActions.Where(a => a.ConcernId == concernId).Select(a => a.Stage).SingleAsync());

    private static Task<int> FormalEntriesAsync(TestApp app, Guid concernId) =>
        app.QueryAsync(db => db.DecisionLog.CountAsync(e => e.ConcernId == concernId && e.EventType == LogEventTypes.FormalInvestigationStarted));

    private static Task<AmbassadorDecided> InviteAsync(TestApp app, Guid concernId, string? ambassador = Ambassador, string by = SmallTrust.Reviewer) =>
        app.RunAsync<AmbassadorSteps, AmbassadorDecided>(h => h.InviteAsync(new InviteAmbassadorCommand(concernId, by, ambassador)));

    private static Task<AmbassadorDecided> ObserveAsync(TestApp app, Guid concernId, string? observations = "The account of the shift leaves out that the ward was two nurses short.") =>
        app.RunAsync<AmbassadorSteps, AmbassadorDecided>(h => h.RecordObservationsAsync(new RecordObservationsCommand(concernId, SmallTrust.Reviewer, observations)));

    [Fact]
    public async Task RefusesTheFormalRouteOnABmeCaseGivenNoAmbassador()
    {
        var app = await StartAsync(enabled: true);
        var (concernId, review) = await AtReviewAsync(app, "S002");

        var refused = await Should.ThrowAsync<UseCaseException>(() => FormalAsync(app, review));

        refused.Error.ShouldBe(UseCaseError.RuleViolated);
        refused.FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("Ambassador");
        refused.Message.ShouldContain("cultural ambassador must be invited");
        (await StageAsync(app, concernId)).ShouldBe(ActionStage.AwaitingReview);
        (await FormalEntriesAsync(app, concernId)).ShouldBe(0);
        (await app.QueryAsync(db => db.DecisionLog.CountAsync(e => e.ConcernId == concernId && e.EventType == LogEventTypes.ReviewDecided))).ShouldBe(0);
    }

    [Fact]
    public async Task RefusesTheFormalRouteGivenAnInvitedAmbassadorWithoutObservations()
    {
        var app = await StartAsync(enabled: true);
        var (concernId, review) = await AtReviewAsync(app, "S002");
        await InviteAsync(app, concernId);

        var refused = await Should.ThrowAsync<UseCaseException>(() => FormalAsync(app, review));

        refused.Message.ShouldContain("observations must be recorded");
        (await StageAsync(app, concernId)).ShouldBe(ActionStage.AwaitingReview);
    }

    [Fact]
    public async Task AllowsTheFormalRouteOnABmeCaseGivenObservationsRecorded()
    {
        var app = await StartAsync(enabled: true);
        var (concernId, review) = await AtReviewAsync(app, "S002");
        await InviteAsync(app, concernId);
        var observed = await ObserveAsync(app, concernId);

        await FormalAsync(app, review);

        observed.ObservationsRecorded.ShouldBeTrue();
        (await FormalEntriesAsync(app, concernId)).ShouldBe(1);
        var invited = (await app.OpenedEntriesAsync(log => log.Where(e => e.EventType == LogEventTypes.AmbassadorInvited))).ShouldHaveSingleItem();
        invited.Answer.ShouldBe("Invited");
        invited.Rationale.ShouldBe($"Ambassador: {Ambassador}");
        var observations = (await app.OpenedEntriesAsync(log => log.Where(e => e.EventType == LogEventTypes.AmbassadorObservationsRecorded))).ShouldHaveSingleItem();
        observations.Rationale!.ShouldContain("two nurses short");
    }

    [Fact]
    public async Task AllowsTheFormalRouteOnAWhiteCaseWithoutAnAmbassador()
    {
        var app = await StartAsync(enabled: true);
        var (concernId, review) = await AtReviewAsync(app, "S001");

        await FormalAsync(app, review);

        (await FormalEntriesAsync(app, concernId)).ShouldBe(1);
    }

    [Fact]
    public async Task AllowsTheFormalRouteOnABmeCaseGivenTheSettingOff()
    {
        var app = await StartAsync(enabled: false);
        var (concernId, review) = await AtReviewAsync(app, "S002");

        await FormalAsync(app, review);

        (await FormalEntriesAsync(app, concernId)).ShouldBe(1);
        (await Should.ThrowAsync<UseCaseException>(() => InviteAsync(app, concernId))).Error.ShouldBe(UseCaseError.RuleViolated);
    }

    [Fact]
    public async Task LeavesOtherRoutesOpenOnABmeCaseWithoutAnAmbassador()
    {
        var app = await StartAsync(enabled: true);
        var (concernId, review) = await AtReviewAsync(app, "S002");

        await app.CompleteAsync(review, SmallTrust.Reviewer, "Support", "Occupational health referral.");

        (await StageAsync(app, concernId)).ShouldNotBe(ActionStage.FormalInvestigation);
    }

    [Fact]
    public async Task RefusesAnAmbassadorNotOnTheListOrANonParty()
    {
        var app = await StartAsync(enabled: true);
        var (concernId, _) = await AtReviewAsync(app, "S002");

        (await Should.ThrowAsync<UseCaseException>(() => InviteAsync(app, concernId, "Someone untrained"))).FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("Ambassador");
        (await Should.ThrowAsync<UseCaseException>(() => InviteAsync(app, concernId, by: SmallTrust.ReviewerWhoManagesSubject))).Error.ShouldBe(UseCaseError.Forbidden);
        (await Should.ThrowAsync<UseCaseException>(() => ObserveAsync(app, concernId))).FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("Ambassador");
        (await app.QueryAsync(db => db.AmbassadorInvitations.CountAsync())).ShouldBe(0);
        (await app.QueryAsync(db => db.DecisionLog.CountAsync(e => e.EventType.StartsWith("Ambassador")))).ShouldBe(0);
    }
}

public sealed class SqliteCulturalAmbassadorTests : CulturalAmbassadorTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresCulturalAmbassadorTests : CulturalAmbassadorTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
