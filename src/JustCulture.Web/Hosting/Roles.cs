using JustCulture.Domain.Users;

namespace JustCulture.Web.Hosting;

/// <summary>Authorization policy names, one per role plus the combinations the pages use.</summary>
public static class Policies
{
    public const string LineManager = nameof(Role.LineManager);
    public const string CommissioningManager = nameof(Role.CommissioningManager);
    public const string Auditor = nameof(Role.Auditor);
    public const string Administrator = nameof(Role.Administrator);
    public const string AuditorOrAdministrator = "AuditorOrAdministrator";
    public const string CaseWorker = "CaseWorker";
}

/// <summary>Claims JustCulture adds to every signed-in principal.</summary>
public static class JustCultureClaims
{
    /// <summary>The product's user id (the domain <see cref="User.UserId"/>).</summary>
    public const string UserId = "jc:uid";
}
