using JustCulture.Domain.Users;

namespace JustCulture.Web.Identity;

/// <summary>
/// Sign-in with the trust's identity provider, read from <c>Authentication:OpenIdConnect</c>. Off unless an
/// authority is set. A setting that cannot work (an authority that is not a URL, a missing client id or secret,
/// a role mapping naming a role that does not exist) stops the app at start naming the setting.
/// </summary>
public sealed class OpenIdConnectSettings
{
    public const string Section = "Authentication:OpenIdConnect";

    /// <summary>The authentication scheme, and the login provider name kept in <c>identity_user_logins</c>.</summary>
    public const string Scheme = "OpenIdConnect";

    public bool Enabled => Authority is not null;

    public Uri? Authority { get; private init; }

    public string ClientId { get; private init; } = string.Empty;

    public string ClientSecret { get; private init; } = string.Empty;

    /// <summary>Shown on the sign-in button: "Sign in with {DisplayName}".</summary>
    public string DisplayName { get; private init; } = "your organisation";

    /// <summary>The token claim naming the person for good (Entra ID: <c>oid</c>, the object id).</summary>
    public string SubjectClaim { get; private init; } = "oid";

    public string EmailClaim { get; private init; } = "email";

    /// <summary>Match a first sign-in by the email claim even when the token does not say <c>email_verified: true</c>
    /// (Entra ID never does; its email is the tenant's own directory attribute).</summary>
    public bool TrustEmailClaim { get; private init; }

    /// <summary>The claim carrying groups or app roles (<c>groups</c> or <c>roles</c>).</summary>
    public string RoleClaim { get; private init; } = "roles";

    /// <summary>Product role → the group ids or app role values that grant it. Empty: the token's roles are not checked.</summary>
    public IReadOnlyDictionary<Role, IReadOnlySet<string>> Roles { get; private init; } = new Dictionary<Role, IReadOnlySet<string>>();

    public static OpenIdConnectSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var authority = section["Authority"];
        if (string.IsNullOrWhiteSpace(authority))
        {
            return new OpenIdConnectSettings();
        }

        if (!Uri.TryCreate(authority.Trim(), UriKind.Absolute, out var authorityUri) || authorityUri.Scheme is not ("https" or "http"))
        {
            throw Problem("Authority", $"'{authority}' is not an http(s) URL of the identity provider (its issuer)");
        }

        var clientId = Required(section, "ClientId");
        var clientSecret = Required(section, "ClientSecret");
        var roles = new Dictionary<Role, IReadOnlySet<string>>();
        foreach (var entry in section.GetSection("Roles").GetChildren())
        {
            if (!Enum.TryParse<Role>(entry.Key, ignoreCase: false, out var role) || !Enum.IsDefined(role))
            {
                throw Problem($"Roles:{entry.Key}", $"'{entry.Key}' is not a role: use one of {string.Join(", ", Enum.GetNames<Role>())}");
            }

            var values = (entry.Value ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (values.Length == 0)
            {
                throw Problem($"Roles:{entry.Key}", "give the group id or app role value (several separated by commas) that grants this role");
            }

            roles[role] = values.ToHashSet(StringComparer.OrdinalIgnoreCase);
        }

        return new OpenIdConnectSettings
        {
            Authority = authorityUri,
            ClientId = clientId,
            ClientSecret = clientSecret,
            DisplayName = Optional(section, "DisplayName") ?? "your organisation",
            SubjectClaim = Optional(section, "SubjectClaim") ?? "oid",
            EmailClaim = Optional(section, "EmailClaim") ?? "email",
            TrustEmailClaim = bool.TryParse(section["TrustEmailClaim"], out var trust) && trust,
            RoleClaim = Optional(section, "RoleClaim") ?? "roles",
            Roles = roles,
        };
    }

    /// <summary>The product roles the token's role claim values grant.</summary>
    public IReadOnlySet<Role> RolesGrantedBy(IEnumerable<string> claimValues)
    {
        var values = claimValues.ToList();
        return Roles.Where(r => values.Any(r.Value.Contains)).Select(r => r.Key).ToHashSet();
    }

    private static string Required(IConfigurationSection section, string key) =>
        Optional(section, key) ?? throw Problem(key, "is required when an Authority is set");

    private static string? Optional(IConfigurationSection section, string key) =>
        string.IsNullOrWhiteSpace(section[key]) ? null : section[key]!.Trim();

    private static InvalidOperationException Problem(string key, string message) =>
        new($"Setting {Section}:{key}: {message}.");
}
