using System.Net;
using System.Net.Sockets;
using JustCulture.Application.Common;
using JustCulture.Application.Users;
using JustCulture.TestSupport;
using JustCulture.Web.Identity;
using JustCulture.Web.Tests.Browser;
using JustCulture.Web.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JustCulture.Web.Tests.OpenIdConnect;

/// <summary>
/// The web app on a real Kestrel port with organisation sign-in pointed at a real OpenID Connect provider the
/// fixture starts (<see cref="TestIdentityProvider"/>), its groups mapped to roles, and product users an
/// administrator set up for some of the provider's people (by work email or by object id).
/// </summary>
public sealed class OrganisationSignInFixture : IAsyncLifetime
{
    public const string Collection = "organisation sign-in";
    public const string DisplayName = "Test Trust";
    public const string CommissioningGroup = "grp-commissioning";
    public const string LineManagerGroup = "grp-line-managers";
    public const string AuditorGroup = "grp-auditors";

    /// <summary>Set up by work email; the provider gives them the commissioning group.</summary>
    public static readonly TestPerson LinkedByEmail = new("cm.email", "oid-cm-email", "cm.email@trust.nhs.uk", true, [CommissioningGroup, "grp-other"]);

    /// <summary>Set up by work email, for the second sign-in after their email changes.</summary>
    public static readonly TestPerson SignsInTwice = new("cm.twice", "oid-cm-twice", "cm.twice@trust.nhs.uk", true, [CommissioningGroup]);

    /// <summary>Nobody set them up.</summary>
    public static readonly TestPerson Stranger = new("stranger", "oid-stranger", "stranger@trust.nhs.uk", true, [CommissioningGroup]);

    /// <summary>A line manager here, but the provider puts them in the commissioning group only.</summary>
    public static readonly TestPerson WrongGroup = new("lm.wrong", "oid-lm-wrong", "lm.wrong@trust.nhs.uk", true, [CommissioningGroup]);

    /// <summary>An auditor here, but the provider sends no groups claim at all.</summary>
    public static readonly TestPerson NoGroups = new("aud.nogroups", "oid-aud-nogroups", "aud.nogroups@trust.nhs.uk", true, null);

    /// <summary>Set up by object id, then deactivated.</summary>
    public static readonly TestPerson Deactivated = new("cm.gone", "oid-cm-gone", "cm.gone@trust.nhs.uk", true, [CommissioningGroup]);

    /// <summary>Their email matches a user, but the provider does not say it is verified.</summary>
    public static readonly TestPerson UnverifiedEmail = new("cm.unverified", "oid-cm-unverified", "cm.unverified@trust.nhs.uk", false, [CommissioningGroup]);

    /// <summary>Nobody set them up before the test: an administrator adds them through the pages.</summary>
    public static readonly TestPerson AddedByAdministrator = new("cm.added", "oid-cm-added", "cm.added@trust.nhs.uk", true, [CommissioningGroup]);

    private SqliteTestDatabase? _database;
    private JustCultureWebFactory? _factory;
    private TestIdentityProvider? _provider;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public Uri ProviderIssuer => _provider?.Issuer ?? throw new InvalidOperationException("The fixture has not started.");

    public JustCultureWebFactory Factory => _factory ?? throw new InvalidOperationException("The fixture has not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException(Chromium.MissingMessage);

    public static IReadOnlyList<TestPerson> People { get; } = [LinkedByEmail, SignsInTwice, Stranger, WrongGroup, NoGroups, Deactivated, UnverifiedEmail, AddedByAdministrator];

    public async Task InitializeAsync()
    {
        // The provider must know the app's redirect URI before the app knows the provider: the app's port is chosen first.
        var port = FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        _provider = await TestIdentityProvider.StartAsync(new Uri(BaseAddress, OpenIdConnectSignIn.CallbackPath), People);
        _database = await DemoDatabase.CopyAsync("web-oidc");
        _factory = new JustCultureWebFactory(DemoDatabase.SqliteSetting(_database), settings: Settings(_provider.Issuer));
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        _factory.StartServer();
        await SetUpUsersAsync();
        if (Chromium.IsAvailable)
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium.ExecutablePath, Args = Chromium.Arguments, Headless = true });
        }
    }

    /// <summary>Organisation sign-in settings for an app whose provider is at <paramref name="authority"/>.</summary>
    public static Dictionary<string, string?> Settings(Uri authority) => new()
    {
        ["Authentication:OpenIdConnect:Authority"] = authority.ToString(),
        ["Authentication:OpenIdConnect:ClientId"] = TestIdentityProvider.ClientId,
        ["Authentication:OpenIdConnect:ClientSecret"] = TestIdentityProvider.ClientSecret,
        ["Authentication:OpenIdConnect:DisplayName"] = DisplayName,
        ["Authentication:OpenIdConnect:RoleClaim"] = "groups",
        ["Authentication:OpenIdConnect:Roles:CommissioningManager"] = CommissioningGroup,
        ["Authentication:OpenIdConnect:Roles:LineManager"] = LineManagerGroup,
        ["Authentication:OpenIdConnect:Roles:Auditor"] = AuditorGroup,
    };

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task<BrowserSession> NewSessionAsync(string testName)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), Locale = "en-GB" });
        return new BrowserSession(context, await context.NewPageAsync(), testName);
    }

    /// <summary>Runs something against the app's own services in a fresh scope.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        ArgumentNullException.ThrowIfNull(use);
        await using var scope = Factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    /// <summary>The product user an identity provider's subject is linked to, if any.</summary>
    public Task<string?> LinkedUserAsync(string subject) =>
        InScopeAsync(async services => (await services.GetRequiredService<UserManager<IdentityUser>>().FindByLoginAsync(OpenIdConnectSettings.Scheme, subject))?.UserName);

    private async Task SetUpUsersAsync()
    {
        var admin = new Actor("test", "Administrator");
        async Task AddAsync(string userId, string role, string? email, string? objectId) =>
            await InScopeAsync<bool>(async services =>
            {
                await services.GetRequiredService<AddUserHandler>().HandleAsync(new AddUserCommand(userId, userId, role, null, admin));
                await services.GetRequiredService<ExternalAccountLinks>().RecordAsync(userId, email, objectId);
                return true;
            });

        await AddAsync("oidc.cm.email", "CommissioningManager", LinkedByEmail.Email, null);
        await AddAsync("oidc.cm.twice", "CommissioningManager", SignsInTwice.Email, null);
        await AddAsync("oidc.lm.wrong", "LineManager", null, WrongGroup.Oid);
        await AddAsync("oidc.aud.nogroups", "Auditor", null, NoGroups.Oid);
        await AddAsync("oidc.cm.gone", "CommissioningManager", null, Deactivated.Oid);
        await AddAsync("oidc.cm.unverified", "CommissioningManager", UnverifiedEmail.Email, null);
        await InScopeAsync(services => services.GetRequiredService<SetUserActiveHandler>().HandleAsync(new SetUserActiveCommand("oidc.cm.gone", Active: false, admin)));
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }

        _database?.Dispose();
    }
}

[CollectionDefinition(OrganisationSignInFixture.Collection)]
public sealed class OrganisationSignInCollection : ICollectionFixture<OrganisationSignInFixture>;
