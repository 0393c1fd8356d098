using JustCulture.Application.Common;
using JustCulture.Application.Wellbeing;
using JustCulture.Domain.Wellbeing;
using JustCulture.Web.Hosting;
using JustCulture.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Review.Care;

/// <summary>
/// The person's wellbeing on a case (docs/domain/process-safeguards.md, "Wellbeing"): the named contact and the support
/// offered, then each check-in. Two forms on one page, each its own case step; a refusal goes beside the form's own field.
/// </summary>
public sealed class WellbeingModel(CaseWellbeingHandler wellbeing, WellbeingSteps steps) : ReviewPageModel
{
    public WellbeingView Record { get; private set; } = null!;

    public int MaxDaysAhead => WellbeingRecord.MaxDaysToNextCheckIn;

    [BindProperty]
    public string? ContactName { get; set; }

    [BindProperty]
    public bool OccupationalHealth { get; set; }

    [BindProperty]
    public bool EmployeeAssistance { get; set; }

    [BindProperty]
    public bool UnionOrStaffNetwork { get; set; }

    [BindProperty]
    public string? Notes { get; set; }

    [BindProperty]
    public string? NextDueDay { get; set; }

    [BindProperty]
    public string? NextDueMonth { get; set; }

    [BindProperty]
    public string? NextDueYear { get; set; }

    [BindProperty]
    public string? HeldOnDay { get; set; }

    [BindProperty]
    public string? HeldOnMonth { get; set; }

    [BindProperty]
    public string? HeldOnYear { get; set; }

    [BindProperty]
    public string? HeldBy { get; set; }

    [BindProperty]
    public string? CheckInNotes { get; set; }

    [BindProperty]
    public string? CheckInNextDueDay { get; set; }

    [BindProperty]
    public string? CheckInNextDueMonth { get; set; }

    [BindProperty]
    public string? CheckInNextDueYear { get; set; }

    [BindProperty]
    public int? ExpectedVersion { get; set; }

    /// <summary>What was just recorded: "support" or "check-in".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid concernId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(concernId, cancellationToken) is { } refused)
        {
            return refused;
        }

        // Changing the record starts from what it says now; the next date is always chosen afresh.
        if (Record.Recorded)
        {
            ContactName = Record.ContactName;
            OccupationalHealth = Record.OccupationalHealthOffered;
            EmployeeAssistance = Record.EmployeeAssistanceOffered;
            UnionOrStaffNetwork = Record.UnionOrStaffNetworkOffered;
            Notes = Record.SupportNotes;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSupportAsync(Guid concernId, CancellationToken cancellationToken)
    {
        var nextDue = ReadDate(nameof(NextDueDay), NextDueDay, NextDueMonth, NextDueYear, "Next check-in");
        try
        {
            await steps.RecordAsync(new RecordWellbeingCommand(concernId, User.UserId(), ContactName, OccupationalHealth, EmployeeAssistance, UnionOrStaffNetwork,
                Notes, nextDue, ExpectedVersion), cancellationToken);
            return RedirectToPage("Wellbeing", new { concernId, done = "support" });
        }
        catch (UseCaseException refused)
        {
            if (RefusedBeside(refused, field => field switch
                {
                    "Support" => nameof(OccupationalHealth),
                    "NextCheckInDue" => nameof(NextDueDay),
                    _ => field,
                }) is { } result)
            {
                return result;
            }
        }

        return await LoadAsync(concernId, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostCheckInAsync(Guid concernId, CancellationToken cancellationToken)
    {
        var heldOn = ReadDate(nameof(HeldOnDay), HeldOnDay, HeldOnMonth, HeldOnYear, "Date held");
        var nextDue = ReadDate(nameof(CheckInNextDueDay), CheckInNextDueDay, CheckInNextDueMonth, CheckInNextDueYear, "Next check-in");
        try
        {
            await steps.CheckInAsync(new RecordCheckInCommand(concernId, User.UserId(), heldOn, HeldBy, CheckInNotes, nextDue, ExpectedVersion), cancellationToken);
            return RedirectToPage("Wellbeing", new { concernId, done = "check-in" });
        }
        catch (UseCaseException refused)
        {
            if (RefusedBeside(refused, field => field switch
                {
                    "HeldOn" => nameof(HeldOnDay),
                    "Notes" => nameof(CheckInNotes),
                    "NextCheckInDue" => nameof(CheckInNextDueDay),
                    _ => field,
                }) is { } result)
            {
                return result;
            }
        }

        return await LoadAsync(concernId, cancellationToken) ?? Page();
    }

    public DateParts DateFor(string name, string legend, string hint, string? day, string? month, string? year) =>
        new(name, legend, hint, day, month, year, ErrorFor($"{name}Day"));

    /// <summary>A partial or impossible date is an error on its first box; the step's own "enter a date" would then repeat it.</summary>
    private DateOnly? ReadDate(string dayField, string? day, string? month, string? year, string what)
    {
        var (date, readable) = FormInput.Date(day, month, year);
        if (!readable)
        {
            ModelState.AddModelError(dayField, $"{what} must be a real date");
        }

        return date;
    }

    private async Task<IActionResult?> LoadAsync(Guid concernId, CancellationToken cancellationToken)
    {
        return await LoadCaseAsync(concernId, async () =>
        {
            Record = await wellbeing.HandleAsync(concernId, User.UserId(), cancellationToken);
            // After a refusal for staleness the form carries the version now shown, so it can be sent again once read.
            if (ExpectedVersion is null || MovedOnMessage is not null)
            {
                ExpectedVersion = Record.Version;
            }
        });
    }
}
