using JustCulture.Application.Common;
using JustCulture.Application.Survey;
using JustCulture.Domain.Survey;
using JustCulture.Web.Pages.Shared;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Survey;

/// <summary>
/// The fairness survey, reached without signing in through the one-time link (docs/domain/process-safeguards.md,
/// "Fairness survey"). The form keeps antiforgery; the token is the only key and answers once.
/// </summary>
public sealed class IndexModel(FairnessSurveySteps steps) : FormPageModel
{
    public static IReadOnlyList<(string Field, string Question)> Questions { get; } =
    [
        ("TreatedFairly", "I was treated fairly"),
        ("ListenedTo", "I was listened to"),
        ("SameAsWhiteColleague", "A white colleague in my position would have been treated the same"),
    ];

    public static IReadOnlyList<(Agreement Value, string Words)> Answers { get; } =
    [
        (Agreement.StronglyAgree, "Strongly agree"),
        (Agreement.Agree, "Agree"),
        (Agreement.NeitherAgreeNorDisagree, "Neither agree nor disagree"),
        (Agreement.Disagree, "Disagree"),
        (Agreement.StronglyDisagree, "Strongly disagree"),
    ];

    public SurveyLinkState State { get; private set; }

    public bool Thanked { get; private set; }

    [BindProperty]
    public string? TreatedFairly { get; set; }

    [BindProperty]
    public string? ListenedTo { get; set; }

    [BindProperty]
    public string? SameAsWhiteColleague { get; set; }

    public string? Chosen(string field) => field switch
    {
        "TreatedFairly" => TreatedFairly,
        "ListenedTo" => ListenedTo,
        _ => SameAsWhiteColleague,
    };

    public async Task OnGetAsync(string? token, CancellationToken cancellationToken) => State = await steps.StateAsync(token, cancellationToken);

    public async Task<IActionResult> OnPostAsync(string? token, CancellationToken cancellationToken)
    {
        try
        {
            await steps.SubmitAsync(new SubmitSurveyCommand(token, Parse(TreatedFairly), Parse(ListenedTo), Parse(SameAsWhiteColleague)), cancellationToken);
            Thanked = true;
            State = SurveyLinkState.Used;
            return Page();
        }
        catch (UseCaseException refused)
        {
            foreach (var problem in refused.FieldProblems.Where(p => p.Field != "Token"))
            {
                ModelState.AddModelError(problem.Field, problem.Message);
            }

            State = await steps.StateAsync(token, cancellationToken);
            return Page();
        }
    }

    private static Agreement? Parse(string? value) =>
        Enum.TryParse<Agreement>(value, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed : null;
}
