using System.Data.Common;
using JustCulture.Application.Common;
using JustCulture.Application.Users;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Application.Tests.Admin;

/// <summary>A user and their sign-in are one transaction: neither is stored without the other.</summary>
public sealed class AddUserWithSignInTests : IAsyncLifetime
{
    private readonly RecordingSignIns _signIns = new();

    private TestApp App { get; set; } = null!;

    public async Task InitializeAsync() =>
        App = await TestApp.StartWithSmallTrustAsync(TestProvider.Sqlite, services => services.AddSingleton<ISignInAccounts>(_signIns));

    public async Task DisposeAsync() => await App.DisposeAsync();

    private Task<Domain.Users.User> AddAsync(string userId, string? password) =>
        App.RunAsync<AddUserHandler, Domain.Users.User>(h => h.HandleAsync(new AddUserCommand(userId, "New Reviewer", "CommissioningManager", "S003",
            new Actor("adm1", "Administrator"), password)));

    [Fact]
    public async Task StoresUserAndSignInTogetherGivenPassword()
    {
        await AddAsync("cm.new", "Long-enough-1");

        _signIns.Created.ShouldBe(["cm.new"]);
        (await App.QueryAsync(db => db.Users.AnyAsync(u => u.UserId == "cm.new"))).ShouldBeTrue();
    }

    [Fact]
    public async Task StoresNeitherGivenSignInFailsInsideTheTransaction()
    {
        _signIns.FailNext = true;
        var logBefore = await App.QueryAsync(db => db.DecisionLog.CountAsync());

        await Should.ThrowAsync<InvalidOperationException>(() => AddAsync("cm.broken", "Long-enough-1"));

        (await App.QueryAsync(db => db.Users.AnyAsync(u => u.UserId == "cm.broken"))).ShouldBeFalse();
        (await App.QueryAsync(db => db.DecisionLog.CountAsync())).ShouldBe(logBefore);
    }

    [Fact]
    public async Task StoresUserAndOrganisationLinkTogetherGivenObjectIdAndNoPassword()
    {
        await App.RunAsync<AddUserHandler, Domain.Users.User>(h => h.HandleAsync(new AddUserCommand("cm.org", "Org Reviewer", "CommissioningManager", null,
            new Actor("adm1", "Administrator"), Organisation: new OrganisationSignIn(null, "0b6c6f2e-oid"))));

        _signIns.Linked.ShouldBe([("cm.org", new OrganisationSignIn(null, "0b6c6f2e-oid"))]);
        _signIns.Created.ShouldBeEmpty();
        (await App.QueryAsync(db => db.Users.AnyAsync(u => u.UserId == "cm.org"))).ShouldBeTrue();
    }

    [Fact]
    public async Task StoresNeitherGivenOrganisationLinkFailsInsideTheTransaction()
    {
        _signIns.FailNext = true;
        var logBefore = await App.QueryAsync(db => db.DecisionLog.CountAsync());

        await Should.ThrowAsync<InvalidOperationException>(() => App.RunAsync<AddUserHandler, Domain.Users.User>(h => h.HandleAsync(
            new AddUserCommand("cm.orgbroken", "Org Reviewer", "CommissioningManager", null, new Actor("adm1", "Administrator"),
                Organisation: new OrganisationSignIn("reviewer@nhs.example", null)))));

        (await App.QueryAsync(db => db.Users.AnyAsync(u => u.UserId == "cm.orgbroken"))).ShouldBeFalse();
        (await App.QueryAsync(db => db.DecisionLog.CountAsync())).ShouldBe(logBefore);
    }

    [Fact]
    public async Task RefusesKeyedToPasswordGivenWeakPassword()
    {
        var refusal = await Should.ThrowAsync<UseCaseException>(() => AddAsync("cm.weak", "short"));

        refusal.Error.ShouldBe(UseCaseError.Invalid);
        refusal.FieldProblems.ShouldAllBe(p => p.Field == "Password");
        (await App.QueryAsync(db => db.Users.AnyAsync(u => u.UserId == "cm.weak"))).ShouldBeFalse();
    }

    /// <summary>Sign-ins written into the caller's transaction, so a rollback removes them too.</summary>
    private sealed class RecordingSignIns : ISignInAccounts
    {
        public List<string> Created { get; } = [];

        public List<(string UserId, OrganisationSignIn Organisation)> Linked { get; } = [];

        public bool FailNext { get; set; }

        public Task<IReadOnlyList<string>> PasswordProblemsAsync(string userId, string password, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<string>>(password.Length < 8 ? ["Passwords must be at least 8 characters."] : []);

        public Task<bool> ExistsAsync(string userId, CancellationToken cancellationToken) => Task.FromResult(Created.Contains(userId));

        public Task CreateAsync(string userId, string password, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
        {
            transaction.ShouldNotBeNull();
            transaction.Connection.ShouldBe(connection);
            if (FailNext)
            {
                throw new InvalidOperationException("the identity store is unavailable");
            }

            Created.Add(userId);
            return Task.CompletedTask;
        }

            public Task LinkOrganisationAsync(string userId, OrganisationSignIn organisation, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
        {
            transaction.Connection.ShouldBe(connection);
            if (FailNext)
            {
                throw new InvalidOperationException("the identity store is unavailable");
            }

            Linked.Add((userId, organisation));
            return Task.CompletedTask;
        }

    public Task SetPasswordAsync(string userId, string password, bool mustChange, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
            throw new NotSupportedException("Adding a user never resets a password.");

        public Task EndSessionsAsync(string userId, CancellationToken cancellationToken) =>
            throw new NotSupportedException("Adding a user never ends sessions.");
    }
}
