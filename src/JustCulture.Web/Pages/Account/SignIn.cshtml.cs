using JustCulture.Web.Api;
using JustCulture.Web.Hosting;
using JustCulture.Web.Identity;
using JustCulture.Web.Pages.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace JustCulture.Web.Pages.Account;

/// <summary>Sign-in attempts are rate-limited per address (the policy) and per user ID (in <see cref="PasswordSignIn"/>).</summary>
[EnableRateLimiting(SignInRateLimits.PolicyName)]
public sealed class SignInModel(PasswordSignIn signIn, IHostEnvironment environment, JustCulture.Web.Identity.OpenIdConnectSettings organisationSignIn) : FormPageModel
{
    /// <summary>The trust's identity provider, when one is configured: its button sits above the password form.</summary>
    public JustCulture.Web.Identity.OpenIdConnectSettings OrganisationSignIn => organisationSignIn;

    [BindProperty]
    public string? UserId { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(UserId))
        {
            ModelState.AddModelError(nameof(UserId), "Enter your user ID");
        }

        if (string.IsNullOrEmpty(Password))
        {
            ModelState.AddModelError(nameof(Password), "Enter your password");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (DemoAccountGuard.IsRefused(environment, UserId))
        {
            ModelState.AddModelError(nameof(UserId), "Demo accounts cannot sign in to a live service");
            return Page();
        }

        var result = await signIn.SignInAsync(UserId!.Trim(), Password!, IdentityConstants.ApplicationScheme);
        if (result.Outcome == PasswordSignInOutcome.TooManyAttempts)
        {
            ModelState.AddModelError(nameof(UserId), SignInRateLimits.TooManyMessage(result.RetryAfter));
            SignInRateLimits.SetRetryAfter(Response, result.RetryAfter);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        if (result.Outcome != PasswordSignInOutcome.SignedIn)
        {
            // Unknown user, wrong password, locked or deactivated: one answer (see PasswordSignIn).
            ModelState.AddModelError(nameof(UserId), PasswordSignIn.RefusedMessage);
            return Page();
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
