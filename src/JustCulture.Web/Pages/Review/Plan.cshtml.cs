using JustCulture.Application.Common;
using JustCulture.Application.Review;
using JustCulture.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Review;

/// <summary>Agreed actions and review date of an informal resolution (NHS.UK date input: day, month, year).</summary>
public sealed class PlanModel(GetReviewCaseHandler cases, RecordInformalPlanHandler plans) : ReviewActionPageModel(cases)
{
    protected override string ActionGoneMessage => "This action is not in informal resolution any more, or the case has moved on. Return to the case to see where it is.";

    [BindProperty]
    public string? AgreedActions { get; set; }

    [BindProperty]
    public string? ReviewDateDay { get; set; }

    [BindProperty]
    public string? ReviewDateMonth { get; set; }

    [BindProperty]
    public string? ReviewDateYear { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int ordinal, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, AwaitingResult(ordinal), cancellationToken) is { } refused)
        {
            return refused;
        }

        ExpectedVersion = Action?.Version;
        if (Action is { } action)
        {
            AgreedActions = action.InformalAgreedActions;
            if (action.InformalReviewDate is { } date)
            {
                ReviewDateDay = date.Day.ToString(System.Globalization.CultureInfo.InvariantCulture);
                ReviewDateMonth = date.Month.ToString(System.Globalization.CultureInfo.InvariantCulture);
                ReviewDateYear = date.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, int ordinal, CancellationToken cancellationToken)
    {
        RequireExpectedVersion(ExpectedVersion);
        DateOnly? reviewDate = null;
        var anyDatePart = !string.IsNullOrWhiteSpace(ReviewDateDay) || !string.IsNullOrWhiteSpace(ReviewDateMonth) || !string.IsNullOrWhiteSpace(ReviewDateYear);
        if (anyDatePart)
        {
            if (int.TryParse(ReviewDateDay, out var day) && int.TryParse(ReviewDateMonth, out var month) && int.TryParse(ReviewDateYear, out var year)
                && year is >= 1900 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                reviewDate = new DateOnly(year, month, day);
            }
            else
            {
                ModelState.AddModelError("ReviewDateDay", "Review date must be a real date");
            }
        }

        // Shape only here: the command says what else is wrong, so a bad date and a missing plan show together.
        var badDate = ModelState.TryGetValue(nameof(ReviewDateDay), out var dateEntry) && dateEntry.Errors.Count > 0;
        if (ModelState.IsValid || badDate)
        {
            try
            {
                await plans.HandleAsync(new RecordInformalPlanCommand(id, ordinal, User.UserId(), AgreedActions, reviewDate, ExpectedVersion), cancellationToken);
                return RedirectToPage("Case", new { id, done = "plan" });
            }
            catch (UseCaseException refused) when (refused.Error == UseCaseError.Invalid)
            {
                IReadOnlyList<FieldProblem> problems = refused.FieldProblems.Count > 0 ? refused.FieldProblems : [new(nameof(AgreedActions), refused.Message)];
                foreach (var problem in problems.Where(p => !badDate || p.Field != nameof(RecordInformalPlanCommand.ReviewDate)))
                {
                    // The date's error goes on its first box, as the NHS.UK date input pattern asks.
                    var key = problem.Field == nameof(RecordInformalPlanCommand.ReviewDate) ? nameof(ReviewDateDay) : nameof(AgreedActions);
                    ModelState.AddModelError(key, problem.Message.TrimEnd('.'));
                }
            }
            catch (UseCaseException refused)
            {
                if (Handle(refused, nameof(AgreedActions)) is { } result)
                {
                    return result;
                }
            }
        }

        return await ShowAgainAsync(id, AwaitingResult(ordinal), cancellationToken);
    }

    /// <summary>The plan belongs to an action in informal resolution, i.e. one whose result is awaited.</summary>
    private static Func<ReviewActionView, bool> AwaitingResult(int ordinal) =>
        a => a.Ordinal == ordinal && a.PendingTask?.Kind == ReviewTaskKind.InformalResolutionResult;
}
