using JustCulture.Domain.Concerns;
using JustCulture.TestSupport;

namespace JustCulture.Application.Tests.Retention;

public abstract class RetentionDueTests : RetentionTestBase
{
    private static readonly DateTime January2025 = new(2025, 1, 10, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task ListsNobodyGivenOneOfThePersonsCasesStillOpen()
    {
        await ClosedAtAsync("S001", January2025);
        await OpenToReviewAsync("S001");

        (await DueAsync(new DateOnly(2040, 1, 1))).ShouldBeEmpty();
    }

    [Fact]
    public async Task ListsNobodyGivenTheNewestEntryOfAllTheirCasesInsideThePeriod()
    {
        var older = await ClosedAtAsync("S001", January2025);
        await ClosedAtAsync("S001", January2025.AddYears(2));
        var olderDue = new DateOnly(2031, 1, 11);

        (await DueAsync(olderDue)).ShouldBeEmpty();

        var person = (await DueAsync(new DateOnly(2033, 1, 11))).ShouldHaveSingleItem();
        person.StaffRef.ShouldBe("S001");
        person.CaseReferences.Count.ShouldBe(2);
        person.CaseReferences.ShouldContain(CaseReference.Of(older));
    }

    [Fact]
    public async Task ListsThePersonFromExactlyTheDueDateGivenAllClosed()
    {
        await ClosedAtAsync("S001", January2025);
        var dueSince = SixYearsAfterNow;

        (await DueAsync(dueSince.AddDays(-1))).ShouldBeEmpty();

        var person = (await DueAsync(dueSince)).ShouldHaveSingleItem();
        person.DueSince.ShouldBe(dueSince);
        person.LastActivityUtc.ShouldBe(January2025);
        person.Name.ShouldBe("Staff One");
    }

    [Fact]
    public async Task ListsEachPersonEarliestDueFirstGivenTwoPeopleDue()
    {
        await ClosedAtAsync("S005", January2025.AddDays(30));
        await ClosedAtAsync("S002", January2025);

        var due = await DueAsync(new DateOnly(2032, 1, 1));

        due.Select(p => p.StaffRef).ShouldBe(["S002", "S005"]);
        due[0].DueSince.ShouldBe(new DateOnly(2031, 1, 11));
        due[1].DueSince.ShouldBe(new DateOnly(2031, 2, 10));
    }

    [Fact]
    public async Task FollowsThePeriodGivenAShorterOne()
    {
        await ClosedAtAsync("S001", January2025);

        (await DueAsync(new DateOnly(2026, 1, 11), new JustCulture.Application.Retention.RetentionPeriod(1, "test"))).ShouldHaveSingleItem();
        (await DueAsync(new DateOnly(2026, 1, 11))).ShouldBeEmpty();
    }
}

public sealed class SqliteRetentionDueTests : RetentionDueTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresRetentionDueTests : RetentionDueTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
