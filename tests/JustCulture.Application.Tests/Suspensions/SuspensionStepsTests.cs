using JustCulture.Application.Cases;
using JustCulture.Application.Common;
using JustCulture.Application.Log;
using JustCulture.Application.Suspensions;
using JustCulture.Domain.Suspensions;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Application.Tests.Suspensions;

/// <summary>
/// Suspension decisions on a case about S005 (raised by lm2): cm1, cm2 and cmsubj are each independent of it;
/// cm1 and cm2 are the named approvers, cmsubj is a commissioning manager who is not.
/// </summary>
public abstract class SuspensionStepsTests : IAsyncLifetime
{
    private const string NotApprover = SmallTrust.ReviewerWhoIsSubject;

    protected abstract TestProvider Provider { get; }

    private TestApp App { get; set; } = null!;

    private FaultInjector LogFault { get; } = new("decision_log");

    public async Task InitializeAsync() => App = await TestApp.StartWithSmallTrustAsync(Provider, services =>
    {
        services.AddSingleton<IInterceptor>(LogFault);
        services.AddSingleton(new SuspensionRules(14, [SmallTrust.Reviewer, SmallTrust.OtherReviewer]));
    });

    public async Task DisposeAsync() => await App.DisposeAsync();

    private DateOnly Today => DateOnly.FromDateTime(App.Clock.UtcNow);

    private async Task<Guid> CaseAsync()
    {
        var concernId = await App.OpenConcernAsync("S005", SmallTrust.OtherLineManager);
        await App.AnswerChecklistAsync(concernId, SmallTrust.OtherLineManager, SmallTrust.PathTo('G'));
        return concernId;
    }

    private static IReadOnlyList<AlternativeInput> Considered() =>
    [
        new(SuspensionAlternative.Redeployment, null, "No post away from patients is free in the directorate."),
        new(SuspensionAlternative.Supervision, null, "The allegation is about unsupervised night shifts; no supervisor is available at night."),
        new(SuspensionAlternative.RestrictedDuties, null, "Every duty of the role involves the medicines in question."),
    ];

    private Task<SuspensionDecided> ProposeAsync(Guid concernId, string by = SmallTrust.Reviewer, DateOnly? reviewDate = null,
        IReadOnlyList<AlternativeInput>? alternatives = null, string? reason = "Alleged diversion of controlled drugs; patients at risk.", SuspensionKind? kind = SuspensionKind.Suspension) =>
        App.RunAsync<SuspensionSteps, SuspensionDecided>(h => h.ProposeAsync(new ProposeSuspensionCommand(concernId, by, kind, reason, alternatives ?? Considered(), reviewDate ?? Today.AddDays(14))));

    private Task<SuspensionDecided> DecideAsync(Guid suspensionId, string by, bool approve = true, string? reason = null, int? expectedVersion = null) =>
        App.RunAsync<SuspensionSteps, SuspensionDecided>(h => h.DecideAsync(new DecideSuspensionCommand(suspensionId, by, approve, reason, expectedVersion)));

    private Task<SuspensionDecided> ContinueAsync(Guid suspensionId, string by, DateOnly? reviewDate, string? rationale = "The investigation has not yet interviewed the pharmacy team.") =>
        App.RunAsync<SuspensionSteps, SuspensionDecided>(h => h.ProposeContinuationAsync(new ProposeContinuationCommand(suspensionId, by, rationale, reviewDate)));

    private Task<SuspensionDecided> EndAsync(Guid suspensionId, string by, string? reason = "Investigation found no case to answer.") =>
        App.RunAsync<SuspensionSteps, SuspensionDecided>(h => h.EndAsync(new EndSuspensionCommand(suspensionId, by, reason)));

    private Task<List<DecisionLogEntry>> EntriesAsync(string eventType) => App.OpenedEntriesAsync(log => log.Where(e => e.EventType == eventType));

    private Task<int> SuspensionEntriesAsync() => App.QueryAsync(db => db.DecisionLog.CountAsync(e => e.EventType.StartsWith("Suspension")));

    private Task<Suspension> StoredAsync(Guid id) => App.QueryAsync(db => db.Suspensions.AsNoTracking().Include(s => s.Alternatives).SingleAsync(s => s.Id == id));

    /// <summary>The case's suspension flags (its stage clocks flag too: docs/domain/case-clocks.md).</summary>
    private Task<IReadOnlyList<CaseFlag>> FlagsAsync(Guid concernId) => App.RunAsync<CaseFlagsHandler, IReadOnlyList<CaseFlag>>(async h =>
        (await h.ForAsync([concernId])).TryGetValue(concernId, out var flags) ? flags.Where(f => f.Code.StartsWith("suspension-", StringComparison.Ordinal)).ToList() : []);

    private static async Task<UseCaseException> RefusedAsync(UseCaseError expected, Func<Task> use)
    {
        var refused = await Should.ThrowAsync<UseCaseException>(use);
        refused.Error.ShouldBe(expected, refused.Message);
        return refused;
    }

    private async Task VerifiedAsync()
    {
        var verification = await App.RunAsync<VerifyLogHandler, LogVerification>(h => h.HandleAsync());
        verification.IsIntact.ShouldBeTrue(verification.Problem);
    }

    [Fact]
    public async Task TakesEffectOnlyWhenASecondNamedApproverApproves()
    {
        var concernId = await CaseAsync();

        var proposed = await ProposeAsync(concernId);

        proposed.Status.ShouldBe(SuspensionStatus.AwaitingApproval);
        var stored = await StoredAsync(proposed.SuspensionId);
        stored.ProposedByUserId.ShouldBe(SmallTrust.Reviewer);
        stored.ProposedByStaffRef.ShouldBe("H001");
        stored.Alternatives.Select(a => a.Alternative).ShouldBe([SuspensionAlternative.Redeployment, SuspensionAlternative.Supervision, SuspensionAlternative.RestrictedDuties]);
        (await FlagsAsync(concernId)).ShouldHaveSingleItem().Code.ShouldBe("suspension-awaiting-approval");
        var entry = (await EntriesAsync(LogEventTypes.SuspensionProposed)).ShouldHaveSingleItem();
        entry.ConcernId.ShouldBe(concernId);
        entry.ActorId.ShouldBe(SmallTrust.Reviewer);
        entry.Answer.ShouldBe($"Suspension; review by {Today.AddDays(14):yyyy-MM-dd}");
        entry.Rationale!.ShouldContain("Redeployment: No post away from patients");

        var approved = await DecideAsync(proposed.SuspensionId, SmallTrust.OtherReviewer);

        approved.Status.ShouldBe(SuspensionStatus.InForce);
        (await StoredAsync(proposed.SuspensionId)).ApprovedByUserId.ShouldBe(SmallTrust.OtherReviewer);
        var approval = (await EntriesAsync(LogEventTypes.SuspensionApproved)).ShouldHaveSingleItem();
        approval.ActorId.ShouldBe(SmallTrust.OtherReviewer);
        approval.ActorRole.ShouldBe("CommissioningManager");
        (await FlagsAsync(concernId)).ShouldHaveSingleItem().Code.ShouldBe("suspension-in-force");
        await VerifiedAsync();
    }

    [Fact]
    public async Task RefusesTheProposerApprovingTheirOwn()
    {
        var concernId = await CaseAsync();
        var proposed = await ProposeAsync(concernId);

        var refused = await RefusedAsync(UseCaseError.Forbidden, () => DecideAsync(proposed.SuspensionId, SmallTrust.Reviewer));

        refused.FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("Approver");
        refused.Message.ShouldContain("You proposed this");
        (await StoredAsync(proposed.SuspensionId)).Status.ShouldBe(SuspensionStatus.AwaitingApproval);
        (await EntriesAsync(LogEventTypes.SuspensionApproved)).ShouldBeEmpty();
    }

    [Fact]
    public async Task RefusesApprovalByAnyoneNotNamedOrNotIndependent()
    {
        var concernId = await CaseAsync();
        var proposed = await ProposeAsync(concernId);

        (await RefusedAsync(UseCaseError.Forbidden, () => DecideAsync(proposed.SuspensionId, NotApprover))).FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("Approver");
        // Above the person concerned in line management: the review's own independence rule refuses before anything is shown.
        await RefusedAsync(UseCaseError.Forbidden, () => DecideAsync(proposed.SuspensionId, SmallTrust.ReviewerWhoManagesSubject));
        await RefusedAsync(UseCaseError.Forbidden, () => DecideAsync(proposed.SuspensionId, SmallTrust.OtherLineManager));

        (await EntriesAsync(LogEventTypes.SuspensionApproved)).ShouldBeEmpty();
    }

    [Fact]
    public async Task RefusesAProposerWhoIsNotIndependentOfTheCase()
    {
        var concernId = await CaseAsync();

        await RefusedAsync(UseCaseError.Forbidden, () => ProposeAsync(concernId, SmallTrust.ReviewerWhoManagesSubject));
        await RefusedAsync(UseCaseError.Forbidden, () => ProposeAsync(concernId, SmallTrust.OtherLineManager));

        (await App.QueryAsync(db => db.Suspensions.CountAsync())).ShouldBe(0);
        (await SuspensionEntriesAsync()).ShouldBe(0);
    }

    [Theory]
    [InlineData(-1, "The review date must be after today.")]
    [InlineData(0, "The review date must be after today.")]
    [InlineData(15, "no more than 14 days ahead")]
    public async Task RefusesAReviewDateInThePastOrBeyondTheLimit(int daysAhead, string message)
    {
        var concernId = await CaseAsync();

        var refused = await RefusedAsync(UseCaseError.Invalid, () => ProposeAsync(concernId, reviewDate: Today.AddDays(daysAhead)));

        var problem = refused.FieldProblems.ShouldHaveSingleItem();
        problem.Field.ShouldBe(nameof(ProposeSuspensionCommand.ReviewDate));
        problem.Message.ShouldContain(message);
        (await App.QueryAsync(db => db.Suspensions.CountAsync())).ShouldBe(0);
        (await SuspensionEntriesAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task RefusesMissingAlternativesAndReasonNamingEachField()
    {
        var concernId = await CaseAsync();

        var refused = await RefusedAsync(UseCaseError.Invalid, () => ProposeAsync(concernId, alternatives:
            [new(SuspensionAlternative.Redeployment, null, "No post free."), new(SuspensionAlternative.Supervision, null, "  ")], reason: " "));

        refused.FieldProblems.Select(p => p.Field).ShouldBe(["Reason", "Alternatives.Supervision", "Alternatives.RestrictedDuties"], ignoreOrder: true);
        var other = await RefusedAsync(UseCaseError.Invalid, () => ProposeAsync(concernId, alternatives: [.. Considered(), new(SuspensionAlternative.Other, null, "Not workable.")]));
        other.FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("Alternatives.Other.Description");
        (await App.QueryAsync(db => db.Suspensions.CountAsync())).ShouldBe(0);
        (await App.QueryAsync(db => db.SuspensionAlternatives.CountAsync())).ShouldBe(0);
        (await SuspensionEntriesAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task AsksLessForARestrictionOfDuties()
    {
        var concernId = await CaseAsync();

        var refused = await RefusedAsync(UseCaseError.Invalid, () => ProposeAsync(concernId, kind: SuspensionKind.RestrictionOfDuties));
        refused.FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("Alternatives.RestrictedDuties");

        var proposed = await ProposeAsync(concernId, kind: SuspensionKind.RestrictionOfDuties, alternatives: Considered().Take(2).ToList());
        (await StoredAsync(proposed.SuspensionId)).Kind.ShouldBe(SuspensionKind.RestrictionOfDuties);
    }

    [Fact]
    public async Task RefusesApprovingTwice()
    {
        var concernId = await CaseAsync();
        var proposed = await ProposeAsync(concernId);
        await DecideAsync(proposed.SuspensionId, SmallTrust.OtherReviewer);

        await RefusedAsync(UseCaseError.Conflict, () => DecideAsync(proposed.SuspensionId, SmallTrust.OtherReviewer));

        (await EntriesAsync(LogEventTypes.SuspensionApproved)).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task RefusesASecondOpenProposalOnTheSameCase()
    {
        var concernId = await CaseAsync();
        await ProposeAsync(concernId);

        await RefusedAsync(UseCaseError.Conflict, () => ProposeAsync(concernId, SmallTrust.OtherReviewer));

        (await App.QueryAsync(db => db.Suspensions.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task ExactlyOneOfTwoApproversAtOnceSucceeds()
    {
        var concernId = await CaseAsync();
        var proposed = await ProposeAsync(concernId, NotApprover);

        var outcomes = await Task.WhenAll(new[] { SmallTrust.Reviewer, SmallTrust.OtherReviewer }.Select(approver => Task.Run(async () =>
        {
            try
            {
                await DecideAsync(proposed.SuspensionId, approver);
                return (UseCaseError?)null;
            }
            catch (UseCaseException refused)
            {
                return refused.Error;
            }
        })));

        outcomes.Count(o => o is null).ShouldBe(1);
        outcomes.Count(o => o == UseCaseError.Conflict).ShouldBe(1);
        (await EntriesAsync(LogEventTypes.SuspensionApproved)).ShouldHaveSingleItem();
        (await StoredAsync(proposed.SuspensionId)).Status.ShouldBe(SuspensionStatus.InForce);
        await VerifiedAsync();
    }

    [Fact]
    public async Task ContinuesAtAReviewOnlyWithASecondApproval()
    {
        var concernId = await CaseAsync();
        var proposed = await ProposeAsync(concernId, NotApprover);
        await DecideAsync(proposed.SuspensionId, SmallTrust.OtherReviewer);
        App.Clock.Advance(TimeSpan.FromDays(13));

        await RefusedAsync(UseCaseError.Invalid, () => ContinueAsync(proposed.SuspensionId, SmallTrust.Reviewer, Today.AddDays(15)));
        await RefusedAsync(UseCaseError.Invalid, () => ContinueAsync(proposed.SuspensionId, SmallTrust.Reviewer, Today.AddDays(7), rationale: null));
        await ContinueAsync(proposed.SuspensionId, SmallTrust.Reviewer, Today.AddDays(14));
        await RefusedAsync(UseCaseError.Conflict, () => ContinueAsync(proposed.SuspensionId, SmallTrust.OtherReviewer, Today.AddDays(10)));
        (await FlagsAsync(concernId)).ShouldHaveSingleItem().Code.ShouldBe("suspension-continuation-awaiting-approval");
        (await RefusedAsync(UseCaseError.Forbidden, () => DecideAsync(proposed.SuspensionId, SmallTrust.Reviewer))).FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("Approver");
        (await StoredAsync(proposed.SuspensionId)).ReviewDate.ShouldBe(Today.AddDays(1));

        var continued = await DecideAsync(proposed.SuspensionId, SmallTrust.OtherReviewer);

        continued.ReviewDate.ShouldBe(Today.AddDays(14));
        var stored = await StoredAsync(proposed.SuspensionId);
        stored.ReviewsHeld.ShouldBe(1);
        stored.PendingReviewDate.ShouldBeNull();
        (await EntriesAsync(LogEventTypes.SuspensionContinuationProposed)).ShouldHaveSingleItem().ActorId.ShouldBe(SmallTrust.Reviewer);
        (await EntriesAsync(LogEventTypes.SuspensionContinued)).ShouldHaveSingleItem().ActorId.ShouldBe(SmallTrust.OtherReviewer);
        await VerifiedAsync();
    }

    [Fact]
    public async Task FlagsAReviewPastItsDateAsOverdue()
    {
        var concernId = await CaseAsync();
        var proposed = await ProposeAsync(concernId, NotApprover, reviewDate: Today.AddDays(3));
        await DecideAsync(proposed.SuspensionId, SmallTrust.Reviewer);

        App.Clock.Advance(TimeSpan.FromDays(4));

        var flag = (await FlagsAsync(concernId)).ShouldHaveSingleItem();
        flag.Code.ShouldBe("suspension-review-overdue");
        flag.Level.ShouldBe(CaseFlagLevel.Overdue);
        var item = (await App.RunAsync<ListSuspensionsHandler, IReadOnlyList<SuspensionListItem>>(h => h.HandleAsync(SmallTrust.OtherReviewer))).ShouldHaveSingleItem();
        item.IsReviewOverdue.ShouldBeTrue();
        // Not independent of the case: it is not on their list at all.
        (await App.RunAsync<ListSuspensionsHandler, IReadOnlyList<SuspensionListItem>>(h => h.HandleAsync(SmallTrust.ReviewerWhoManagesSubject))).ShouldBeEmpty();
    }

    [Fact]
    public async Task EndsWithAReasonAndRefusesEveryDecisionAfter()
    {
        var concernId = await CaseAsync();
        var proposed = await ProposeAsync(concernId, NotApprover);
        await DecideAsync(proposed.SuspensionId, SmallTrust.Reviewer);

        (await RefusedAsync(UseCaseError.Invalid, () => EndAsync(proposed.SuspensionId, SmallTrust.OtherReviewer, reason: ""))).FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("Reason");
        var ended = await EndAsync(proposed.SuspensionId, SmallTrust.OtherReviewer);

        ended.Status.ShouldBe(SuspensionStatus.Ended);
        (await StoredAsync(proposed.SuspensionId)).EndReason.ShouldBe("Investigation found no case to answer.");
        (await FlagsAsync(concernId)).ShouldBeEmpty();
        var entries = await SuspensionEntriesAsync();
        await RefusedAsync(UseCaseError.Conflict, () => EndAsync(proposed.SuspensionId, SmallTrust.Reviewer));
        await RefusedAsync(UseCaseError.Conflict, () => ContinueAsync(proposed.SuspensionId, SmallTrust.Reviewer, Today.AddDays(7)));
        await RefusedAsync(UseCaseError.Conflict, () => DecideAsync(proposed.SuspensionId, SmallTrust.OtherReviewer));
        (await SuspensionEntriesAsync()).ShouldBe(entries);
        (await EntriesAsync(LogEventTypes.SuspensionEnded)).ShouldHaveSingleItem().Answer.ShouldBe("Ended");
        await VerifiedAsync();
    }

    [Fact]
    public async Task DeclinedProposalNeverTakesEffect()
    {
        var concernId = await CaseAsync();
        var proposed = await ProposeAsync(concernId);

        (await RefusedAsync(UseCaseError.Invalid, () => DecideAsync(proposed.SuspensionId, SmallTrust.OtherReviewer, approve: false))).FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("Reason");
        var declined = await DecideAsync(proposed.SuspensionId, SmallTrust.OtherReviewer, approve: false, reason: "Supervision by the ward sister is workable.");

        declined.Status.ShouldBe(SuspensionStatus.Declined);
        (await FlagsAsync(concernId)).ShouldBeEmpty();
        (await EntriesAsync(LogEventTypes.SuspensionDeclined)).ShouldHaveSingleItem().Rationale.ShouldBe("Supervision by the ward sister is workable.");
        await RefusedAsync(UseCaseError.Conflict, () => DecideAsync(proposed.SuspensionId, SmallTrust.OtherReviewer));
    }

    [Fact]
    public async Task RefusesAStalePage()
    {
        var concernId = await CaseAsync();
        var proposed = await ProposeAsync(concernId);
        await EndAsync(proposed.SuspensionId, SmallTrust.Reviewer, "Withdrawn: the allegation was withdrawn.");

        await RefusedAsync(UseCaseError.Conflict, () => DecideAsync(proposed.SuspensionId, SmallTrust.OtherReviewer, expectedVersion: proposed.Version));

        (await EntriesAsync(LogEventTypes.SuspensionApproved)).ShouldBeEmpty();
    }

    [Fact]
    public async Task LeavesNothingGivenFailureWhileWritingLog()
    {
        var concernId = await CaseAsync();
        LogFault.Armed = true;

        await Should.ThrowAsync<Exception>(() => ProposeAsync(concernId));

        LogFault.Armed = false;
        LogFault.Fired.ShouldBe(1);
        (await App.QueryAsync(db => db.Suspensions.CountAsync())).ShouldBe(0);
        (await App.QueryAsync(db => db.SuspensionAlternatives.CountAsync())).ShouldBe(0);
        (await SuspensionEntriesAsync()).ShouldBe(0);
    }
}

public sealed class SqliteSuspensionStepsTests : SuspensionStepsTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresSuspensionStepsTests : SuspensionStepsTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
