using JustCulture.Web.Hosting;
using Microsoft.AspNetCore.Identity;

namespace JustCulture.Web.Identity;

public enum PasswordSignInOutcome
{
    SignedIn,
    Refused,
    TooManyAttempts,
}

public sealed record PasswordSignInResult(PasswordSignInOutcome Outcome, TimeSpan RetryAfter = default);

/// <summary>
/// Password sign-in for the page and <c>POST /api/auth/login</c> that tells an unknown user ID, a wrong password, a
/// locked and a deactivated account apart to nobody: one refusal, one message, and one password hash checked in every
/// case (a dummy hash when there is no account to check, or the account may not sign in), so the answer's timing
/// says no more than its words. Attempts are limited per user ID before anything is looked up.
/// </summary>
public sealed class PasswordSignIn(SignInManager<IdentityUser> signIn, SignInAccountLimiter limiter)
{
    /// <summary>The one answer to every refused sign-in.</summary>
    public const string RefusedMessage = "Enter a correct user ID and password. After 5 wrong passwords an account is locked for 5 minutes.";

    private static readonly IdentityUser Nobody = new("nobody");
    /// <summary>Made by the app's own hasher (same algorithm and work factor as real hashes) on first use.</summary>
    private static string? _dummyHash;

    /// <param name="scheme">The scheme to sign in with: the cookie (pages) or bearer tokens (the API).</param>
    public async Task<PasswordSignInResult> SignInAsync(string userId, string password, string scheme)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentNullException.ThrowIfNull(password);
        if (limiter.TryAttempt(userId) is { } wait)
        {
            return new(PasswordSignInOutcome.TooManyAttempts, wait);
        }

        signIn.AuthenticationScheme = scheme;
        var users = signIn.UserManager;
        var user = await users.FindByNameAsync(userId.Trim());
        if (user is null)
        {
            CheckDummyHash(users, password);
            return new(PasswordSignInOutcome.Refused);
        }

        // Identity refuses a locked or not-allowed account before it checks the password: check one anyway.
        var passwordWillBeChecked = !await users.IsLockedOutAsync(user) && await signIn.CanSignInAsync(user);
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (!passwordWillBeChecked)
        {
            CheckDummyHash(users, password);
        }

        return new(result.Succeeded ? PasswordSignInOutcome.SignedIn : PasswordSignInOutcome.Refused);
    }

    private static void CheckDummyHash(UserManager<IdentityUser> users, string password)
    {
        _dummyHash ??= users.PasswordHasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
        _ = users.PasswordHasher.VerifyHashedPassword(Nobody, _dummyHash, password);
    }
}
