using JustCulture.Application.Common;
using JustCulture.Application.Suspensions;
using JustCulture.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace JustCulture.Web.Pages.Review.Suspensions;

/// <summary>A page about one suspension: it is read as the signed-in user may see it, or the page refuses as every review page does.</summary>
public abstract class OneSuspensionPageModel(CaseSuspensionsHandler suspensions) : SuspensionPageModel
{
    public SuspensionView Suspension { get; private set; } = null!;

    /// <returns>Null when the suspension was read (and the form's version set from it); otherwise the refusal to show.</returns>
    protected async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Suspension = await suspensions.OneAsync(id, User.UserId(), cancellationToken);
        }
        catch (UseCaseException refused) when (refused.Error is UseCaseError.NotFound or UseCaseError.Forbidden)
        {
            return Handle(refused);
        }

        ExpectedVersion = Suspension.Version;
        return null;
    }

    /// <summary>The form again after a refusal: the suspension as it now stands, with the version the form was posted
    /// from, so a stale form stays stale rather than silently catching up.</summary>
    protected async Task<IActionResult> ShowAgainAsync(Guid id, CancellationToken cancellationToken)
    {
        var posted = ExpectedVersion;
        var shown = await LoadAsync(id, cancellationToken);
        ExpectedVersion = posted;
        return shown ?? Page();
    }
}
