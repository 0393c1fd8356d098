using JustCulture.Application.Common;
using JustCulture.Application.Users;
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
/// with the initial password the administrator gives them to pass on.
/// </summary>
public sealed class UsersModel(ListUsersHandler list, AddUserHandler add, UserManager<IdentityUser> signIns) : FormPageModel
{
    public sealed class NewUserInput
    {
        public string? UserId { get; set; }
        public string? Name { get; set; }
        public string? Role { get; set; }
        public string? StaffRef { get; set; }
        public string? Password { get; set; }
    }

    [BindProperty]
    public NewUserInput Input { get; set; } = new();

    public IReadOnlyList<UserView> Users { get; private set; } = [];

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
        if (string.IsNullOrWhiteSpace(Input.UserId))
        {
            ModelState.AddModelError("Input.UserId", "Enter a user ID");
        }

        if (string.IsNullOrWhiteSpace(Input.Name))
        {
            ModelState.AddModelError("Input.Name", "Enter the person's name");
        }

        if (string.IsNullOrWhiteSpace(Input.Role) || !Roles.Contains(Input.Role, StringComparer.Ordinal))
        {
            ModelState.AddModelError("Input.Role", "Select a role");
        }

        if (string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("Input.Password", "Enter an initial password");
        }
        else
        {
            // Checked before anything is stored, so a weak password cannot leave a user without a sign-in.
            foreach (var validator in signIns.PasswordValidators)
            {
                var check = await validator.ValidateAsync(signIns, new IdentityUser(Input.UserId ?? string.Empty), Input.Password);
                foreach (var problem in check.Errors)
                {
                    ModelState.AddModelError("Input.Password", problem.Description);
                }
            }
        }

        if (ModelState.IsValid && await signIns.FindByNameAsync(Input.UserId!.Trim()) is not null)
        {
            ModelState.AddModelError("Input.UserId", $"A sign-in called '{Input.UserId.Trim()}' already exists");
        }

        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken);
            return Page();
        }

        try
        {
            var user = await add.HandleAsync(new AddUserCommand(Input.UserId!.Trim(), Input.Name!, Input.Role!,
                string.IsNullOrWhiteSpace(Input.StaffRef) ? null : Input.StaffRef.Trim(), new Actor(User.UserId(), Policies.Administrator)), cancellationToken);
            await DatabasePreparation.CreateSignInAsync(signIns, user.UserId, Input.Password!);
            TempData["UserAdded"] = $"{user.UserId} added as {user.Role}. Give them their user ID and initial password by a secure route.";
            return RedirectToPage();
        }
        catch (UseCaseException refusal)
        {
            var field = refusal.Message.Contains("staff ref", StringComparison.OrdinalIgnoreCase) ? "Input.StaffRef"
                : refusal.Message.Contains("role", StringComparison.OrdinalIgnoreCase) ? "Input.Role"
                : refusal.Message.Contains("sign-in", StringComparison.OrdinalIgnoreCase) ? "Input.Password"
                : "Input.UserId";
            ModelState.AddModelError(field, refusal.Message);
            foreach (var detail in refusal.Details)
            {
                ModelState.AddModelError(field, detail);
            }

            Response.StatusCode = UseCaseProblems.StatusOf(refusal.Error);
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Users = await list.HandleAsync(cancellationToken);
        WithSignIn = (await signIns.Users.Select(u => u.UserName!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
    }
}
