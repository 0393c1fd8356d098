using JustCulture.Web.Api;
using JustCulture.Web.Pages.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Account;

public sealed class SignInModel(SignInManager<IdentityUser> signIn, IHostEnvironment environment, JustCulture.Web.Identity.OpenIdConnectSettings organisationSignIn) : FormPageModel
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

        var result = await signIn.PasswordSignInAsync(UserId!.Trim(), Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError(nameof(UserId), "This account is locked after too many attempts; try again in a few minutes");
            return Page();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(UserId), "Enter a correct user ID and password");
            return Page();
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
