using JustCulture.Application.Common;
using JustCulture.Application.Log;
using JustCulture.Application.Retention;
using JustCulture.Domain;
using JustCulture.Persistence.Checklist;
using JustCulture.Persistence.DecisionLog;
using JustCulture.Persistence.DecisionLog.PersonalData;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Application.Tests.Retention;

public abstract class RunRetentionTests : RetentionTestBase
{
    // In 2024-25, the year of the small trust's headcount snapshot; the review lands in 2025-26, which has none.
    private static readonly DateTime January2025 = new(2025, 1, 10, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Due = new(2032, 1, 1);

    private const string Rationale = "Considered the system first.";

    /// <summary>A case about S001 opened in 2024-25 and reviewed (and closed) in 2025-26.</summary>
    private async Task<Guid> ClosedAcrossTwoYearsAsync()
    {
        App.Clock.UtcNow = January2025;
        var concernId = await OpenToReviewAsync("S001");
        App.Clock.UtcNow = new DateTime(2025, 6, 2, 9, 0, 0, DateTimeKind.Utc);
        await App.AnswerNextAsync(concernId, SmallTrust.Reviewer, "NoFurtherAction", Rationale);
        return concernId;
    }

    private Task<List<DecisionLogEntry>> ErasureEntriesAsync() =>
        App.QueryAsync(db => db.DecisionLog.Where(e => e.EventType == LogEventTypes.PersonalDataErased).ToListAsync());

    [Fact]
    public async Task ErasesThePersonDueAndLeavesEveryoneElseGivenOneDue()
    {
        var due = await ClosedAcrossTwoYearsAsync();
        var alsoDue = await ClosedAtAsync("S001", January2025.AddDays(1));
        var recent = await ClosedAtAsync("S002", new DateTime(2030, 1, 1, 10, 0, 0, DateTimeKind.Utc));

        var result = await RunAsync(Due);

        var erasure = result.Erasures.ShouldHaveSingleItem();
        erasure.StaffRef.ShouldBe("S001");
        erasure.CaseReferences.Count.ShouldBe(2);
        result.DryRun.ShouldBeFalse();
        var keys = await App.QueryAsync(db => db.CaseDataKeys.AsNoTracking().ToDictionaryAsync(k => k.ConcernId));
        keys[due].WrappedKey.ShouldBeNull();
        keys[due].ErasedAtUtc.ShouldNotBeNull();
        keys[alsoDue].WrappedKey.ShouldBeNull();
        keys[recent].WrappedKey.ShouldNotBeNull();
        var untouched = await App.QueryAsync(db => db.Concerns.AsNoTracking().SingleAsync(c => c.Id == recent));
        untouched.SubjectStaffRef.ShouldBe("S002");
        untouched.Summary.ShouldBe("Something happened on the ward");
        (await DueAsync(Due)).ShouldBeEmpty();
    }

    [Fact]
    public async Task LeavesNoPersonalTextInTheCaseTablesGivenAnErasure()
    {
        var concernId = await ClosedAcrossTwoYearsAsync();
        var instanceId = await App.QueryAsync(db => db.ConcernActions.Where(a => a.ConcernId == concernId).Select(a => a.WorkflowInstanceId).SingleAsync());
        // What a definition could keep in its variables, and a draft left behind: both must go.
        await App.QueryAsync(async db =>
        {
            await db.WorkflowInstances.Where(w => w.Id == instanceId).ExecuteUpdateAsync(s => s.SetProperty(w => w.VariablesJson, """{"note":"Staff One was upset"}"""));
            db.ChecklistDrafts.Add(new ChecklistDraftRecord { WorkflowInstanceId = instanceId, UserId = SmallTrust.LineManager, DefinitionId = "x", DefinitionSha256 = "y", AnswersJson = """{"q":"Staff One"}""" });
            return await db.SaveChangesAsync();
        });

        await RunAsync(Due);

        var concern = await App.QueryAsync(db => db.Concerns.AsNoTracking().Include(c => c.Actions).SingleAsync(c => c.Id == concernId));
        concern.Summary.ShouldBe("Erased at the end of its retention period");
        concern.SubjectStaffRef.ShouldMatch("^erased:[0-9a-f]{16}$");
        concern.RaisedByStaffRef.ShouldBeNull();
        concern.SubjectChainAtRaising.ShouldBeNull();
        concern.RaiserChainAtRaising.ShouldBeNull();
        var action = concern.Actions.ShouldHaveSingleItem();
        action.Description.ShouldBe("Erased at the end of its retention period");
        action.InformalAgreedActions.ShouldBeNull();
        (await App.QueryAsync(db => db.WorkflowInstances.Where(w => w.Id == instanceId).Select(w => w.VariablesJson).SingleAsync())).ShouldBe("{}");
        (await App.QueryAsync(db => db.ChecklistDrafts.CountAsync())).ShouldBe(0);
        // And the log's copies of the personal fields can no longer be opened by anyone.
        var entries = await App.QueryAsync(db => db.DecisionLog.AsNoTracking().Where(e => e.ConcernId == concernId && e.EventType != LogEventTypes.PersonalDataErased).ToListAsync());
        await using var scope = App.Services.CreateAsyncScope();
        var keyring = await scope.ServiceProvider.GetRequiredService<CaseDataProtector>()
            .KeyringAsync(scope.ServiceProvider.GetRequiredService<Persistence.JustCultureDbContext>(), [concernId]);
        entries.ShouldNotBeEmpty();
        entries.ShouldAllBe(e => keyring.Open(e).Erased && keyring.Open(e).Rationale == null && keyring.Open(e).SubjectStaffRef == null);
        entries.ShouldAllBe(e => e.Rationale == null || !e.Rationale.Contains(Rationale));
    }

    [Fact]
    public async Task ClearsASuspensionsFreeTextGivenAnErasure()
    {
        var concernId = await ClosedAcrossTwoYearsAsync();
        var suspensionId = await App.QueryAsync(async db =>
        {
            var proposer = await db.Users.SingleAsync(u => u.UserId == SmallTrust.Reviewer);
            var today = UkDates.UkDateOf(App.Clock.UtcNow);
            var suspension = JustCulture.Domain.Suspensions.Suspension.Propose(concernId, JustCulture.Domain.Suspensions.SuspensionKind.RestrictionOfDuties,
                "Staff One was seen taking drugs",
                [
                    (JustCulture.Domain.Suspensions.SuspensionAlternative.Redeployment, null, "Staff One's ward has no other post"),
                    (JustCulture.Domain.Suspensions.SuspensionAlternative.Supervision, null, "Nobody can supervise Staff One at night"),
                    (JustCulture.Domain.Suspensions.SuspensionAlternative.Other, "Work at Staff One's other site", "Staff One refused"),
                ],
                today.AddDays(3), proposer, today, 14, App.Clock.UtcNow);
            suspension.End(proposer, "Staff One was cleared", App.Clock.UtcNow);
            db.Suspensions.Add(suspension);
            await db.SaveChangesAsync();
            return suspension.Id;
        });

        await RunAsync(Due);

        var cleared = await App.QueryAsync(db => db.Suspensions.AsNoTracking().Include(x => x.Alternatives).SingleAsync(x => x.Id == suspensionId));
        cleared.Reason.ShouldBe(PersonalDataClearing.ErasedText);
        cleared.EndReason.ShouldBe(PersonalDataClearing.ErasedText);
        cleared.ProposedByStaffRef.ShouldBeNull();
        cleared.Alternatives.Count.ShouldBe(3);
        cleared.Alternatives.ShouldAllBe(a => a.WhyNot == PersonalDataClearing.ErasedText);
        cleared.Alternatives.Single(a => a.Description != null).Description.ShouldBe(PersonalDataClearing.ErasedText);
        cleared.Status.ShouldBe(JustCulture.Domain.Suspensions.SuspensionStatus.Ended);
    }

    [Fact]
    public async Task RecordsOneErasureEntryPerCaseWithThePseudonymAndFrozenGroupsGivenTwoCases()
    {
        var across = await ClosedAcrossTwoYearsAsync();
        var second = await ClosedAtAsync("S001", January2025.AddDays(1));

        var result = await RunAsync(Due);

        var entries = await ErasureEntriesAsync();
        entries.Select(e => e.ConcernId).ShouldBe([across, second], ignoreOrder: true);
        var pseudonym = result.Erasures.Single().Pseudonym.ShouldNotBeNull();
        pseudonym.ShouldMatch("^erased:[0-9a-f]{16}$");
        entries.ShouldAllBe(e => e.SubjectStaffRef == pseudonym);
        // Snapshot where the year has one with the person in it, the staff record where it has none.
        entries.ShouldAllBe(e => e.Answer == "2024-25=White/Snapshot;2025-26=White/StaffRecord");
        entries.ShouldAllBe(e => e.Question == "Personal data erased at the end of its retention period");
        entries.ShouldAllBe(e => e.Rationale == null && e.InformalNotAppropriate == null);
        entries.ShouldAllBe(e => e.ActorId == SmallTrust.Administrator && e.ActorRole == "Administrator");
        (await App.QueryAsync(db => db.Concerns.Where(c => c.Id == across || c.Id == second).Select(c => c.SubjectStaffRef).Distinct().ToListAsync()))
            .ShouldBe([pseudonym]);

        var recorded = (await App.RunAsync<RetentionErasuresHandler, IReadOnlyList<RecordedErasure>>(h => h.HandleAsync())).ShouldHaveSingleItem();
        recorded.Pseudonym.ShouldBe(pseudonym);
        recorded.CaseReferences.Count.ShouldBe(2);
        FrozenGroupWords.Describe(recorded.FrozenGroups).ShouldBe(["2024-25: White (that year's headcount snapshot)", "2025-26: White (the staff record)"]);

        await App.CheckpointAsync();
        var verification = await App.RunAsync<VerifyLogHandler, LogVerification>(h => h.HandleAsync());
        verification.IsIntact.ShouldBeTrue(verification.Problem);
    }

    [Fact]
    public async Task RefusesEveryStepAndReadWithAConflictGivenTheCaseErased()
    {
        var concernId = await ClosedAcrossTwoYearsAsync();
        await RunAsync(Due);

        var unblind = await RefusedAsync(UseCaseError.Conflict, () => UnblindAsync(concernId, "Needed for the panel."));
        unblind.Message.ShouldStartWith("This case's personal data was erased on ");
        unblind.Message.ShouldContain(JustCulture.Domain.UkDates.Date(App.Clock.UtcNow));
        (await RefusedAsync(UseCaseError.Conflict, () => CaseAsync(concernId))).Message.ShouldStartWith("This case's personal data was erased on ");
        var erased = await App.RunAsync<JustCulture.Application.Cases.ErasedCaseHandler, JustCulture.Application.Cases.ErasedCaseView?>(h => h.FindAsync(concernId));
        erased.ShouldNotBeNull().Reference.ShouldBe(JustCulture.Domain.Concerns.CaseReference.Of(concernId));
        (await App.QueryAsync(db => db.DecisionLog.CountAsync(e => e.ConcernId == concernId && e.EventType == LogEventTypes.CaseUnblinded))).ShouldBe(0);
    }

    [Fact]
    public async Task WritesNothingAndSaysWhatItWouldEraseGivenADryRun()
    {
        var concernId = await ClosedAcrossTwoYearsAsync();
        var entriesBefore = await App.QueryAsync(db => db.DecisionLog.CountAsync());

        var result = await RunAsync(Due, dryRun: true);

        result.DryRun.ShouldBeTrue();
        var erasure = result.Erasures.ShouldHaveSingleItem();
        erasure.StaffRef.ShouldBe("S001");
        erasure.Pseudonym.ShouldBeNull();
        erasure.Groups.Select(g => g.Stored).ShouldBe(["2024-25=White/Snapshot", "2025-26=White/StaffRecord"]);
        (await App.QueryAsync(db => db.DecisionLog.CountAsync())).ShouldBe(entriesBefore);
        (await App.QueryAsync(db => db.CaseDataKeys.CountAsync(k => k.WrappedKey == null))).ShouldBe(0);
        (await App.QueryAsync(db => db.Concerns.SingleAsync(c => c.Id == concernId))).SubjectStaffRef.ShouldBe("S001");
        (await DueAsync(Due)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task RefusesGivenAnActorWhoIsNotAnAdministrator()
    {
        await ClosedAcrossTwoYearsAsync();

        await RefusedAsync(UseCaseError.Forbidden, () => RunAsync(Due, actor: new Actor(SmallTrust.Auditor, "Auditor")));

        (await ErasureEntriesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task FreezesNotStatedFromTheStaffRecordGivenAPersonWithNoEthnicityRecorded()
    {
        App.Clock.UtcNow = new DateTime(2025, 6, 2, 9, 0, 0, DateTimeKind.Utc);
        await RoutedAsync("S004", 'G', "NoFurtherAction");

        await RunAsync(Due);

        (await ErasureEntriesAsync()).ShouldHaveSingleItem().Answer.ShouldBe("2025-26=NotStated/StaffRecord");
    }
}

public sealed class SqliteRunRetentionTests : RunRetentionTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresRunRetentionTests : RunRetentionTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
