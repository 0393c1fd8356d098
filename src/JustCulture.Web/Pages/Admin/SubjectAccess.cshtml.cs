using System.Text;
using JustCulture.Application.Common;
using JustCulture.Application.SubjectAccess;
using JustCulture.Web.Api;
using JustCulture.Web.Hosting;
using JustCulture.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Admin;

/// <summary>
/// A subject access request: an administrator enters a staff ref and sees, or downloads, everything held about
/// that person as the subject of concerns. Both are POSTs, because producing the document is logged each time.
/// </summary>
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class SubjectAccessModel(SubjectAccessHandler subjectAccess) : FormPageModel
{
    [BindProperty]
    public string? StaffRef { get; set; }

    public SubjectAccessDocument? Document { get; private set; }

    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync(CancellationToken cancellationToken) =>
        ProduceAsync(document =>
        {
            Document = document;
            return Page();
        }, cancellationToken);

    public Task<IActionResult> OnPostDownloadAsync(CancellationToken cancellationToken) =>
        ProduceAsync(document => File(Encoding.UTF8.GetBytes(SubjectAccessHtml.Render(document)), "text/html; charset=utf-8",
            $"subject-access-{FileNamePart(document.StaffRef)}.html"), cancellationToken);

    private async Task<IActionResult> ProduceAsync(Func<SubjectAccessDocument, IActionResult> show, CancellationToken cancellationToken)
    {
        try
        {
            return show(await subjectAccess.HandleAsync(new SubjectAccessQuery(StaffRef, new Actor(User.UserId(), Policies.Administrator)), cancellationToken));
        }
        catch (UseCaseException refusal)
        {
            // Every refusal here is about the staff ref: put it beside the one input.
            ModelState.AddModelError(nameof(StaffRef), refusal.FieldProblems.Count > 0 ? refusal.FieldProblems[0].Message : refusal.Message);
            Response.StatusCode = UseCaseProblems.StatusOf(refusal.Error);
            return Page();
        }
    }

    /// <summary>Staff refs are short codes; anything else in one is left out of the file name.</summary>
    private static string FileNamePart(string staffRef) => new(staffRef.Where(char.IsAsciiLetterOrDigit).Take(32).ToArray());
}
