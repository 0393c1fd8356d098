using System.Data.Common;
using JustCulture.Application.Users;

namespace JustCulture.Application.Tests.Users;

/// <summary>A sign-in store that records what the use cases asked of it; every user of the small trust has a sign-in
/// unless listed in <see cref="WithoutSignIn"/>.</summary>
internal sealed class RecordingSignIns : ISignInAccounts
{
    public HashSet<string> WithoutSignIn { get; } = new(StringComparer.Ordinal);

    public List<(string UserId, string Password, bool MustChange)> PasswordsSet { get; } = [];

    public List<string> SessionsEnded { get; } = [];

    public Task<IReadOnlyList<string>> PasswordProblemsAsync(string userId, string password, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(password.Length < 12 ? ["Passwords must be at least 12 characters."] : []);

    public Task<bool> ExistsAsync(string userId, CancellationToken cancellationToken) => Task.FromResult(!WithoutSignIn.Contains(userId));

    public Task CreateAsync(string userId, string password, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public Task LinkOrganisationAsync(string userId, OrganisationSignIn organisation, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    public Task SetPasswordAsync(string userId, string password, bool mustChange, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        // Written inside the use case's own transaction, so the reset and its log entry stand or fall together.
        transaction.Connection.ShouldBe(connection);
        PasswordsSet.Add((userId, password, mustChange));
        return Task.CompletedTask;
    }

    public Task EndSessionsAsync(string userId, CancellationToken cancellationToken)
    {
        SessionsEnded.Add(userId);
        return Task.CompletedTask;
    }
}
