using System.Net;
using JustCulture.TestSupport;
using JustCulture.Web.Tests.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JustCulture.Web.Tests.Browser;

/// <summary>
/// The web app on a real Kestrel port on 127.0.0.1 (a browser cannot reach the in-memory test server), on its own
/// copy of the demo database, and one Chromium shared by every browser test; each test gets its own
/// <see cref="BrowserSession"/> (a fresh browser context: its own cookies).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Collection = "browser";

    private SqliteTestDatabase? _database;
    private JustCultureWebFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public JustCultureWebFactory Factory => _factory ?? throw new InvalidOperationException(Chromium.MissingMessage);

    public IBrowser Browser => _browser ?? throw new InvalidOperationException(
        (Chromium.IsRequired ? "A browser is REQUIRED for this run (JUSTCULTURE_REQUIRE_BROWSER=1 or CI=true). " : string.Empty) + Chromium.MissingMessage);

    public async Task InitializeAsync()
    {
        _database = await DemoDatabase.CopyAsync("web-browser");
        _factory = new JustCultureWebFactory(DemoDatabase.SqliteSetting(_database));
        _factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");

        if (!Chromium.IsAvailable)
        {
            // Browser tests are skipped (or, when a browser is required, fail on first use of Browser).
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.ExecutablePath,
            Args = Chromium.Arguments,
            Headless = true,
        });
    }

    public Task<BrowserSession> NewSessionAsync(string testName) => NewSessionAsync(testName, BaseAddress);

    /// <summary>A session against another server (a test's own, started with settings the shared one does not have).</summary>
    public async Task<BrowserSession> NewSessionAsync(string testName, Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), Locale = "en-GB" });
        return new BrowserSession(context, await context.NewPageAsync(), testName);
    }

    /// <summary>A plain HTTP client to the same Kestrel server (for what a browser cannot show, such as status codes of API calls).</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress };

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

        _database?.Dispose();
    }
}

[CollectionDefinition(BrowserFixture.Collection)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;
