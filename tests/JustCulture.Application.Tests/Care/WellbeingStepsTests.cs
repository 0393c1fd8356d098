using JustCulture.Application.Cases;
using JustCulture.Application.Common;
using JustCulture.Application.Log;
using JustCulture.Application.Wellbeing;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Application.Tests.Care;

/// <summary>The wellbeing record on a case about S005 (raised by lm2): cm1 and cm2 are independent commissioning managers.</summary>
public abstract class WellbeingStepsTests : IAsyncLifetime
{
    protected abstract TestProvider Provider { get; }

    private TestApp App { get; set; } = null!;

    private FaultInjector LogFault { get; } = new("decision_log");

    public async Task InitializeAsync() => App = await TestApp.StartWithSmallTrustAsync(Provider, services => services.AddSingleton<IInterceptor>(LogFault));

    public async Task DisposeAsync() => await App.DisposeAsync();

    private DateOnly Today => DateOnly.FromDateTime(App.Clock.UtcNow);

    private async Task<Guid> CaseAsync()
    {
        var concernId = await App.OpenConcernAsync("S005", SmallTrust.OtherLineManager);
        await App.AnswerChecklistAsync(concernId, SmallTrust.OtherLineManager, SmallTrust.PathTo('G'));
        return concernId;
    }

    private Task<WellbeingDecided> RecordAsync(Guid concernId, string by = SmallTrust.Reviewer, string? contact = "Jo Bloggs, practice development nurse",
        bool occupationalHealth = true, bool employeeAssistance = false, bool union = true, DateOnly? nextDue = null, string? notes = "Accepted the RCN rep's support.",
        int? expectedVersion = null) =>
        App.RunAsync<WellbeingSteps, WellbeingDecided>(h => h.RecordAsync(new RecordWellbeingCommand(concernId, by, contact, occupationalHealth, employeeAssistance, union, notes,
            nextDue ?? Today.AddDays(7), expectedVersion)));

    private Task<WellbeingDecided> CheckInAsync(Guid concernId, DateOnly? heldOn = null, DateOnly? nextDue = null, string by = SmallTrust.Reviewer, string? heldBy = "Jo Bloggs") =>
        App.RunAsync<WellbeingSteps, WellbeingDecided>(h => h.CheckInAsync(new RecordCheckInCommand(concernId, by, heldOn ?? Today, heldBy, "Sleeping badly; OH appointment booked.",
            nextDue ?? Today.AddDays(14))));

    private Task<WellbeingView> ViewAsync(Guid concernId, string by) => App.RunAsync<CaseWellbeingHandler, WellbeingView>(h => h.HandleAsync(concernId, by));

    // Only the wellbeing flags: the case also carries its stage clock's flag, which these tests are not about.
    private Task<IReadOnlyList<CaseFlag>> FlagsAsync(Guid concernId) => App.RunAsync<CaseFlagsHandler, IReadOnlyList<CaseFlag>>(async h =>
        (await h.ForAsync([concernId])).TryGetValue(concernId, out var flags) ? [.. flags.Where(f => f.Code.StartsWith("wellbeing-", StringComparison.Ordinal))] : []);

    private Task<int> WellbeingEntriesAsync() => App.QueryAsync(db => db.DecisionLog.CountAsync(e => e.EventType.StartsWith("Wellbeing")));

    private static async Task<UseCaseException> RefusedAsync(UseCaseError expected, Func<Task> use)
    {
        var refused = await Should.ThrowAsync<UseCaseException>(use);
        refused.Error.ShouldBe(expected, refused.Message);
        return refused;
    }

    [Fact]
    public async Task RecordsContactAndOfferWithTheFreeTextSealed()
    {
        var concernId = await CaseAsync();

        var recorded = await RecordAsync(concernId);

        recorded.NextCheckInDue.ShouldBe(Today.AddDays(7));
        var view = await ViewAsync(concernId, SmallTrust.Reviewer);
        view.Recorded.ShouldBeTrue();
        view.ContactName.ShouldBe("Jo Bloggs, practice development nurse");
        (view.OccupationalHealthOffered, view.EmployeeAssistanceOffered, view.UnionOrStaffNetworkOffered).ShouldBe((true, false, true));
        view.CanRecord.ShouldBeTrue();
        var entry = (await App.OpenedEntriesAsync(log => log.Where(e => e.EventType == LogEventTypes.WellbeingSupportRecorded))).ShouldHaveSingleItem();
        entry.ConcernId.ShouldBe(concernId);
        entry.Answer.ShouldBe($"Support offered: occupational health, union or staff network contact; next check-in by {Today.AddDays(7):yyyy-MM-dd}");
        entry.Rationale!.ShouldContain("Jo Bloggs");
        // The stored row holds the name only sealed: the answer column has no name and the rationale is not plain text.
        var stored = await App.QueryAsync(db => db.DecisionLog.AsNoTracking().SingleAsync(e => e.EventType == LogEventTypes.WellbeingSupportRecorded));
        stored.Answer!.ShouldNotContain("Jo");
        (stored.Rationale ?? string.Empty).ShouldNotContain("Jo Bloggs");
        AuditorView.Answer(stored.EventType, stored.Answer).ShouldBe(entry.Answer);
        var verification = await App.RunAsync<VerifyLogHandler, LogVerification>(h => h.HandleAsync());
        verification.IsIntact.ShouldBeTrue(verification.Problem);
    }

    [Fact]
    public async Task LogsCheckInsAndMovesTheNextDue()
    {
        var concernId = await CaseAsync();
        await RecordAsync(concernId);

        var checkedIn = await CheckInAsync(concernId, nextDue: Today.AddDays(10));

        checkedIn.CheckIns.ShouldBe(1);
        checkedIn.NextCheckInDue.ShouldBe(Today.AddDays(10));
        var view = await ViewAsync(concernId, SmallTrust.OtherReviewer);
        var checkIn = view.CheckIns.ShouldHaveSingleItem();
        (checkIn.HeldOn, checkIn.HeldBy, checkIn.NextDue, checkIn.RecordedBy).ShouldBe((Today, "Jo Bloggs", Today.AddDays(10), SmallTrust.Reviewer));
        var entry = (await App.OpenedEntriesAsync(log => log.Where(e => e.EventType == LogEventTypes.WellbeingCheckInRecorded))).ShouldHaveSingleItem();
        entry.Answer.ShouldBe($"Held {Today:yyyy-MM-dd}; next check-in by {Today.AddDays(10):yyyy-MM-dd}");
        entry.Rationale!.ShouldContain("OH appointment booked");
    }

    [Fact]
    public async Task FlagsACaseReviewedWithNoWellbeingContactUntilOneIsRecorded()
    {
        var concernId = await CaseAsync();
        (await FlagsAsync(concernId)).ShouldBeEmpty("before its review a case has no route yet");

        await App.AnswerNextAsync(concernId, SmallTrust.Reviewer, "InformalResolution", "A facilitated conversation is proportionate.");

        var flag = (await FlagsAsync(concernId)).ShouldHaveSingleItem();
        flag.Code.ShouldBe("wellbeing-not-recorded");
        flag.Level.ShouldBe(CaseFlagLevel.Waiting);
        await RecordAsync(concernId);
        (await FlagsAsync(concernId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task FlagsAnOverdueCheckInUntilOneIsHeld()
    {
        var concernId = await CaseAsync();
        await RecordAsync(concernId, nextDue: Today.AddDays(3));
        (await FlagsAsync(concernId)).ShouldBeEmpty();

        App.Clock.Advance(TimeSpan.FromDays(4));

        var flag = (await FlagsAsync(concernId)).ShouldHaveSingleItem();
        flag.Code.ShouldBe("wellbeing-check-in-overdue");
        flag.Level.ShouldBe(CaseFlagLevel.Overdue);
        flag.Text.ShouldNotContain("Jo");
        (await ViewAsync(concernId, SmallTrust.Reviewer)).IsCheckInOverdue.ShouldBeTrue();

        await CheckInAsync(concernId);

        (await FlagsAsync(concernId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ShowsTheRecordOnlyToTheCasesParties()
    {
        var concernId = await CaseAsync();
        await RecordAsync(concernId);

        // The raiser may read it; no one else: another line manager, a commissioning manager in line management
        // above the person, the auditor and the administrator are refused before anything is read.
        (await ViewAsync(concernId, SmallTrust.OtherLineManager)).ContactName.ShouldNotBeNull();
        (await ViewAsync(concernId, SmallTrust.OtherLineManager)).CanRecord.ShouldBeFalse();
        foreach (var outsider in new[] { SmallTrust.LineManager, SmallTrust.ReviewerWhoManagesSubject, SmallTrust.Auditor, SmallTrust.Administrator })
        {
            await RefusedAsync(UseCaseError.Forbidden, () => ViewAsync(concernId, outsider));
        }

        await RefusedAsync(UseCaseError.Forbidden, () => RecordAsync(concernId, by: SmallTrust.OtherLineManager));
        await RefusedAsync(UseCaseError.Forbidden, () => CheckInAsync(concernId, by: SmallTrust.Auditor));
    }

    [Fact]
    public async Task RefusesBadInputKeyedByFieldAndWritesNothing()
    {
        var concernId = await CaseAsync();

        var refused = await RefusedAsync(UseCaseError.Invalid, () => RecordAsync(concernId, contact: " ", occupationalHealth: false, union: false, nextDue: Today));
        refused.FieldProblems.Select(p => p.Field).ShouldBe(["ContactName", "Support", "NextCheckInDue"], ignoreOrder: true);
        (await RefusedAsync(UseCaseError.Invalid, () => RecordAsync(concernId, nextDue: Today.AddDays(29)))).FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("NextCheckInDue");
        (await RefusedAsync(UseCaseError.RuleViolated, () => CheckInAsync(concernId))).FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("ContactName");
        await RecordAsync(concernId);
        (await RefusedAsync(UseCaseError.Invalid, () => CheckInAsync(concernId, heldOn: Today.AddDays(1)))).FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("HeldOn");
        (await RefusedAsync(UseCaseError.Invalid, () => CheckInAsync(concernId, heldBy: ""))).FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("HeldBy");

        (await App.QueryAsync(db => db.WellbeingCheckIns.CountAsync())).ShouldBe(0);
        (await WellbeingEntriesAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task RefusesAChangeFromAStalePage()
    {
        var concernId = await CaseAsync();
        var first = await RecordAsync(concernId);
        await RecordAsync(concernId, contact: "Sam Patel", expectedVersion: first.Version);

        await RefusedAsync(UseCaseError.Conflict, () => RecordAsync(concernId, contact: "Someone else", expectedVersion: first.Version));

        (await ViewAsync(concernId, SmallTrust.Reviewer)).ContactName.ShouldBe("Sam Patel");
    }

    [Fact]
    public async Task LeavesNothingGivenFailureWhileWritingLog()
    {
        var concernId = await CaseAsync();
        LogFault.Armed = true;

        await Should.ThrowAsync<Exception>(() => RecordAsync(concernId));

        LogFault.Armed = false;
        LogFault.Fired.ShouldBe(1);
        (await App.QueryAsync(db => db.WellbeingRecords.CountAsync())).ShouldBe(0);
        (await WellbeingEntriesAsync()).ShouldBe(0);
    }
}

public sealed class SqliteWellbeingStepsTests : WellbeingStepsTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresWellbeingStepsTests : WellbeingStepsTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
