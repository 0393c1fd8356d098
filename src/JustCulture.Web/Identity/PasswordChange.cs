using System.Security.Claims;
using JustCulture.Application.Common;
using Microsoft.AspNetCore.Identity;

namespace JustCulture.Web.Identity;

/// <summary>
/// A signed-in user changes their own password: the current one, then a new one that meets Identity's rules.
/// Used by the account page and its API twin; refusals are keyed by the request's fields.
/// </summary>
public sealed class PasswordChange(UserManager<IdentityUser> users, SignInManager<IdentityUser> signIn)
{
    /// <summary>An Identity user claim set by an administrator's reset: the user must choose their own password.</summary>
    public const string MustChangeClaim = "jc:must-change-password";

    public const string CurrentPasswordField = "CurrentPassword";
    public const string NewPasswordField = "NewPassword";

    /// <param name="refreshCookie">Re-issue the caller's sign-in cookie (the page does; a bearer-token caller has none).</param>
    public async Task ChangeAsync(ClaimsPrincipal caller, string? currentPassword, string? newPassword, bool refreshCookie)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var problems = new List<FieldProblem>();
        if (string.IsNullOrEmpty(currentPassword))
        {
            problems.Add(new(CurrentPasswordField, "Enter your current password"));
        }

        if (string.IsNullOrEmpty(newPassword))
        {
            problems.Add(new(NewPasswordField, "Enter a new password"));
        }

        if (problems.Count > 0)
        {
            throw UseCaseException.InvalidFields(problems);
        }

        var account = await users.GetUserAsync(caller);
        if (account is not { PasswordHash: not null })
        {
            throw UseCaseException.RuleViolated("You sign in through the trust's identity provider: change your password there.");
        }

        if (!await users.CheckPasswordAsync(account, currentPassword!))
        {
            throw UseCaseException.Invalid(CurrentPasswordField, "Your current password is not correct");
        }

        if (currentPassword == newPassword)
        {
            throw UseCaseException.Invalid(NewPasswordField, "Choose a new password that is different from your current one");
        }

        var result = await users.ChangePasswordAsync(account, currentPassword!, newPassword!);
        if (!result.Succeeded)
        {
            throw UseCaseException.InvalidFields(result.Errors.Select(e => new FieldProblem(NewPasswordField, e.Description)).ToList());
        }

        foreach (var flag in (await users.GetClaimsAsync(account)).Where(c => c.Type == MustChangeClaim).ToList())
        {
            await users.RemoveClaimAsync(account, flag);
        }

        // Changing the password changed the security stamp: other sessions end, this one is re-issued.
        if (refreshCookie)
        {
            await signIn.RefreshSignInAsync(account);
        }
    }
}
