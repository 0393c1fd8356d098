using System.Security.Claims;
using JustCulture.Persistence;
using JustCulture.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Web.Identity;

/// <summary>
/// Adds the product's role to whoever signed in — by cookie, by Identity bearer token or by an external
/// OpenID Connect token — from the product's own users table, on every request. Role changes therefore
/// take effect at once, and a sign-in with no matching product user gets no role at all. A deactivated
/// user's cookie or token is turned into nobody, so their very next request is refused.
/// </summary>
public sealed class DomainRoleClaims(JustCultureDbContext db, IConfiguration configuration) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity is not { IsAuthenticated: true } || principal.HasClaim(c => c.Type == JustCultureClaims.UserId))
        {
            return principal;
        }

        var userClaim = configuration["Authentication:Jwt:UserIdClaim"] ?? "preferred_username";
        var userId = principal.FindFirstValue(ClaimTypes.Name) ?? principal.FindFirstValue(userClaim);
        if (string.IsNullOrEmpty(userId))
        {
            return principal;
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserId == userId);
        if (user is null)
        {
            return principal;
        }

        if (!user.IsActive)
        {
            return new ClaimsPrincipal(new ClaimsIdentity());
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(JustCultureClaims.UserId, user.UserId),
                new Claim(ClaimTypes.Role, user.Role.ToString()),
            ],
            authenticationType: "JustCulture",
            nameType: ClaimTypes.Name,
            roleType: ClaimTypes.Role);
        var transformed = principal.Clone();
        transformed.AddIdentity(identity);
        return transformed;
    }
}
