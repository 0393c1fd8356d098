using System.Data.Common;
using JustCulture.Application.Users;
using JustCulture.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Web.Identity;

/// <summary>
/// Password sign-ins in the Identity store. Creating one enlists in the product's own connection and
/// transaction, so the user, their sign-in and the log entry are stored together or not at all.
/// </summary>
public sealed class IdentitySignInAccounts(UserManager<IdentityUser> users, DatabaseLocation database, OpenIdConnectSettings organisationSignIn) : ISignInAccounts
{
    public async Task<IReadOnlyList<string>> PasswordProblemsAsync(string userId, string password, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, new IdentityUser(userId), password);
            problems.AddRange(check.Errors.Select(e => e.Description));
        }

        return problems;
    }

    public async Task<bool> ExistsAsync(string userId, CancellationToken cancellationToken) => await users.FindByNameAsync(userId) is not null;

    public async Task CreateAsync(string userId, string password, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var store = IdentityStoreContext.Create(database, connection);
        await store.Database.UseTransactionAsync(transaction, cancellationToken);
        var account = new IdentityUser(userId)
        {
            NormalizedUserName = users.NormalizeName(userId),
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString("N"),
            LockoutEnabled = true,
        };
        account.PasswordHash = users.PasswordHasher.HashPassword(account, password);
        store.Users.Add(account);
        await store.SaveChangesAsync(cancellationToken);
    }

    public async Task LinkOrganisationAsync(string userId, OrganisationSignIn organisation, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        await using var store = IdentityStoreContext.Create(database, connection);
        await store.Database.UseTransactionAsync(transaction, cancellationToken);
        var normalized = users.NormalizeName(userId);
        var account = await store.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
        if (account is null)
        {
            // No password: this person signs in only through the trust's identity provider.
            account = new IdentityUser(userId)
            {
                NormalizedUserName = normalized,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString("N"),
                LockoutEnabled = true,
            };
            store.Users.Add(account);
        }

        var email = string.IsNullOrWhiteSpace(organisation.Email) ? null : organisation.Email.Trim();
        account.Email = email;
        account.NormalizedEmail = email is null ? null : users.NormalizeEmail(email);
        account.EmailConfirmed = email is not null;
        if (!string.IsNullOrWhiteSpace(organisation.ObjectId))
        {
            store.UserLogins.Add(new IdentityUserLogin<string>
            {
                LoginProvider = OpenIdConnectSettings.Scheme,
                ProviderKey = organisation.ObjectId.Trim(),
                ProviderDisplayName = organisationSignIn.DisplayName,
                UserId = account.Id,
            });
        }

        await store.SaveChangesAsync(cancellationToken);
    }

    public async Task SetPasswordAsync(string userId, string password, bool mustChange, DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var store = IdentityStoreContext.Create(database, connection);
        await store.Database.UseTransactionAsync(transaction, cancellationToken);
        var normalized = users.NormalizeName(userId);
        var account = await store.Users.SingleAsync(u => u.NormalizedUserName == normalized, cancellationToken);
        account.PasswordHash = users.PasswordHasher.HashPassword(account, password);
        // A new stamp ends the user's cookies and refresh tokens; an administrator's reset also lifts a lockout.
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        account.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        account.AccessFailedCount = 0;
        account.LockoutEnd = null;
        var flags = await store.UserClaims.Where(c => c.UserId == account.Id && c.ClaimType == PasswordChange.MustChangeClaim).ToListAsync(cancellationToken);
        store.UserClaims.RemoveRange(flags);
        if (mustChange)
        {
            store.UserClaims.Add(new IdentityUserClaim<string> { UserId = account.Id, ClaimType = PasswordChange.MustChangeClaim, ClaimValue = "true" });
        }

        await store.SaveChangesAsync(cancellationToken);
    }

    public async Task EndSessionsAsync(string userId, CancellationToken cancellationToken)
    {
        if (await users.FindByNameAsync(userId) is { } account)
        {
            await users.UpdateSecurityStampAsync(account);
        }
    }
}
