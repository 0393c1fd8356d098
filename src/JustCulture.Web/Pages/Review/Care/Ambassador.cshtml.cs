using JustCulture.Application.Ambassadors;
using JustCulture.Application.Common;
using JustCulture.Domain.Concerns;
using JustCulture.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Review.Care;

/// <summary>
/// Inviting a trained cultural ambassador to a case's review and recording their observations (docs/domain/process-safeguards.md,
/// "Cultural ambassador"). Any case may have one; the page never says which cases need one, as that would unblind them.
/// </summary>
public sealed class AmbassadorModel(CaseAmbassadorHandler ambassador, AmbassadorSteps steps) : ReviewPageModel
{
    public AmbassadorView View { get; private set; } = null!;

    public string CaseReference { get; private set; } = string.Empty;

    [BindProperty]
    public string? Ambassador { get; set; }

    [BindProperty]
    public string? Observations { get; set; }

    [BindProperty]
    public int? ExpectedVersion { get; set; }

    /// <summary>What was just recorded: "invited" or "observations".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid concernId, CancellationToken cancellationToken) =>
        await LoadAsync(concernId, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostInviteAsync(Guid concernId, CancellationToken cancellationToken) =>
        await RunAsync(concernId, "invited", () => steps.InviteAsync(new InviteAmbassadorCommand(concernId, User.UserId(), Ambassador), cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostObservationsAsync(Guid concernId, CancellationToken cancellationToken) =>
        await RunAsync(concernId, "observations",
            () => steps.RecordObservationsAsync(new RecordObservationsCommand(concernId, User.UserId(), Observations, ExpectedVersion), cancellationToken), cancellationToken);

    private async Task<IActionResult> RunAsync(Guid concernId, string done, Func<Task<AmbassadorDecided>> run, CancellationToken cancellationToken)
    {
        try
        {
            await run();
            return RedirectToPage("Ambassador", new { concernId, done });
        }
        catch (UseCaseException refused)
        {
            if (Handle(refused) is { } result)
            {
                return result;
            }
        }

        return await LoadAsync(concernId, cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid concernId, CancellationToken cancellationToken)
    {
        if (await LoadCaseAsync(concernId, async () => View = await ambassador.HandleAsync(concernId, User.UserId(), cancellationToken)) is { } refusal)
        {
            return refusal;
        }

        CaseReference = Domain.Concerns.CaseReference.Of(concernId);
        if (ExpectedVersion is null || MovedOnMessage is not null)
        {
            ExpectedVersion = View.Version;
        }

        return null;
    }
}
