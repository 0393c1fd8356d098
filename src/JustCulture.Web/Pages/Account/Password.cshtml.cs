using JustCulture.Application.Common;
using JustCulture.Web.Api;
using JustCulture.Web.Identity;
using JustCulture.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Account;

/// <summary>Anyone signed in changes their own password (and must, after an administrator's reset).</summary>
public sealed class PasswordModel(PasswordChange change) : FormPageModel
{
    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? ConfirmPassword { get; set; }

    public bool Changed { get; private set; }

    public bool MustChange => User.HasClaim(c => c.Type == PasswordChange.MustChangeClaim);

    public void OnGet() => Changed = TempData["PasswordChanged"] is true;

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            if (!string.IsNullOrEmpty(NewPassword) && NewPassword != ConfirmPassword)
            {
                // Checked first so a mistyped confirmation never changes the password.
                throw UseCaseException.Invalid(nameof(ConfirmPassword), "The new passwords do not match");
            }

            await change.ChangeAsync(User, CurrentPassword, NewPassword, refreshCookie: true);
            TempData["PasswordChanged"] = true;
            return RedirectToPage();
        }
        catch (UseCaseException refusal)
        {
            foreach (var problem in refusal.FieldProblems)
            {
                ModelState.AddModelError(problem.Field, problem.Message);
            }

            if (refusal.FieldProblems.Count == 0)
            {
                ModelState.AddModelError(string.Empty, refusal.Message);
            }

            Response.StatusCode = UseCaseProblems.StatusOf(refusal.Error);
            return Page();
        }
    }
}
