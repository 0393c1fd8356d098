using JustCulture.Application.Common;
using JustCulture.Application.Users;
using JustCulture.Domain;
using JustCulture.Domain.Users;
using JustCulture.Web.Api;
using JustCulture.Web.Hosting;
using JustCulture.Web.Pages.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Admin;

/// <summary>
/// One user: change their role, give them a temporary password, deactivate or reactivate them. Every change is
/// the application's use case (logged, one transaction); this page only shows and posts.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ManageUserModel(
    ListUsersHandler list,
    ChangeUserRoleHandler changeRole,
    SetUserActiveHandler setActive,
    ResetUserPasswordHandler resetPassword,
    UserManager<IdentityUser> signIns,
    JustCulture.Web.Identity.ExternalAccountLinks organisationLinks,
    JustCulture.Web.Identity.OpenIdConnectSettings organisationSignIn) : FormPageModel
{
    /// <summary>The work email a first organisation sign-in is matched by.</summary>
    [BindProperty]
    public string? SignInEmail { get; set; }

    /// <summary>The identity provider's id for the person (Entra ID: object id), matched on every sign-in.</summary>
    [BindProperty]
    public string? ObjectId { get; set; }

    public bool OrganisationSignInEnabled => organisationSignIn.Enabled;

    public string OrganisationName => organisationSignIn.DisplayName;

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public string? TemporaryPassword { get; set; }

    public UserView? Subject { get; private set; }

    public bool HasPasswordSignIn { get; private set; }

    public string? Confirmation { get; private set; }

    /// <summary>A generated password, shown on this one response only and never stored anywhere readable.</summary>
    public string? GeneratedPassword { get; private set; }

    public bool IsYou => string.Equals(UserId, User.UserId(), StringComparison.Ordinal);

    public static IReadOnlyList<string> Roles { get; } = Enum.GetNames<Role>();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Confirmation = TempData["UserChanged"] as string;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostRoleAsync(CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            var user = await changeRole.HandleAsync(new ChangeUserRoleCommand(UserId ?? string.Empty, Role ?? string.Empty, Actor()), cancellationToken);
            return Done($"{user.UserId} is now a {Vocabulary.Role(user.Role)}.");
        }, cancellationToken);

    public Task<IActionResult> OnPostDeactivateAsync(CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            var user = await setActive.HandleAsync(new SetUserActiveCommand(UserId ?? string.Empty, Active: false, Actor()), cancellationToken);
            return Done($"{user.UserId} is deactivated: they cannot sign in, and any session they had has ended.");
        }, cancellationToken);

    public Task<IActionResult> OnPostReactivateAsync(CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            var user = await setActive.HandleAsync(new SetUserActiveCommand(UserId ?? string.Empty, Active: true, Actor()), cancellationToken);
            return Done($"{user.UserId} is active again and can sign in.");
        }, cancellationToken);

    public Task<IActionResult> OnPostPasswordAsync(CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            if (string.IsNullOrEmpty(TemporaryPassword))
            {
                throw UseCaseException.Invalid("Password", "Enter a temporary password, or generate one");
            }

            var result = await resetPassword.HandleAsync(new ResetUserPasswordCommand(UserId ?? string.Empty, TemporaryPassword, Actor()), cancellationToken);
            return Done($"{result.UserId} has a new temporary password. Give it to them by a secure route: they must choose their own when they next sign in.");
        }, cancellationToken);

    public Task<IActionResult> OnPostGenerateAsync(CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            var result = await resetPassword.HandleAsync(new ResetUserPasswordCommand(UserId ?? string.Empty, null, Actor()), cancellationToken);
            // Shown on this response, not carried through a redirect: it exists nowhere else.
            GeneratedPassword = result.GeneratedPassword;
            await LoadAsync(cancellationToken);
            return Page();
        }, cancellationToken);

    public Task<IActionResult> OnPostOrganisationSignInAsync(CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            if (await list.FindAsync(UserId ?? string.Empty, cancellationToken) is not { } user)
            {
                return NotFound();
            }

            var problems = await organisationLinks.ProblemsAsync(user.UserId, SignInEmail, ObjectId, nameof(SignInEmail), nameof(ObjectId));
            if (problems.Count > 0)
            {
                throw UseCaseException.InvalidFields(problems);
            }

            await organisationLinks.RecordAsync(user.UserId, SignInEmail, ObjectId);
            return Done($"{user.UserId}'s organisation sign-in details are saved.");
        }, cancellationToken);

    private async Task<IActionResult> RunAsync(Func<Task<IActionResult>> change, CancellationToken cancellationToken)
    {
        try
        {
            return await change();
        }
        catch (UseCaseException refusal)
        {
            foreach (var problem in refusal.FieldProblems)
            {
                ModelState.AddModelError(FieldOf(problem.Field), problem.Message);
            }

            if (refusal.FieldProblems.Count == 0)
            {
                ModelState.AddModelError(string.Empty, refusal.Message);
            }

            Response.StatusCode = UseCaseProblems.StatusOf(refusal.Error);
            return await LoadAsync(cancellationToken) ? Page() : NotFound();
        }
    }

    /// <summary>The page's input for a command field; refusals about the user as a whole head the summary.</summary>
    private static string FieldOf(string commandField) => commandField switch
    {
        nameof(ChangeUserRoleCommand.Role) => nameof(Role),
        nameof(ResetUserPasswordCommand.Password) => nameof(TemporaryPassword),
        nameof(SignInEmail) or nameof(ObjectId) => commandField,
        _ => string.Empty,
    };

    private RedirectToPageResult Done(string confirmation)
    {
        TempData["UserChanged"] = confirmation;
        return RedirectToPage(new { user = UserId });
    }

    private Actor Actor() => new(User.UserId(), Policies.Administrator);

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        Subject = string.IsNullOrWhiteSpace(UserId) ? null : await list.FindAsync(UserId, cancellationToken);
        if (Subject is null)
        {
            return false;
        }

        Role ??= Subject.Role;
        // A sign-in account made for organisation sign-in alone has no password.
        HasPasswordSignIn = await signIns.FindByNameAsync(Subject.UserId) is { PasswordHash: not null };
        var (email, objectId) = await organisationLinks.RecordedAsync(Subject.UserId);
        SignInEmail ??= email;
        ObjectId ??= objectId;
        return true;
    }
}
