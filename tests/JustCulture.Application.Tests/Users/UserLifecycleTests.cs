using JustCulture.Application.Common;
using JustCulture.Application.Users;
using JustCulture.Domain.Users;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Application.Tests.Users;

/// <summary>Changing a user's role, deactivating and reactivating them: logged, and never leaving the trust
/// without an active administrator.</summary>
public sealed class UserLifecycleTests : IAsyncLifetime
{
    private static readonly Actor Admin = new(SmallTrust.Administrator, "Administrator");
    private readonly RecordingSignIns _signIns = new();

    private TestApp App { get; set; } = null!;

    public async Task InitializeAsync() =>
        App = await TestApp.StartWithSmallTrustAsync(TestProvider.Sqlite, services => services.AddSingleton<ISignInAccounts>(_signIns));

    public async Task DisposeAsync() => await App.DisposeAsync();

    private Task<User> ChangeRoleAsync(string userId, string role, Actor? actor = null) =>
        App.RunAsync<ChangeUserRoleHandler, User>(h => h.HandleAsync(new ChangeUserRoleCommand(userId, role, actor ?? Admin)));

    private Task<User> SetActiveAsync(string userId, bool active, Actor? actor = null) =>
        App.RunAsync<SetUserActiveHandler, User>(h => h.HandleAsync(new SetUserActiveCommand(userId, active, actor ?? Admin)));

    private Task<User> StoredAsync(string userId) => App.QueryAsync(db => db.Users.SingleAsync(u => u.UserId == userId));

    private Task<List<DecisionLogEntry>> LogAsync(string eventType) =>
        App.QueryAsync(db => db.DecisionLog.Where(e => e.EventType == eventType).ToListAsync());

    [Fact]
    public async Task ChangesRoleAndLogsItGivenAdministrator()
    {
        await ChangeRoleAsync(SmallTrust.OtherReviewer, "LineManager");

        (await StoredAsync(SmallTrust.OtherReviewer)).Role.ShouldBe(Role.LineManager);
        var entry = (await LogAsync(LogEventTypes.UserRoleChanged)).ShouldHaveSingleItem();
        entry.Question.ShouldBe($"User {SmallTrust.OtherReviewer} role changed");
        entry.Answer.ShouldBe("LineManager");
        entry.ActorId.ShouldBe(SmallTrust.Administrator);
    }

    [Fact]
    public async Task RefusesRoleChangeGivenLastActiveAdministrator()
    {
        var refusal = await Should.ThrowAsync<UseCaseException>(() => ChangeRoleAsync(SmallTrust.Administrator, "Auditor"));

        refusal.Error.ShouldBe(UseCaseError.RuleViolated);
        refusal.FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("Role");
        refusal.Message.ShouldContain("last active administrator");
        (await StoredAsync(SmallTrust.Administrator)).Role.ShouldBe(Role.Administrator);
        (await LogAsync(LogEventTypes.UserRoleChanged)).ShouldBeEmpty();
    }

    [Fact]
    public async Task ChangesAdministratorsRoleGivenAnotherActiveAdministrator()
    {
        await ChangeRoleAsync(SmallTrust.Auditor, "Administrator");

        await ChangeRoleAsync(SmallTrust.Administrator, "Auditor", new Actor(SmallTrust.Auditor, "Administrator"));

        (await StoredAsync(SmallTrust.Administrator)).Role.ShouldBe(Role.Auditor);
    }

    [Fact]
    public async Task RefusesRoleChangeGivenOnlyOtherAdministratorDeactivated()
    {
        await ChangeRoleAsync(SmallTrust.Auditor, "Administrator");
        await SetActiveAsync(SmallTrust.Auditor, active: false);

        var refusal = await Should.ThrowAsync<UseCaseException>(() => ChangeRoleAsync(SmallTrust.Administrator, "LineManager"));

        refusal.Error.ShouldBe(UseCaseError.RuleViolated);
    }

    [Theory]
    [InlineData("Superuser")]
    [InlineData("3")]
    [InlineData("")]
    public async Task RefusesKeyedToRoleGivenUnknownRole(string role)
    {
        var refusal = await Should.ThrowAsync<UseCaseException>(() => ChangeRoleAsync(SmallTrust.LineManager, role));

        refusal.Error.ShouldBe(UseCaseError.Invalid);
        refusal.FieldProblems.ShouldHaveSingleItem().Field.ShouldBe("Role");
    }

    [Fact]
    public async Task RefusesAsNotFoundGivenUnknownUser()
    {
        (await Should.ThrowAsync<UseCaseException>(() => ChangeRoleAsync("nobody", "Auditor"))).Error.ShouldBe(UseCaseError.NotFound);
        (await Should.ThrowAsync<UseCaseException>(() => SetActiveAsync("nobody", active: false))).Error.ShouldBe(UseCaseError.NotFound);
    }

    [Fact]
    public async Task RefusesGivenSameRole()
    {
        var refusal = await Should.ThrowAsync<UseCaseException>(() => ChangeRoleAsync(SmallTrust.LineManager, "LineManager"));

        refusal.Error.ShouldBe(UseCaseError.RuleViolated);
    }

    [Fact]
    public async Task DeactivatesLogsAndEndsSessionsGivenOtherUser()
    {
        await SetActiveAsync(SmallTrust.OtherLineManager, active: false);

        var stored = await StoredAsync(SmallTrust.OtherLineManager);
        stored.IsActive.ShouldBeFalse();
        stored.DeactivatedAtUtc.ShouldBe(App.Clock.UtcNow);
        _signIns.SessionsEnded.ShouldBe([SmallTrust.OtherLineManager]);
        var entry = (await LogAsync(LogEventTypes.UserDeactivated)).ShouldHaveSingleItem();
        entry.Question.ShouldBe($"User {SmallTrust.OtherLineManager} deactivated");
        entry.ActorId.ShouldBe(SmallTrust.Administrator);
    }

    [Fact]
    public async Task KeepsUserInListAndHistoryGivenDeactivated()
    {
        var concern = await App.OpenConcernAsync("S005", SmallTrust.OtherLineManager);

        await SetActiveAsync(SmallTrust.OtherLineManager, active: false);

        (await App.ConcernAsync(concern)).RaisedByUserId.ShouldBe(SmallTrust.OtherLineManager);
        (await App.QueryAsync(db => db.DecisionLog.AnyAsync(e => e.ActorId == SmallTrust.OtherLineManager))).ShouldBeTrue();
        var listed = await App.RunAsync<ListUsersHandler, UsersPage>(h => h.HandleAsync(new ListUsersQuery(SmallTrust.OtherLineManager)));
        listed.Users.ShouldHaveSingleItem().IsActive.ShouldBeFalse();
    }

    [Fact]
    public async Task RefusesGivenAdministratorDeactivatingThemselves()
    {
        await ChangeRoleAsync(SmallTrust.Auditor, "Administrator");

        var refusal = await Should.ThrowAsync<UseCaseException>(() => SetActiveAsync(SmallTrust.Administrator, active: false));

        refusal.Error.ShouldBe(UseCaseError.RuleViolated);
        refusal.Message.ShouldContain("cannot deactivate yourself");
        (await StoredAsync(SmallTrust.Administrator)).IsActive.ShouldBeTrue();
        _signIns.SessionsEnded.ShouldBeEmpty();
    }

    [Fact]
    public async Task RefusesDeactivationGivenLastActiveAdministrator()
    {
        var refusal = await Should.ThrowAsync<UseCaseException>(() => SetActiveAsync(SmallTrust.Administrator, active: false, new Actor("operator", "Administrator")));

        refusal.Error.ShouldBe(UseCaseError.RuleViolated);
        refusal.Message.ShouldContain("last active administrator");
        (await StoredAsync(SmallTrust.Administrator)).IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task ReactivatesAndLogsGivenDeactivatedUser()
    {
        await SetActiveAsync(SmallTrust.OtherLineManager, active: false);

        await SetActiveAsync(SmallTrust.OtherLineManager, active: true);

        (await StoredAsync(SmallTrust.OtherLineManager)).DeactivatedAtUtc.ShouldBeNull();
        (await LogAsync(LogEventTypes.UserReactivated)).ShouldHaveSingleItem().ActorId.ShouldBe(SmallTrust.Administrator);
    }

    [Fact]
    public async Task RefusesGivenReactivatingActiveOrDeactivatingDeactivatedUser()
    {
        (await Should.ThrowAsync<UseCaseException>(() => SetActiveAsync(SmallTrust.LineManager, active: true))).Error.ShouldBe(UseCaseError.RuleViolated);
        await SetActiveAsync(SmallTrust.LineManager, active: false);
        (await Should.ThrowAsync<UseCaseException>(() => SetActiveAsync(SmallTrust.LineManager, active: false))).Error.ShouldBe(UseCaseError.RuleViolated);
        (await LogAsync(LogEventTypes.UserDeactivated)).Count.ShouldBe(1);
    }
}
