using JustCulture.Application.Common;
using JustCulture.Application.Log;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Tests.Review;

public abstract class UnblindCaseTests : ReviewTestBase
{
    private Task<List<DecisionLogEntry>> UnblindEntriesAsync() =>
        App.OpenedEntriesAsync(log => log.Where(e => e.EventType == LogEventTypes.CaseUnblinded));

    [Fact]
    public async Task ShowsNoIdentityGivenCaseNotUnblinded()
    {
        var concernId = await OpenToReviewAsync("S002", 'G');

        var view = await CaseAsync(concernId);

        view.Identity.ShouldBeNull();
        // Named by its case reference: the staff ref is a direct identifier.
        view.CaseReference.ShouldBe(JustCulture.Domain.Concerns.CaseReference.Of(concernId));
        view.ToString().ShouldNotContain("S002");
        view.ToString().ShouldNotContain("Staff Two");
    }

    [Fact]
    public async Task LogsReasonAndShowsIdentityToThatReviewerGivenReason()
    {
        var concernId = await OpenToReviewAsync("S002", 'G');
        var versionBefore = (await CaseAsync(concernId)).Version;

        await UnblindAsync(concernId, "  Cultural ambassador needs to be invited.  ");

        var entry = (await UnblindEntriesAsync()).ShouldHaveSingleItem();
        entry.ConcernId.ShouldBe(concernId);
        entry.ActorId.ShouldBe(SmallTrust.Reviewer);
        entry.ActorRole.ShouldBe("CommissioningManager");
        entry.Rationale.ShouldBe("Cultural ambassador needs to be invited.");
        entry.SubjectStaffRef.ShouldBe("S002");
        var view = await CaseAsync(concernId);
        view.Identity.ShouldNotBeNull();
        view.Identity.Name.ShouldBe("Staff Two");
        view.Identity.WresGroup.ShouldBe("Bme");
        view.Version.ShouldBe(versionBefore);
        (await CaseAsync(concernId, SmallTrust.OtherReviewer)).Identity.ShouldBeNull();
        var verification = await App.RunAsync<VerifyLogHandler, LogVerification>(h => h.HandleAsync());
        verification.IsIntact.ShouldBeTrue(verification.Problem);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task RefusesGivenNoReason(string? reason)
    {
        var concernId = await OpenToReviewAsync("S002", 'G');

        await RefusedAsync(UseCaseError.Invalid, () => UnblindAsync(concernId, reason));

        (await UnblindEntriesAsync()).ShouldBeEmpty();
        (await CaseAsync(concernId)).Identity.ShouldBeNull();
    }

    [Fact]
    public async Task RefusesGivenReviewerWhoRaisedOrManagesSubject()
    {
        var concernId = await OpenToReviewAsync("S001", 'G');

        await RefusedAsync(UseCaseError.Forbidden, () => UnblindAsync(concernId, "Curious.", SmallTrust.ReviewerWhoManagesSubject));
        await RefusedAsync(UseCaseError.Forbidden, () => UnblindAsync(concernId, "Curious.", SmallTrust.LineManager));

        (await UnblindEntriesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task LeavesNoEntryGivenFailureWhileWritingLog()
    {
        var concernId = await OpenToReviewAsync("S002", 'G');
        LogFault.Armed = true;

        await Should.ThrowAsync<Exception>(() => UnblindAsync(concernId, "Needed for the panel."));

        LogFault.Fired.ShouldBe(1);
        LogFault.Armed = false;
        (await UnblindEntriesAsync()).ShouldBeEmpty();
        (await CaseAsync(concernId)).Identity.ShouldBeNull();
    }
}

public sealed class SqliteUnblindCaseTests : UnblindCaseTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresUnblindCaseTests : UnblindCaseTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
