using JustCulture.Web.Api;
using JustCulture.Web.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace JustCulture.Web.Pages.Account;

/// <summary>
/// Sign-in with the trust's identity provider: the sign-in page's button posts here to go to the provider; the
/// provider's answer comes back to <c>?handler=Callback</c>, which signs in the linked product user with the
/// ordinary application cookie; every refusal (provider not answering, person not set up, role claim missing or
/// disagreeing, deactivated) is shown here as a page that says what to do.
/// </summary>
[AllowAnonymous]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ExternalSignInModel(
    OpenIdConnectSettings settings,
    IOptionsMonitor<OpenIdConnectOptions> oidcOptions,
    ExternalAccountLinks links,
    SignInManager<IdentityUser> signIn,
    IHostEnvironment environment) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true, Name = "problem")]
    public ExternalSignInProblem? Problem { get; set; }

    /// <summary>Set once signed in: where the browser goes next.</summary>
    public string? Destination { get; private set; }

    public string OrganisationName => settings.DisplayName;

    public IActionResult OnGet()
    {
        if (!settings.Enabled)
        {
            return NotFound();
        }

        Problem ??= ExternalSignInProblem.Failed;
        Response.StatusCode = StatusOf(Problem.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!settings.Enabled)
        {
            return NotFound();
        }

        // The handler would throw when it cannot fetch the provider's metadata; ask first, and say so instead.
        if (!await OpenIdConnectDiscoveryProbe.IsAnsweringAsync(oidcOptions.Get(OpenIdConnectSettings.Scheme), cancellationToken))
        {
            return Refuse(ExternalSignInProblem.Unavailable);
        }

        var callback = Url.Page("/Account/ExternalSignIn", "Callback", new { returnUrl = SafeReturnUrl() });
        return Challenge(new AuthenticationProperties { RedirectUri = callback }, OpenIdConnectSettings.Scheme);
    }

    public async Task<IActionResult> OnGetCallbackAsync()
    {
        if (!settings.Enabled)
        {
            return NotFound();
        }

        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded || external.Principal is null)
        {
            return Refuse(ExternalSignInProblem.Failed);
        }

        var outcome = await links.ResolveAsync(external.Principal);
        if (outcome.Account is not { } account)
        {
            return Refuse(outcome.Problem ?? ExternalSignInProblem.Failed);
        }

        if (DemoAccountGuard.IsRefused(environment, account.UserName))
        {
            return Refuse(ExternalSignInProblem.DemoAccount);
        }

        if (!await signIn.CanSignInAsync(account))
        {
            return Refuse(ExternalSignInProblem.Deactivated);
        }

        await signIn.SignInAsync(account, isPersistent: false, authenticationMethod: OpenIdConnectSettings.Scheme);
        // The browser arrived here by a redirect chain the provider started, so it would not send the Strict
        // application cookie on a redirect now; a refresh is the page's own navigation, and it does.
        Destination = SafeReturnUrl();
        Response.Headers["Refresh"] = $"0;url={Destination}";
        return Page();
    }

    private string SafeReturnUrl() => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    private PageResult Refuse(ExternalSignInProblem problem)
    {
        Problem = problem;
        Response.StatusCode = StatusOf(problem);
        return Page();
    }

    private static int StatusOf(ExternalSignInProblem problem) => problem switch
    {
        ExternalSignInProblem.Unavailable => StatusCodes.Status503ServiceUnavailable,
        ExternalSignInProblem.Failed or ExternalSignInProblem.Cancelled => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status403Forbidden,
    };

    public string Heading => Problem switch
    {
        ExternalSignInProblem.Unavailable => $"The sign-in service of {settings.DisplayName} is not answering",
        ExternalSignInProblem.Cancelled => "Sign-in was cancelled",
        ExternalSignInProblem.NotSetUp => "Your account has not been set up",
        ExternalSignInProblem.NoSubject => "Your organisation's sign-in did not say who you are",
        ExternalSignInProblem.NoRoleClaim => "Your organisation's sign-in did not say what your role is",
        ExternalSignInProblem.RoleDisagrees => "Your organisation's sign-in gives you a different role",
        ExternalSignInProblem.Deactivated => "Your account has been deactivated",
        ExternalSignInProblem.DemoAccount => "Demo accounts cannot sign in to a live service",
        _ => "Sign-in did not complete",
    };

    public string Explanation => Problem switch
    {
        ExternalSignInProblem.Unavailable => "This service could not reach your organisation's sign-in service. Try again in a few minutes. If you have a user ID and password for this service, you can sign in with them instead.",
        ExternalSignInProblem.Cancelled => "You did not finish signing in with your organisation. You can try again.",
        ExternalSignInProblem.NotSetUp => "You signed in with your organisation, but nobody has set up an account for you in this service. Ask your administrator to add you, with your work email address or your object id.",
        ExternalSignInProblem.NoSubject => $"The answer from your organisation's sign-in service has no '{settings.SubjectClaim}' claim, so this service cannot tell who you are. Ask your administrator to check how the service is registered with it.",
        ExternalSignInProblem.NoRoleClaim => $"The answer from your organisation's sign-in service has no '{settings.RoleClaim}' claim, so this service cannot check your role. Ask your administrator to give you the group or app role for your role in this service.",
        ExternalSignInProblem.RoleDisagrees => $"The '{settings.RoleClaim}' your organisation's sign-in service gives you do not include the role this service has recorded for you. Ask your administrator to correct your group or app role, or your role here.",
        ExternalSignInProblem.Deactivated => "An administrator has deactivated your account in this service. Ask your administrator if you need access again.",
        ExternalSignInProblem.DemoAccount => "This is a live service: the demonstration accounts are refused here.",
        _ => "Something went wrong on the way back from your organisation's sign-in service. Try again; if it keeps happening, tell your administrator.",
    };
}
