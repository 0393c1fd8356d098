using JustCulture.Application.Common;
using JustCulture.Application.Users;
using JustCulture.Domain;
using JustCulture.Domain.Users;
using JustCulture.Web.Api;
using JustCulture.Web.Hosting;
using JustCulture.Web.Pages.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Web.Pages.Admin;

/// <summary>
/// Users and roles. Adding a user creates the product user (role, staff link — logged) and their sign-in
/// with the initial password the administrator gives them to pass on. The list is searched and paged in the
/// database; each user's role, status and password are managed on their own page.
/// </summary>
public sealed class UsersModel(
    ListUsersHandler list,
    AddUserHandler add,
    UserManager<IdentityUser> signIns,
    JustCulture.Web.Identity.ExternalAccountLinks organisationLinks,
    JustCulture.Web.Identity.OpenIdConnectSettings organisationSignIn) : FormPageModel
{
    public sealed class NewUserInput
    {
        public string? UserId { get; set; }
        public string? Name { get; set; }
        public string? Role { get; set; }
        public string? StaffRef { get; set; }
        public string? Password { get; set; }
        public string? Email { get; set; }
        public string? ObjectId { get; set; }
    }

    public bool OrganisationSignInEnabled => organisationSignIn.Enabled;

    public string OrganisationName => organisationSignIn.DisplayName;

    [BindProperty]
    public NewUserInput Input { get; set; } = new();

    /// <summary>Part of a user ID, a name or a role, from the search form.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    /// <summary>Not "page": Razor Pages keeps that name for the page's own route value.</summary>
    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public UsersPage Results { get; private set; } = new([], 1, 1, 0, null);

    public string ResultsSummary => Results.Total == 0
        ? (Results.Search is null ? "There are no users yet." : $"No users match \u201c{Results.Search}\u201d.")
        : $"{Results.Total} {(Results.Total == 1 ? "user" : "users")}{(Results.Search is null ? "" : $" matching \u201c{Results.Search}\u201d")}, page {Results.Page} of {Results.PageCount}.";

    /// <summary>Users who have a password sign-in (others sign in through the external identity provider, if configured).</summary>
    public IReadOnlySet<string> WithSignIn { get; private set; } = new HashSet<string>();

    public string? Added { get; private set; }

    public static IReadOnlyList<string> Roles { get; } = Enum.GetNames<Role>();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Added = TempData["UserAdded"] as string;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // Shape only; every rule (lengths, roles, the password policy, duplicates) is the use case's.
        var signsInWithOrganisation = OrganisationSignInEnabled && !(string.IsNullOrWhiteSpace(Input.Email) && string.IsNullOrWhiteSpace(Input.ObjectId));
        if (string.IsNullOrEmpty(Input.Password) && !signsInWithOrganisation)
        {
            ModelState.AddModelError("Input.Password", OrganisationSignInEnabled
                ? $"Enter an initial password, or their work email or object id to sign in with {OrganisationName}"
                : "Enter an initial password");
        }

        if (signsInWithOrganisation)
        {
            // Checked before the user is added, so a bad email or a taken object id adds nothing.
            foreach (var problem in await organisationLinks.ProblemsAsync(Input.UserId?.Trim() ?? string.Empty, Input.Email, Input.ObjectId, "Input.Email", "Input.ObjectId"))
            {
                ModelState.AddModelError(problem.Field, problem.Message);
            }
        }

        if (ModelState.IsValid)
        {
            try
            {
                var user = await add.HandleAsync(new AddUserCommand(Input.UserId ?? string.Empty, Input.Name ?? string.Empty, Input.Role ?? string.Empty,
                    Input.StaffRef, new Actor(User.UserId(), Policies.Administrator), string.IsNullOrEmpty(Input.Password) ? null : Input.Password,
                    signsInWithOrganisation ? new OrganisationSignIn(Input.Email, Input.ObjectId) : null), cancellationToken);

                TempData["UserAdded"] = string.IsNullOrEmpty(Input.Password)
                    ? $"{user.UserId} added as {Vocabulary.Role(user.Role)}. They sign in with {OrganisationName}."
                    : $"{user.UserId} added as {Vocabulary.Role(user.Role)}. Give them their user ID and initial password by a secure route.";
                return RedirectToPage();
            }
            catch (UseCaseException refusal)
            {
                foreach (var problem in refusal.FieldProblems)
                {
                    ModelState.AddModelError($"Input.{problem.Field}", problem.Message);
                }

                if (refusal.FieldProblems.Count == 0)
                {
                    ModelState.AddModelError(string.Empty, refusal.Message);
                }

                Response.StatusCode = UseCaseProblems.StatusOf(refusal.Error);
            }
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Results = await list.HandleAsync(new ListUsersQuery(Search, PageNumber), cancellationToken);
        var shown = Results.Users.Select(u => u.UserId).ToList();
        WithSignIn = (await signIns.Users.Where(u => shown.Contains(u.UserName!) && u.PasswordHash != null).Select(u => u.UserName!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
    }
}
