using JustCulture.Application.Common;
using JustCulture.Application.Review;
using JustCulture.Domain.Concerns;
using JustCulture.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Review;

public sealed class CaseModel(GetReviewCaseHandler cases, SimilarCasesHandler similar, UnblindCaseHandler unblind,
    JustCulture.Application.Suspensions.CaseSuspensionsHandler suspensions, JustCulture.Application.Cases.CaseFlagsHandler flags,
    JustCulture.Application.Clocks.StageClockReader clocks, JustCulture.Application.Formal.FormalProcessQueries formal,
    JustCulture.Application.Wellbeing.CaseWellbeingHandler wellbeing, JustCulture.Application.Ambassadors.CaseAmbassadorHandler ambassador,
    JustCulture.Application.Ambassadors.AmbassadorRules ambassadorRules, JustCulture.Application.Survey.SurveyOfferStateHandler surveys) : ReviewPageModel
{
    public JustCulture.Application.Wellbeing.WellbeingView Wellbeing { get; private set; } = null!;

    /// <summary>The case's cultural ambassador, or null when the trust does not use them.</summary>
    public JustCulture.Application.Ambassadors.AmbassadorView? Ambassador { get; private set; }

    /// <summary>Whether the fairness survey has been offered, or null while the case is open.</summary>
    public JustCulture.Application.Survey.SurveyOfferState? Survey { get; private set; }

    /// <summary>Each open action's stage clock, by action.</summary>
    public IReadOnlyDictionary<int, JustCulture.Application.Clocks.StageClock> Clocks { get; private set; } = new Dictionary<int, JustCulture.Application.Clocks.StageClock>();

    /// <summary>Each action in the formal process, by ordinal: what is recorded and what comes next.</summary>
    public IReadOnlyDictionary<int, JustCulture.Application.Formal.FormalActionView> Formal { get; private set; } = new Dictionary<int, JustCulture.Application.Formal.FormalActionView>();

    public IReadOnlyList<JustCulture.Application.Suspensions.SuspensionView> Suspensions { get; private set; } = [];

    public IReadOnlyList<JustCulture.Application.Cases.CaseFlag> Flags { get; private set; } = [];

    public ReviewCaseView Case { get; private set; } = null!;

    /// <summary>Similar past cases for each distinct outcome among the actions.</summary>
    public IReadOnlyList<SimilarCasesView> Similar { get; private set; } = [];

    [BindProperty]
    public string? UnblindReason { get; set; }

    /// <summary>What the reviewer just did (shown as a confirmation): "route", "plan", "result", "unblinded".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostUnblindAsync(Guid id, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(UnblindReason))
        {
            ModelState.AddModelError(nameof(UnblindReason), "Enter why you need to see the name and ethnicity");
        }
        else
        {
            try
            {
                await unblind.HandleAsync(new UnblindCaseCommand(id, User.UserId(), UnblindReason), cancellationToken);
                return RedirectToPage("Case", new { id, done = "unblinded" });
            }
            catch (UseCaseException refused)
            {
                if (Handle(refused, nameof(UnblindReason)) is { } result)
                {
                    return result;
                }
            }
        }

        return await LoadAsync(id, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadCaseAsync(id, async () => Case = await cases.HandleAsync(new GetReviewCaseQuery(id, User.UserId()), cancellationToken)) is { } refusal)
        {
            return refusal;
        }

        var outcomes = Case.Actions.Where(a => a.Outcome is not null).Select(a => a.Outcome!.Value).Distinct().ToList();
        var views = new List<SimilarCasesView>();
        foreach (var outcome in outcomes)
        {
            views.Add(await similar.HandleAsync(new SimilarCasesQuery(outcome, Case.Category, Case.ConcernId), cancellationToken));
        }

        Similar = views;
        Suspensions = await suspensions.HandleAsync(id, User.UserId(), cancellationToken);
        Flags = (await flags.ForAsync([id], cancellationToken)).GetValueOrDefault(id) ?? [];
        Clocks = ((await clocks.ForAsync([id], cancellationToken)).GetValueOrDefault(id) ?? []).ToDictionary(c => c.ActionOrdinal);
        Formal = (await formal.ForCaseAsync(id, User.UserId(), cancellationToken)).ToDictionary(f => f.ActionOrdinal);
        Wellbeing = await wellbeing.HandleAsync(id, User.UserId(), cancellationToken);
        Ambassador = ambassadorRules.Enabled ? await ambassador.HandleAsync(id, User.UserId(), cancellationToken) : null;
        Survey = Case.Status == ConcernStatus.Closed ? await surveys.HandleAsync(id, User.UserId(), cancellationToken) : null;
        return null;
    }
}
