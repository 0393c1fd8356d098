using JustCulture.Application.Common;
using JustCulture.Application.Staff;
using JustCulture.Web.Api;
using JustCulture.Web.Hosting;
using JustCulture.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Admin;

/// <summary>
/// The second step of a staff upload: what the kept file would change — new people, changed people and fields,
/// leavers, WRES groups before and after — and a Confirm button. Showing it writes nothing. Confirming imports the
/// kept file, refused unless it is still the previewed file compared with the same current snapshot (the hidden
/// <see cref="FileHash"/> and <see cref="BasedOn"/>), and, after a drop of more than a fifth, unless
/// <see cref="WholeWorkforce"/> is ticked.
/// </summary>
public sealed class StaffImportPreviewModel(PendingStaffUploads uploads, PreviewStaffImportHandler previewer, ImportStaffHandler import) : FormPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? FileHash { get; set; }

    /// <summary>The current snapshot the preview compared with, empty when there was none.</summary>
    [BindProperty]
    public string? BasedOn { get; set; }

    [BindProperty]
    public bool WholeWorkforce { get; set; }

    public StaffImportPreview? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (uploads.Find(Token, User.UserId()) is not { } upload)
        {
            return Expired();
        }

        return await ShowAsync(upload, StatusCodes.Status200OK, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (uploads.Find(Token, User.UserId()) is not { } upload)
        {
            return Expired();
        }

        var previewed = new PreviewedImport(FileHash ?? string.Empty, Guid.TryParse(BasedOn, out var basedOn) ? basedOn : null);
        try
        {
            using var reader = new StringReader(upload.Csv);
            var result = await import.HandleAsync(new ImportStaffCommand(reader, upload.SourceName, upload.Year,
                new Actor(User.UserId(), Policies.Administrator), WholeWorkforce, previewed), cancellationToken);
            uploads.Forget(Token!);
            return RedirectToPage("StaffImport", null, new { imported = result.SnapshotId }, "imported");
        }
        catch (UseCaseException refusal)
        {
            foreach (var problem in refusal.FieldProblems.Count > 0 ? refusal.FieldProblems : [new FieldProblem(string.Empty, refusal.Message)])
            {
                ModelState.AddModelError(problem.Field == nameof(ImportStaffCommand.WholeWorkforceConfirmed) ? nameof(WholeWorkforce) : string.Empty, problem.Message);
            }

            return await ShowAsync(upload, UseCaseProblems.StatusOf(refusal.Error), cancellationToken);
        }
    }

    /// <summary>The preview as things stand now (after a refused confirm, too: another import may have changed it).</summary>
    private async Task<IActionResult> ShowAsync(PendingStaffUpload upload, int status, CancellationToken cancellationToken)
    {
        try
        {
            Preview = await previewer.HandleAsync(new PreviewStaffImportQuery(upload.Csv, upload.SourceName, upload.Year), cancellationToken);
            FileHash = Preview.FileHash;
            BasedOn = Preview.Replaces?.Id.ToString();
            ModelState.Remove(nameof(FileHash));
            ModelState.Remove(nameof(BasedOn));
        }
        catch (UseCaseException refusal)
        {
            // The file was fine when uploaded; something it relies on (a line manager's record) has changed since.
            ModelState.AddModelError(string.Empty, refusal.FieldProblems.Count > 0 ? string.Join(" ", refusal.FieldProblems.Select(p => p.Message)) : refusal.Message);
            status = UseCaseProblems.StatusOf(refusal.Error);
        }

        Response.StatusCode = status;
        return Page();
    }

    private IActionResult Expired()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
