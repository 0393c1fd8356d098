using JustCulture.Application.Survey;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace JustCulture.Web.Pages.Audit.Reports;

/// <summary>
/// What staff who went through the process said of it, by WRES group and reporting year (docs/domain/process-safeguards.md,
/// "Fairness survey"): a group with fewer than five answers shows only "&lt;5", so no one person's answers can be read.
/// </summary>
public sealed class SurveyModel(FairnessSurveyResultsHandler handler) : PageModel
{
    public static IReadOnlyList<(string Key, string Question)> Questions { get; } =
    [
        ("TreatedFairly", "I was treated fairly"),
        ("ListenedTo", "I was listened to"),
        ("SameAsWhiteColleague", "A white colleague in my position would have been treated the same"),
    ];

    public IReadOnlyList<SurveyYearResult> Years { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Years = await handler.HandleAsync(cancellationToken);

    public static double? AgreePercent(SurveyGroupResult group, string question)
    {
        ArgumentNullException.ThrowIfNull(group);
        return question switch
        {
            "TreatedFairly" => group.TreatedFairlyAgreePercent,
            "ListenedTo" => group.ListenedToAgreePercent,
            _ => group.SameAsWhiteColleagueAgreePercent,
        };
    }
}
