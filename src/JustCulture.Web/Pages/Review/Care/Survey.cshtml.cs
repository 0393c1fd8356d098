using JustCulture.Application.Common;
using JustCulture.Application.Survey;
using JustCulture.Web.Api;
using JustCulture.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Review.Care;

/// <summary>
/// Offering the person the fairness survey once their case has closed (docs/domain/process-safeguards.md, "Fairness survey").
/// The one-time link is shown in the answer to the offer and nowhere else: it is never in a URL, a redirect or the database.
/// </summary>
public sealed class SurveyModel(SurveyOfferStateHandler offers, FairnessSurveySteps steps) : ReviewPageModel
{
    public SurveyOfferState State { get; private set; } = null!;

    /// <summary>The link just made, shown this once.</summary>
    public string? Link { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid concernId, CancellationToken cancellationToken) =>
        await LoadAsync(concernId, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid concernId, CancellationToken cancellationToken)
    {
        try
        {
            var offered = await steps.OfferAsync(new OfferSurveyCommand(concernId, User.UserId()), cancellationToken);
            Link = CaseCareEndpoints.SurveyLink(Request, offered.Token);
            // The link must not be kept by a shared machine's cache.
            Response.Headers.CacheControl = "no-store";
        }
        catch (UseCaseException refused)
        {
            if (Handle(refused, "Concern") is { } result)
            {
                return result;
            }
        }

        return await LoadAsync(concernId, cancellationToken) ?? Page();
    }

    private Task<IActionResult?> LoadAsync(Guid concernId, CancellationToken cancellationToken) =>
        LoadCaseAsync(concernId, async () => State = await offers.HandleAsync(concernId, User.UserId(), cancellationToken));
}
