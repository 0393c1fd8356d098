using JustCulture.Application.Common;
using JustCulture.Application.Staff;
using JustCulture.Web.Api;
using JustCulture.Web.Hosting;
using JustCulture.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Admin;

/// <summary>Staff CSV upload: the same import as the CLI, all or nothing, every bad row listed.
/// The file limit sits below the app-wide 5 MB request limit so an oversized file gets a clear message
/// here rather than a bare refusal from the server.</summary>
public sealed class StaffImportModel(ImportStaffHandler import) : FormPageModel
{
    public const int MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>Enough rows to fix a file in one go without an unreadable page.</summary>
    private const int MaxErrorsShown = 100;

    [BindProperty]
    public string? Year { get; set; }

    [BindProperty]
    public IFormFile? CsvFile { get; set; }

    public ImportStaffResult? Result { get; private set; }

    public string? SourceName { get; private set; }

    public int HiddenErrors { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
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
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        SourceName = Path.GetFileName(CsvFile!.FileName);
        if (string.IsNullOrWhiteSpace(SourceName))
        {
            SourceName = "upload.csv";
        }

        try
        {
            await using var stream = CsvFile.OpenReadStream();
            using var reader = new StreamReader(stream);
            Result = await import.HandleAsync(new ImportStaffCommand(reader, SourceName, Year!.Trim(), new Actor(User.UserId(), Policies.Administrator)), cancellationToken);
            return Page();
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

            Response.StatusCode = UseCaseProblems.StatusOf(refusal.Error);
            return Page();
        }
    }
}
