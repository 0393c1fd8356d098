using JustCulture.Application.Common;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Tests.Users;

/// <summary>A staff record links to at most one user account: reviewer independence is decided by it.</summary>
public sealed class StaffRefLinkTests : IAsyncLifetime
{
    private TestApp App { get; set; } = null!;

    public async Task InitializeAsync() => App = await TestApp.StartWithSmallTrustAsync(TestProvider.Sqlite);

    public async Task DisposeAsync() => await App.DisposeAsync();

    [Fact]
    public async Task RefusesWithConflictGivenStaffRefAlreadyLinkedToAnotherUser()
    {
        var before = await App.QueryAsync(db => db.DecisionLog.CountAsync());

        var refusal = await Should.ThrowAsync<UseCaseException>(() => App.AddUserAsync("cm.second-account", "CommissioningManager", " M001 "));

        refusal.Error.ShouldBe(UseCaseError.Conflict);
        var problem = refusal.FieldProblems.ShouldHaveSingleItem();
        problem.Field.ShouldBe("StaffRef");
        problem.Message.ShouldContain("'M001' is already linked to user 'lm1'");
        (await App.QueryAsync(db => db.Users.AnyAsync(u => u.UserId == "cm.second-account"))).ShouldBeFalse();
        (await App.QueryAsync(db => db.DecisionLog.CountAsync())).ShouldBe(before);
    }

    [Fact]
    public async Task AddsUserGivenStaffRefNobodyHas()
    {
        await App.ImportStaffAsync(SmallTrust.Csv + "\nH009,Reviewer Nine,A,Band 7,Administrative and Clerical,Corporate,2019-01-01,X001");

        await App.AddUserAsync("cm9", "CommissioningManager", "H009");

        (await App.QueryAsync(db => db.Users.SingleAsync(u => u.UserId == "cm9"))).StaffRef.ShouldBe("H009");
    }

    [Fact]
    public async Task AddsSeveralUsersGivenNoStaffRef()
    {
        await App.AddUserAsync("ops1", "Auditor", null);
        await App.AddUserAsync("ops2", "Auditor", null);

        (await App.QueryAsync(db => db.Users.CountAsync(u => u.StaffRef == null))).ShouldBeGreaterThanOrEqualTo(3);
    }
}
