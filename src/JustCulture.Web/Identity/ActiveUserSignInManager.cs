using JustCulture.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JustCulture.Web.Identity;

/// <summary>
/// Identity's sign-in manager, refusing a sign-in (the page and <c>POST /api/auth/login</c>) whose product user
/// an administrator has deactivated.
/// </summary>
public sealed class ActiveUserSignInManager(
    UserManager<IdentityUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<IdentityUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<IdentityUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<IdentityUser> confirmation,
    JustCultureDbContext db)
    : SignInManager<IdentityUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(IdentityUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await base.CanSignInAsync(user)
            && !await db.Users.AnyAsync(u => u.UserId == user.UserName && u.DeactivatedAtUtc != null);
    }
}
