using JustCulture.Application.Common;
using JustCulture.Application.Users;
using JustCulture.Persistence.DecisionLog;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Application.Tests.Users;

/// <summary>An administrator's password reset: a temporary password (chosen or generated) the user must change, logged
/// without the password.</summary>
public sealed class ResetUserPasswordTests : IAsyncLifetime
{
    private static readonly Actor Admin = new(SmallTrust.Administrator, "Administrator");
    private readonly RecordingSignIns _signIns = new();

    private TestApp App { get; set; } = null!;

    public async Task InitializeAsync() =>
        App = await TestApp.StartWithSmallTrustAsync(TestProvider.Sqlite, services => services.AddSingleton<ISignInAccounts>(_signIns));

    public async Task DisposeAsync() => await App.DisposeAsync();

    private Task<PasswordResetResult> ResetAsync(string userId, string? password) =>
        App.RunAsync<ResetUserPasswordHandler, PasswordResetResult>(h => h.HandleAsync(new ResetUserPasswordCommand(userId, password, Admin)));

    [Fact]
    public async Task SetsChosenPasswordThatMustBeChangedGivenAdministrator()
    {
        var result = await ResetAsync(SmallTrust.LineManager, "Temporary-pass-1");

        result.GeneratedPassword.ShouldBeNull();
        _signIns.PasswordsSet.ShouldBe([(SmallTrust.LineManager, "Temporary-pass-1", true)]);
        var entry = (await App.QueryAsync(db => db.DecisionLog.Where(e => e.EventType == LogEventTypes.UserPasswordReset).ToListAsync())).ShouldHaveSingleItem();
        entry.Question.ShouldBe($"User {SmallTrust.LineManager} password reset");
        entry.Answer.ShouldBeNull();
    }

    [Fact]
    public async Task GeneratesPasswordShownOnceGivenNoPassword()
    {
        var result = await ResetAsync(SmallTrust.LineManager, null);

        var generated = result.GeneratedPassword.ShouldNotBeNull();
        _signIns.PasswordsSet.ShouldHaveSingleItem().Password.ShouldBe(generated);
        (await App.QueryAsync(db => db.DecisionLog.AnyAsync(e => e.Question!.Contains(generated) || e.Answer == generated))).ShouldBeFalse();
    }

    [Fact]
    public void GeneratesPasswordWithEveryCharacterClassGivenManyTries()
    {
        var passwords = Enumerable.Range(0, 200).Select(_ => ResetUserPasswordHandler.GeneratePassword()).ToList();

        passwords.ShouldAllBe(p => p.Length == 16 && p.Any(char.IsUpper) && p.Any(char.IsLower) && p.Any(char.IsDigit) && p.Any(c => !char.IsLetterOrDigit(c)));
        passwords.Distinct().Count().ShouldBe(passwords.Count);
    }

    [Fact]
    public async Task RefusesKeyedToPasswordGivenWeakPassword()
    {
        var refusal = await Should.ThrowAsync<UseCaseException>(() => ResetAsync(SmallTrust.LineManager, "short"));

        refusal.Error.ShouldBe(UseCaseError.Invalid);
        refusal.FieldProblems.ShouldAllBe(p => p.Field == "Password");
        _signIns.PasswordsSet.ShouldBeEmpty();
    }

    [Fact]
    public async Task RefusesGivenUserWithoutPasswordSignIn()
    {
        _signIns.WithoutSignIn.Add(SmallTrust.Auditor);

        var refusal = await Should.ThrowAsync<UseCaseException>(() => ResetAsync(SmallTrust.Auditor, "Temporary-pass-1"));

        refusal.Error.ShouldBe(UseCaseError.RuleViolated);
        _signIns.PasswordsSet.ShouldBeEmpty();
    }

    [Fact]
    public async Task RefusesAsNotFoundGivenUnknownUser() =>
        (await Should.ThrowAsync<UseCaseException>(() => ResetAsync("nobody", "Temporary-pass-1"))).Error.ShouldBe(UseCaseError.NotFound);
}
