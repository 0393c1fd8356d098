using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JustCulture.Web.Pages.Shared;

/// <summary>Helpers every form page uses to render NHS.UK error messages beside their fields.</summary>
public abstract class FormPageModel : PageModel
{
    public bool HasError(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    public string? ErrorFor(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
