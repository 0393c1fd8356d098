using System.Text;
using JustCulture.Application.Common;
using JustCulture.Application.Staff;
using JustCulture.Web.Api;
using JustCulture.Web.Hosting;
using JustCulture.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Admin;

/// <summary>Staff CSV upload, the first of two steps: the file is checked (all or nothing, every bad row listed) and
/// kept for its preview, where it is confirmed; nothing is imported here. The page also shows every snapshot imported.
/// This page alone takes bodies above the app-wide 5 MB limit (<see cref="StaffUploadLimits"/>); the file limit sits
/// just below its request limit so an oversized file gets a clear message here rather than a bare refusal from the server.</summary>
[RequestSizeLimit(StaffUploadLimits.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = StaffUploadLimits.MaxRequestBytes)]
public sealed class StaffImportModel(PreviewStaffImportHandler preview, SnapshotHistoryHandler history, PendingStaffUploads uploads) : FormPageModel
{
    public const int MaxFileBytes = StaffUploadLimits.MaxFileBytes;

    /// <summary>Enough rows to fix a file in one go without an unreadable page.</summary>
    private const int MaxErrorsShown = 100;

    [BindProperty]
    public string? Year { get; set; }

    [BindProperty]
    public IFormFile? CsvFile { get; set; }

    /// <summary>The snapshot just imported, after a confirmed preview.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Imported { get; set; }

    public SnapshotSummary? ImportedSnapshot { get; private set; }

    public IReadOnlyList<SnapshotSummary> History { get; private set; } = [];

    public int HiddenErrors { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        History = await history.HandleAsync(cancellationToken);
        ImportedSnapshot = History.FirstOrDefault(s => s.Id == Imported);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Imported = null;
        if (string.IsNullOrWhiteSpace(Year))
        {
            ModelState.AddModelError(nameof(Year), "Enter the reporting year, for example 2024-25");
        }

        if (CsvFile is null || CsvFile.Length == 0)
        {
            ModelState.AddModelError(nameof(CsvFile), "Select the staff CSV file");
        }
        else if (CsvFile.Length > MaxFileBytes)
        {
            ModelState.AddModelError(nameof(CsvFile), $"The file must be smaller than {MaxFileBytes / (1024 * 1024)} MB");
        }

        if (!ModelState.IsValid)
        {
            return await RefusedAsync(StatusCodes.Status400BadRequest, cancellationToken);
        }

        var sourceName = Path.GetFileName(CsvFile!.FileName);
        if (string.IsNullOrWhiteSpace(sourceName))
        {
            sourceName = "upload.csv";
        }

        string csv;
        await using (var stream = CsvFile.OpenReadStream())
        using (var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
            csv = await reader.ReadToEndAsync(cancellationToken);
        }

        try
        {
            // Checked now so a bad file is fixed from this page; the preview page works the comparison out again.
            await preview.HandleAsync(new PreviewStaffImportQuery(csv, sourceName, Year!.Trim()), cancellationToken);
        }
        catch (UseCaseException refusal)
        {
            // The import keys every problem to its input (the year, or the file): place each by its key, the file's
            // summary first and then its bad rows, up to the number this page lists.
            IReadOnlyList<FieldProblem> problems = refusal.FieldProblems.Count > 0 ? refusal.FieldProblems : [new(nameof(ImportStaffCommand.Csv), refusal.Message)];
            var fileProblems = 0;
            foreach (var problem in problems)
            {
                var key = problem.Field == nameof(ImportStaffCommand.Year) ? nameof(Year) : nameof(CsvFile);
                if (key == nameof(CsvFile) && ++fileProblems > MaxErrorsShown + 1)
                {
                    HiddenErrors++;
                    continue;
                }

                ModelState.AddModelError(key, problem.Message);
            }

            return await RefusedAsync(UseCaseProblems.StatusOf(refusal.Error), cancellationToken);
        }

        var token = uploads.Keep(User.UserId(), sourceName, Year!.Trim(), csv);
        return RedirectToPage("StaffImportPreview", new { token });
    }

    private async Task<IActionResult> RefusedAsync(int status, CancellationToken cancellationToken)
    {
        History = await history.HandleAsync(cancellationToken);
        Response.StatusCode = status;
        return Page();
    }
}
