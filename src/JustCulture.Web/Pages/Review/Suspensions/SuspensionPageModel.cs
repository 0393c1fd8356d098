using JustCulture.Application.Common;
using JustCulture.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Review.Suspensions;

/// <summary>What the suspension pages share: the NHS.UK date input, and refusals placed beside the page's own fields.</summary>
public abstract class SuspensionPageModel : ReviewPageModel
{
    [BindProperty]
    public string? ReviewDateDay { get; set; }

    [BindProperty]
    public string? ReviewDateMonth { get; set; }

    [BindProperty]
    public string? ReviewDateYear { get; set; }

    [BindProperty]
    public int? ExpectedVersion { get; set; }

    /// <summary>The date typed, or null; a partial or impossible date is an error on its first box.</summary>
    protected DateOnly? ReviewDate()
    {
        var (date, readable) = FormInput.Date(ReviewDateDay, ReviewDateMonth, ReviewDateYear);
        if (!readable)
        {
            ModelState.AddModelError(nameof(ReviewDateDay), "Review date must be a real date");
        }

        return date;
    }

    protected bool BadDate => HasError(nameof(ReviewDateDay));

    /// <summary>Invalid input, broken rules and the approver's refusal go beside their fields (through <paramref name="fieldOf"/>).</summary>
    protected IActionResult? Refused(UseCaseException refused, Func<string, string> fieldOf)
    {
        ArgumentNullException.ThrowIfNull(fieldOf);
        return RefusedBeside(refused, field => field == "ReviewDate" ? nameof(ReviewDateDay) : fieldOf(field), forbiddenBeside: true);
    }
}
