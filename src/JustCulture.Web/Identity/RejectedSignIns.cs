using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace JustCulture.Web.Identity;

/// <summary>
/// A cookie or token whose ticket is valid but whose user <see cref="DomainRoleClaims"/> turned into nobody (a
/// deactivated user) counts as no sign-in at all: the request is challenged (401, or the sign-in page) rather
/// than forbidden, and a browser's cookie is removed.
/// </summary>
public static class RejectedSignIns
{
    public static IApplicationBuilder UseRejectedSignIns(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(async (context, next) =>
        {
            var feature = context.Features.Get<IAuthenticateResultFeature>();
            if (feature?.AuthenticateResult is { Succeeded: true, Principal.Identity.IsAuthenticated: false } result)
            {
                // Authorization reads this result: with no result it challenges instead of forbidding.
                feature.AuthenticateResult = AuthenticateResult.NoResult();
                if (result.Ticket?.AuthenticationScheme == IdentityConstants.ApplicationScheme)
                {
                    await context.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            }

            await next();
        });
    }
}
