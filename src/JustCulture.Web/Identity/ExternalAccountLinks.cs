using System.Security.Claims;
using JustCulture.Application.Common;
using JustCulture.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Web.Identity;

/// <summary>The outcome of an organisation sign-in: the Identity account to sign in, or why not.</summary>
public sealed record ExternalSignInOutcome(IdentityUser? Account, ExternalSignInProblem? Problem)
{
    public static ExternalSignInOutcome Refused(ExternalSignInProblem problem) => new(null, problem);
}

/// <summary>
/// Who a token from the trust's identity provider is, in this product. Only people an administrator set up can
/// sign in: the token's subject (object id) already linked in <c>identity_user_logins</c>, or, on a first sign-in,
/// a verified email the administrator recorded for exactly one user — then the subject is linked, so later sign-ins
/// match by it. Nothing else is ever created. The product's users table decides the role; when a role mapping is
/// configured the token's groups or roles must grant that same role.
/// </summary>
public sealed class ExternalAccountLinks(
    UserManager<IdentityUser> accounts,
    IdentityStoreContext identityStore,
    JustCultureDbContext db,
    OpenIdConnectSettings settings,
    ILogger<ExternalAccountLinks> logger)
{
    public const int MaxEmailLength = 256;
    public const int MaxObjectIdLength = 128;

    public async Task<ExternalSignInOutcome> ResolveAsync(ClaimsPrincipal external)
    {
        ArgumentNullException.ThrowIfNull(external);
        var subject = external.FindFirstValue(settings.SubjectClaim);
        if (string.IsNullOrWhiteSpace(subject))
        {
            logger.LogWarning("Organisation sign-in refused: the token has no '{Claim}' claim", settings.SubjectClaim);
            return ExternalSignInOutcome.Refused(ExternalSignInProblem.NoSubject);
        }

        var account = await accounts.FindByLoginAsync(OpenIdConnectSettings.Scheme, subject);
        var linkedNow = false;
        if (account is null)
        {
            account = await FindByVerifiedEmailAsync(external);
            if (account is null)
            {
                logger.LogInformation("Organisation sign-in refused: nobody here is set up for this person");
                return ExternalSignInOutcome.Refused(ExternalSignInProblem.NotSetUp);
            }

            linkedNow = true;
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.UserId == account.UserName);
        if (user is null)
        {
            logger.LogWarning("Organisation sign-in refused: sign-in account {AccountId} has no product user", account.Id);
            return ExternalSignInOutcome.Refused(ExternalSignInProblem.NotSetUp);
        }

        if (!user.IsActive)
        {
            logger.LogInformation("Organisation sign-in refused for user {UserId}: deactivated", user.UserId);
            return ExternalSignInOutcome.Refused(ExternalSignInProblem.Deactivated);
        }

        if (settings.Roles.Count > 0)
        {
            var claimValues = external.FindAll(settings.RoleClaim).Select(c => c.Value).ToList();
            if (claimValues.Count == 0)
            {
                logger.LogInformation("Organisation sign-in refused for user {UserId}: the token has no '{Claim}' claim", user.UserId, settings.RoleClaim);
                return ExternalSignInOutcome.Refused(ExternalSignInProblem.NoRoleClaim);
            }

            if (!settings.RolesGrantedBy(claimValues).Contains(user.Role))
            {
                logger.LogInformation("Organisation sign-in refused for user {UserId}: the token's '{Claim}' does not grant their role {Role}", user.UserId, settings.RoleClaim, user.Role);
                return ExternalSignInOutcome.Refused(ExternalSignInProblem.RoleDisagrees);
            }
        }

        if (linkedNow)
        {
            var added = await accounts.AddLoginAsync(account, new UserLoginInfo(OpenIdConnectSettings.Scheme, subject, settings.DisplayName));
            if (!added.Succeeded)
            {
                logger.LogWarning("Organisation sign-in for user {UserId}: the subject could not be linked ({Errors})", user.UserId, string.Join(", ", added.Errors.Select(e => e.Code)));
            }

            logger.LogInformation("Organisation sign-in for user {UserId}: first sign-in, linked by email", user.UserId);
        }
        else
        {
            logger.LogInformation("Organisation sign-in for user {UserId}", user.UserId);
        }

        return new ExternalSignInOutcome(account, null);
    }

    private async Task<IdentityUser?> FindByVerifiedEmailAsync(ClaimsPrincipal external)
    {
        var email = external.FindFirstValue(settings.EmailClaim);
        var verified = settings.TrustEmailClaim || string.Equals(external.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(email) || !verified)
        {
            return null;
        }

        var normalized = accounts.NormalizeEmail(email.Trim());
        var matches = await accounts.Users.Where(u => u.NormalizedEmail == normalized && u.EmailConfirmed).Take(2).ToListAsync();
        if (matches.Count > 1)
        {
            logger.LogWarning("Organisation sign-in: an email is recorded for more than one user; neither is matched by it");
            return null;
        }

        // A person already linked by another subject is not re-linked by email.
        return matches.Count == 1 && !(await accounts.GetLoginsAsync(matches[0])).Any(l => l.LoginProvider == OpenIdConnectSettings.Scheme)
            ? matches[0]
            : null;
    }

    /// <summary>What the administrator recorded for a user's organisation sign-in.</summary>
    public async Task<(string? Email, string? ObjectId)> RecordedAsync(string userId)
    {
        var account = await accounts.FindByNameAsync(userId);
        if (account is null)
        {
            return (null, null);
        }

        var login = (await accounts.GetLoginsAsync(account)).FirstOrDefault(l => l.LoginProvider == OpenIdConnectSettings.Scheme);
        return (account.EmailConfirmed ? account.Email : null, login?.ProviderKey);
    }

    /// <summary>Checks an email and object id for a user before anything is stored; problems keyed by field.</summary>
    public async Task<IReadOnlyList<FieldProblem>> ProblemsAsync(string userId, string? email, string? objectId, string emailField, string objectIdField)
    {
        var problems = new List<FieldProblem>();
        email = Clean(email);
        objectId = Clean(objectId);
        if (email is not null && (email.Length > MaxEmailLength || email.Count(c => c == '@') != 1 || email.StartsWith('@') || email.EndsWith('@') || email.Any(char.IsWhiteSpace)))
        {
            problems.Add(new(emailField, "Enter an email address in the correct format, like name@nhs.net"));
        }
        else if (email is not null && await accounts.Users.AnyAsync(u => u.NormalizedEmail == accounts.NormalizeEmail(email) && u.UserName != userId))
        {
            problems.Add(new(emailField, "This email address is already recorded for another user"));
        }

        if (objectId is not null && (objectId.Length > MaxObjectIdLength || objectId.Any(char.IsWhiteSpace)))
        {
            problems.Add(new(objectIdField, $"Enter the object id as the identity provider shows it: at most {MaxObjectIdLength} characters, no spaces"));
        }
        else if (objectId is not null && await accounts.FindByLoginAsync(OpenIdConnectSettings.Scheme, objectId) is { } owner && owner.UserName != userId)
        {
            problems.Add(new(objectIdField, "This object id is already linked to another user"));
        }

        return problems;
    }

    /// <summary>
    /// Records a user's email and object id for organisation sign-in (a blank clears it), creating their
    /// sign-in account without a password if they have none. Call <see cref="ProblemsAsync"/> first.
    /// </summary>
    public async Task RecordAsync(string userId, string? email, string? objectId)
    {
        email = Clean(email);
        objectId = Clean(objectId);
        // The user manager saves after each change; one transaction around them all, so an email is never left
        // changed with the old object id still linked.
        await using var transaction = await identityStore.Database.BeginTransactionAsync();
        var account = await accounts.FindByNameAsync(userId);
        if (account is null)
        {
            account = new IdentityUser(userId) { LockoutEnabled = true };
            Check(await accounts.CreateAsync(account));
        }

        account.Email = email;
        account.EmailConfirmed = email is not null;
        Check(await accounts.UpdateAsync(account));
        foreach (var login in (await accounts.GetLoginsAsync(account)).Where(l => l.LoginProvider == OpenIdConnectSettings.Scheme && l.ProviderKey != objectId))
        {
            Check(await accounts.RemoveLoginAsync(account, login.LoginProvider, login.ProviderKey));
        }

        if (objectId is not null && await accounts.FindByLoginAsync(OpenIdConnectSettings.Scheme, objectId) is null)
        {
            Check(await accounts.AddLoginAsync(account, new UserLoginInfo(OpenIdConnectSettings.Scheme, objectId, settings.DisplayName)));
        }

        await transaction.CommitAsync();

        logger.LogInformation("Organisation sign-in details recorded for user {UserId}", userId);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The sign-in account could not be saved: {string.Join(", ", result.Errors.Select(e => e.Code))}");
        }
    }
}
