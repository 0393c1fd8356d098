using JustCulture.Application.Common;
using JustCulture.Application.Suspensions;
using JustCulture.Domain.Concerns;
using JustCulture.Domain.Suspensions;
using JustCulture.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Review.Suspensions;

/// <summary>Propose a suspension, exclusion or restriction of duties on a case: the alternatives weighed and a review date.</summary>
public sealed class NewModel(CaseSuspensionsHandler suspensions, SuspensionSteps steps, SuspensionRules rules) : SuspensionPageModel
{
    public string CaseReference { get; private set; } = string.Empty;

    public int MaxReviewDays => rules.MaxReviewDays;

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public string? Redeployment { get; set; }

    [BindProperty]
    public string? Supervision { get; set; }

    [BindProperty]
    public string? RestrictedDuties { get; set; }

    [BindProperty]
    public string? OtherDescription { get; set; }

    [BindProperty]
    public string? Other { get; set; }

    public static IReadOnlyList<(SuspensionKind Kind, string Hint)> Kinds { get; } =
    [
        (SuspensionKind.RestrictionOfDuties, "At work, with some duties taken away. The least restrictive of the three."),
        (SuspensionKind.Suspension, "Sent home on full pay while the case is looked into."),
        (SuspensionKind.Exclusion, "The same for medical and dental staff (Maintaining High Professional Standards)."),
    ];

    public async Task<IActionResult> OnGetAsync(Guid concernId, CancellationToken cancellationToken) =>
        await LoadAsync(concernId, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid concernId, CancellationToken cancellationToken)
    {
        var reviewDate = ReviewDate();
        SuspensionKind? kind = Enum.TryParse<SuspensionKind>(Kind, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        var alternatives = new List<AlternativeInput>
        {
            new(SuspensionAlternative.Redeployment, null, Redeployment),
            new(SuspensionAlternative.Supervision, null, Supervision),
            new(SuspensionAlternative.RestrictedDuties, null, RestrictedDuties),
            new(SuspensionAlternative.Other, OtherDescription, Other),
        };
        try
        {
            var proposed = await steps.ProposeAsync(new ProposeSuspensionCommand(concernId, User.UserId(), kind, Reason, alternatives, reviewDate), cancellationToken);
            return RedirectToPage("Details", new { id = proposed.SuspensionId, done = "proposed" });
        }
        catch (UseCaseException refused)
        {
            if (Refused(refused, FieldOf) is { } result)
            {
                return result;
            }
        }

        return await LoadAsync(concernId, cancellationToken) ?? Page();
    }

    private static string FieldOf(string field) => field switch
    {
        "Alternatives.Other.Description" => nameof(OtherDescription),
        "Alternatives" => nameof(Redeployment),
        _ when field.StartsWith("Alternatives.", StringComparison.Ordinal) => field["Alternatives.".Length..],
        _ => field,
    };

    private async Task<IActionResult?> LoadAsync(Guid concernId, CancellationToken cancellationToken)
    {
        // The same access policy as the step: only an independent commissioning manager of the case gets the form.
        if (await LoadCaseAsync(concernId, () => suspensions.HandleAsync(concernId, User.UserId(), cancellationToken)) is { } refusal)
        {
            return refusal;
        }

        CaseReference = Domain.Concerns.CaseReference.Of(concernId);
        return null;
    }
}
