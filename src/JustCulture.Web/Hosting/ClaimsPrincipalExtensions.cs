using System.Security.Claims;

namespace JustCulture.Web.Hosting;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The product user id of the caller; only call behind an authorization policy.</summary>
    public static string UserId(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(JustCultureClaims.UserId) ?? throw new InvalidOperationException("The caller has no JustCulture user.");
}
