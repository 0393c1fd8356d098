using JustCulture.Application.Common;
using JustCulture.Application.Demo;
using JustCulture.Domain.Concerns;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Tests.Demo;

/// <summary>Seeds the demo trust once (it takes a while) and checks it from several sides.</summary>
public sealed class SeededDemoTrust : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;

    public DemoSeedResult Result { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync(TestProvider.Sqlite);
        App.Clock.UtcNow = new DateTime(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);
        Result = await App.RunAsync<DemoSeeder, DemoSeedResult>(s => s.SeedAsync());
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class DemoSeederTests(SeededDemoTrust demo) : IClassFixture<SeededDemoTrust>
{
    private TestApp App => demo.App;

    [Fact]
    public void SeedsAboutSeventeenHundredStaffGivenEmptyDatabase() => demo.Result.Staff.ShouldBe(1700);

    [Fact]
    public async Task UsesEveryRouteAndLeavesCasesAtEveryStageGivenDemoSeed()
    {
        var routes = await App.QueryAsync(db => db.ConcernActions.Where(a => a.Route != null).Select(a => a.Route!.Value).Distinct().ToListAsync());
        routes.ShouldBe(Enum.GetValues<CaseRoute>(), ignoreOrder: true);
        var stages = await App.QueryAsync(db => db.ConcernActions.Select(a => a.Stage).Distinct().ToListAsync());
        stages.ShouldBe(Enum.GetValues<ActionStage>(), ignoreOrder: true);
        var resolutions = await App.QueryAsync(db => db.DecisionLog.Where(e => e.EventType == LogEventTypes.InformalResolutionRecorded).Select(e => e.Answer).Distinct().ToListAsync());
        resolutions.ShouldBe(["Resolved", "NotResolved"], ignoreOrder: true);
    }

    [Fact]
    public async Task RecordsWellbeingFormalOutcomesAndSurveysAroundTheCasesGivenDemoSeed()
    {
        // Every case that reached a review decision has a wellbeing contact and support offer, recorded before it.
        var reviewed = await App.QueryAsync(db => db.DecisionLog.Where(e => e.EventType == LogEventTypes.ReviewDecided).Select(e => e.ConcernId!.Value).Distinct().ToListAsync());
        var withWellbeing = await App.QueryAsync(db => db.WellbeingRecords.Select(w => w.ConcernId).ToListAsync());
        withWellbeing.ShouldBe(reviewed, ignoreOrder: true);
        (await App.QueryAsync(db => db.WellbeingRecords.SelectMany(w => w.CheckIns).CountAsync())).ShouldBeGreaterThan(0);

        // Formal investigations go on to conclusions and, where there is a case to answer, hearings.
        var started = await App.QueryAsync(db => db.DecisionLog.CountAsync(e => e.EventType == LogEventTypes.FormalInvestigationStarted));
        var concluded = await App.QueryAsync(db => db.DecisionLog.Where(e => e.EventType == LogEventTypes.InvestigationConcluded).Select(e => e.Answer).ToListAsync());
        concluded.Count.ShouldBeInRange(1, started);
        concluded.ShouldContain(a => a != null && a.StartsWith("NoCaseToAnswer", StringComparison.Ordinal));
        (await App.QueryAsync(db => db.DecisionLog.CountAsync(e => e.EventType == LogEventTypes.HearingHeld))).ShouldBeGreaterThan(0);

        // Closed cases are offered the survey once; answers are kept apart from the cases, by group and year only.
        var closed = await App.QueryAsync(db => db.Concerns.CountAsync(c => c.Status == ConcernStatus.Closed));
        var offered = await App.QueryAsync(db => db.FairnessSurveyInvitations.CountAsync());
        offered.ShouldBeInRange(closed - 10, closed);
        var answered = await App.QueryAsync(db => db.FairnessSurveyResponses.CountAsync());
        answered.ShouldBeInRange(offered / 3, offered);
        (await App.QueryAsync(db => db.FairnessSurveyInvitations.CountAsync(i => i.Used))).ShouldBe(answered);
    }

    [Fact]
    public async Task HasUsersForEveryRoleGivenDemoSeed()
    {
        var roles = await App.QueryAsync(db => db.Users.Select(u => u.Role).Distinct().ToListAsync());
        roles.Count.ShouldBe(4);
        demo.Result.Accounts.Select(a => a.UserId).ShouldBe(
            [DemoSeeder.AdministratorAccount, DemoSeeder.AuditorAccount, DemoSeeder.CommissioningAccount, DemoSeeder.LineManagerAccount], ignoreOrder: true);
    }

    [Fact]
    public async Task SpreadsCasesOverSeveralReportingYearsWithSnapshotsGivenDemoSeed()
    {
        var years = await App.QueryAsync(db => db.HeadcountSnapshots.Select(h => h.Year).Distinct().OrderBy(y => y).ToListAsync());
        years.ShouldBe(["2023-24", "2024-25", "2025-26", "2026-27"]);
        var opened = await App.QueryAsync(db => db.Concerns.Select(c => c.OpenedAtUtc).ToListAsync());
        opened.Min().ShouldBeLessThan(new DateTime(2024, 7, 1, 0, 0, 0, DateTimeKind.Utc));
        opened.Max().ShouldBeGreaterThan(new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task LeavesAnIntactLogGivenDemoSeed()
    {
        var verification = await App.RunAsync<Log.VerifyLogHandler, LogVerification>(h => h.HandleAsync());
        verification.IsIntact.ShouldBeTrue(verification.Problem);
        verification.EntriesChecked.ShouldBeGreaterThan(1000);
    }

    [Fact]
    public async Task RefusesGivenDatabaseAlreadySeeded()
    {
        var refusal = await Should.ThrowAsync<UseCaseException>(() => App.RunAsync<DemoSeeder, DemoSeedResult>(s => s.SeedAsync()));
        refusal.Error.ShouldBe(UseCaseError.Conflict);
    }

    [Fact]
    public async Task WalksThreeConcernsToThreeRoutesGivenSeededTrust()
    {
        var said = new List<string>();
        var before = await App.QueryAsync(db => db.Concerns.CountAsync());

        await App.RunAsync<DemoWalkthrough, bool>(async w =>
        {
            await w.RunAsync(line =>
            {
                said.Add(line);
                return Task.CompletedTask;
            });
            return true;
        });

        var walked = await App.QueryAsync(db => db.Concerns.Include(c => c.Actions).OrderByDescending(c => c.OpenedAtUtc).ThenBy(c => c.Summary).Take(3).ToListAsync());
        (await App.QueryAsync(db => db.Concerns.CountAsync())).ShouldBe(before + 3);
        walked.Select(c => c.Actions.Single().Route).ShouldBe([CaseRoute.SystemLearning, CaseRoute.Support, CaseRoute.FormalInvestigation], ignoreOrder: true);
        said.ShouldContain(line => line.Contains("final status Formal investigation", StringComparison.Ordinal));
    }
}
