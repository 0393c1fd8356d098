using JustCulture.Web.Tests.Hosting;

namespace JustCulture.Web.Tests.Authorization;

public enum Access
{
    /// <summary>Anyone, signed in or not (sign-in page, health, the OpenAPI document).</summary>
    Public,

    /// <summary>Anyone signed in, whatever their role.</summary>
    SignedIn,

    /// <summary>Signed-in callers holding one of <see cref="AccessRule.Roles"/>; everyone else is refused.</summary>
    Roles,
}

/// <param name="Pattern">An endpoint key (<c>POST /api/concerns</c>, <c>page /Account/SignIn</c>), or a prefix ending in
/// <c>*</c> (<c>page /Concerns/*</c>, <c>GET /api/reports/*</c>).</param>
public sealed record AccessRule(string Pattern, Access Access, IReadOnlyList<Caller> Roles)
{
    public bool Matches(string key) => Pattern.EndsWith('*')
        ? key.StartsWith(Pattern[..^1], StringComparison.Ordinal)
        : string.Equals(key, Pattern, StringComparison.Ordinal);

    /// <summary>What the caller should get: let through, challenged (sign in first), forbidden, or not found.</summary>
    public Outcome ExpectedFor(Caller caller) => (Access, caller) switch
    {
        (Access.Public, _) => Outcome.Allowed,
        (_, Caller.Anonymous) => Outcome.Challenged,
        (Access.SignedIn, _) => Outcome.Allowed,
        _ => Roles.Contains(caller) ? Outcome.Allowed : Outcome.Forbidden,
    };

    public override string ToString() => Access == Access.Roles ? $"{Pattern}: {string.Join(", ", Roles)}" : $"{Pattern}: {Access}";
}

public enum Outcome
{
    Allowed,
    Challenged,
    Forbidden,
    NotFound,
}

/// <summary>
/// Who may use what (docs/domain/roles.md), declared once. Every endpoint the app maps must match a rule here, so a page or
/// endpoint nobody classified fails the build's tests instead of shipping with whatever the fallback gives it.
/// First matching rule wins.
/// </summary>
public static class AccessTable
{
    private static readonly Caller[] LineManager = [Caller.LineManager];
    private static readonly Caller[] Commissioning = [Caller.CommissioningManager];
    private static readonly Caller[] CaseWorkers = [Caller.LineManager, Caller.CommissioningManager];
    private static readonly Caller[] AuditorsAndAdministrators = [Caller.Auditor, Caller.Administrator];
    private static readonly Caller[] Administrators = [Caller.Administrator];

    public static IReadOnlyList<AccessRule> Rules { get; } =
    [
        // Pages, by folder (the Razor folder conventions) and the few pages outside them.
        Public("page /Account/SignIn"),
        Public("page /Account/SignOut"),
        Public("page /Account/AccessDenied"),
        // Organisation sign-in: the way in, and the pages saying why someone was not let in (404 when not configured).
        Public("page /Account/ExternalSignIn"),
        Public("page /Error"),
        // The fairness survey: the one-time link is the only key; the person answering has no account.
        Public("page /Survey/Index"),
        SignedIn("page /Account/Password"),
        SignedIn("page /Index"),
        Roles("page /Concerns/*", LineManager),
        Roles("page /Review/*", Commissioning),
        // Due-and-overdue list and the delay-reason form: case work for both; who may explain which stage is decided per case.
        Roles("page /Clocks/*", CaseWorkers),
        Roles("page /Audit/*", AuditorsAndAdministrators),
        Roles("page /Admin/*", Administrators),
        // An erased case names nobody, so no case rule can apply: it says only its reference and when it was erased.
        SignedIn("page /Cases/Erased"),

        // The product API.
        Roles("POST /api/concerns", LineManager),
        Roles("GET /api/concerns/{id:guid}", CaseWorkers),
        Roles("GET /api/tasks", CaseWorkers),
        Roles("POST /api/tasks/{id:guid}/complete", CaseWorkers),
        Roles("GET /api/concerns/{id:guid}/suspensions", Commissioning),
        Roles("POST /api/concerns/{id:guid}/suspensions", Commissioning),
        Roles("GET /api/suspensions", Commissioning),
        Roles("GET /api/suspensions/{id:guid}", Commissioning),
        Roles("POST /api/suspensions/{id:guid}/approve", Commissioning),
        Roles("POST /api/suspensions/{id:guid}/decline", Commissioning),
        Roles("POST /api/suspensions/{id:guid}/review", Commissioning),
        Roles("POST /api/suspensions/{id:guid}/end", Commissioning),
        // Wellbeing: read by the case's parties (the per-case rule narrows it further), recorded by its reviewers.
        // The formal process after the investigation starts: independent commissioning managers only, per case.
        Roles("GET /api/concerns/{id:guid}/formal", Commissioning),
        Roles("GET /api/formal", Commissioning),
        Roles("POST /api/concerns/{id:guid}/actions/{action:int}/formal/conclusion", Commissioning),
        Roles("POST /api/concerns/{id:guid}/actions/{action:int}/formal/hearing", Commissioning),
        Roles("POST /api/concerns/{id:guid}/actions/{action:int}/formal/appeal", Commissioning),
        Roles("POST /api/concerns/{id:guid}/actions/{action:int}/formal/appeal-outcome", Commissioning),
        Roles("POST /api/concerns/{id:guid}/actions/{action:int}/formal/close", Commissioning),
        // Stage clocks: case work; which stage a caller may explain is decided per case.
        Roles("GET /api/concerns/{id:guid}/clocks", CaseWorkers),
        Roles("POST /api/concerns/{id:guid}/actions/{action:int}/delay", CaseWorkers),
        Roles("GET /api/clocks/due", CaseWorkers),
        Roles("GET /api/concerns/{id:guid}/wellbeing", CaseWorkers),
        Roles("PUT /api/concerns/{id:guid}/wellbeing", Commissioning),
        Roles("POST /api/concerns/{id:guid}/wellbeing/check-ins", Commissioning),
        Roles("GET /api/concerns/{id:guid}/ambassador", Commissioning),
        Roles("POST /api/concerns/{id:guid}/ambassador", Commissioning),
        Roles("POST /api/concerns/{id:guid}/ambassador/observations", Commissioning),
        Roles("POST /api/concerns/{id:guid}/survey", Commissioning),
        // The survey's answer needs only its one-time token: the person answering has no account.
        Public("POST /api/survey/responses"),
        Roles("GET /api/survey/results", AuditorsAndAdministrators),
        Roles("POST /api/staff/import", Administrators),
        Roles("GET /api/audit/log", AuditorsAndAdministrators),
        Roles("POST /api/audit/verify", AuditorsAndAdministrators),
        Roles("GET /api/audit/log/*", AuditorsAndAdministrators),
        Roles("GET /api/reports/*", AuditorsAndAdministrators),
        Roles("GET /api/users", Administrators),
        Roles("PUT /api/users/{userId}/role", Administrators),
        Roles("POST /api/users/{userId}/deactivate", Administrators),
        Roles("POST /api/users/{userId}/reactivate", Administrators),
        Roles("POST /api/users/{userId}/password", Administrators),
        SignedIn("POST /api/account/password"),

        // Sign-in and token refresh are open. Accounts are made and reset by administrators: none of Identity's
        // self-service endpoints is mapped.
        Public("POST /api/auth/login"),
        Public("POST /api/auth/refresh"),

        // Operations.
        Public("GET /health"),
        Public("GET /health/live"),
        Public("GET /health/ready"),
        Public("GET /openapi/{documentName}.json"),
    ];

    /// <summary>The rule for an endpoint key, or null when nobody classified it.</summary>
    public static AccessRule? RuleFor(string key) => Rules.FirstOrDefault(r => r.Matches(key));

    private static AccessRule Public(string pattern) => new(pattern, Access.Public, []);

    private static AccessRule SignedIn(string pattern) => new(pattern, Access.SignedIn, []);

    private static AccessRule Roles(string pattern, Caller[] roles) => new(pattern, Access.Roles, roles);
}
