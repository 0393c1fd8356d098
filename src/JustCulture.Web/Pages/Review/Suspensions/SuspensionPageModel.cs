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

    /// <summary>Invalid input and broken rules go beside their fields (through <paramref name="fieldOf"/>); the rest as every review page does.</summary>
    protected IActionResult? Refused(UseCaseException refused, Func<string, string> fieldOf)
    {
        ArgumentNullException.ThrowIfNull(refused);
        ArgumentNullException.ThrowIfNull(fieldOf);
        if (refused.Error is UseCaseError.Invalid or UseCaseError.RuleViolated or UseCaseError.Forbidden && refused.FieldProblems.Count > 0)
        {
            foreach (var problem in refused.FieldProblems)
            {
                var field = problem.Field == "ReviewDate" ? nameof(ReviewDateDay) : fieldOf(problem.Field);
                // A date the page could not read already says so; the command's "enter a date" would repeat it.
                if (field == nameof(ReviewDateDay) && BadDate)
                {
                    continue;
                }

                ModelState.AddModelError(field, problem.Message.TrimEnd('.'));
            }

            return null;
        }

        return Handle(refused);
    }
}
