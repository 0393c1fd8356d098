using JustCulture.Application.Users;
using JustCulture.TestSupport;

namespace JustCulture.Application.Tests.Users;

/// <summary>The administrators' user list, searched and paged in the database, on both providers.</summary>
[Collection(PostgresFixture.Collection)]
public sealed class UserSearchTests
{
    private static async Task<UsersPage> ListAsync(TestProvider provider, ListUsersQuery query)
    {
        await using var app = await TestApp.StartWithSmallTrustAsync(provider);
        return await app.RunAsync<ListUsersHandler, UsersPage>(h => h.HandleAsync(query));
    }

    public static TheoryData<TestProvider> Providers => PostgresServer.IsAvailable || PostgresServer.IsRequired
        ? new TheoryData<TestProvider> { TestProvider.Sqlite, TestProvider.Postgres }
        : new TheoryData<TestProvider> { TestProvider.Sqlite };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task FindsUsersByPartOfUserIdGivenAnyCase(TestProvider provider)
    {
        var page = await ListAsync(provider, new ListUsersQuery("LM"));

        page.Users.Select(u => u.UserId).ShouldBe([SmallTrust.ReviewerWhoManagesSubject, SmallTrust.LineManager, SmallTrust.OtherLineManager]);
        page.Total.ShouldBe(3);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task FindsUsersByRoleGivenRoleInWords(TestProvider provider)
    {
        var page = await ListAsync(provider, new ListUsersQuery("commissioning manager"));

        page.Users.ShouldAllBe(u => u.Role == "CommissioningManager");
        page.Total.ShouldBe(4);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TreatsWildcardsAsTextGivenPercentOrUnderscore(TestProvider provider)
    {
        (await ListAsync(provider, new ListUsersQuery("%"))).Total.ShouldBe(0);
        (await ListAsync(provider, new ListUsersQuery("_"))).Total.ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task PagesByUserIdGivenPageSize(TestProvider provider)
    {
        var second = await ListAsync(provider, new ListUsersQuery(Page: 2, PageSize: 3));

        second.PageCount.ShouldBe(3);
        second.Total.ShouldBe(8);
        second.Users.Select(u => u.UserId).ShouldBe(["cm2", "cmlm", "cmsubj"]);
    }

    [Fact]
    public async Task GivesLastPageGivenPagePastTheEnd()
    {
        var page = await ListAsync(TestProvider.Sqlite, new ListUsersQuery(Page: 99, PageSize: 3));

        page.Page.ShouldBe(3);
        page.Users.Select(u => u.UserId).ShouldBe(["lm1", "lm2"]);
    }
}
