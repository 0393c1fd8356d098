using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using JustCulture.Persistence;
using JustCulture.TestSupport;
using JustCulture.Web.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Web.Tests.Hosting;

/// <summary>
/// One running web app for a test class, on its own real database holding the demo trust, with helpers that
/// sign in the way a browser (cookie after a form post with its antiforgery token) or an API client
/// (<c>POST /api/auth/login</c> → bearer token) does.
/// </summary>
public abstract partial class WebAppFixture : IAsyncLifetime
{
    public const string DemoPassword = "JustCulture-demo-1";

    private readonly Dictionary<Caller, string> _tokens = [];
    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private JustCultureWebFactory? _factory;

    public JustCultureWebFactory Factory => _factory ?? throw new InvalidOperationException("The fixture has not started.");

    public IServiceProvider Services => Factory.Services;

    public abstract TestProvider Provider { get; }

    /// <summary>False when the fixture's database cannot exist here (then its tests are skipped, not run).</summary>
    protected virtual bool CanStart => true;

    public async Task InitializeAsync()
    {
        if (!CanStart)
        {
            return;
        }

        _factory = new JustCultureWebFactory(await CreateDatabaseAsync(), settings: Settings);
        // Start the host now (migrations and seeding run in Program), not inside the first test's timing.
        _ = _factory.Services;
        await AfterStartAsync();
    }

    /// <summary>Extra configuration for the app.</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    /// <summary>Runs once the app has started and migrated its database.</summary>
    protected virtual Task AfterStartAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        _tokenLock.Dispose();
        await DeleteDatabaseAsync();
    }

    /// <summary>The database setting for the app: a demo-seeded database of this fixture's own.</summary>
    protected abstract Task<string> CreateDatabaseAsync();

    protected virtual Task DeleteDatabaseAsync() => Task.CompletedTask;

    /// <summary>A client that does not follow redirects (so a redirect to sign-in is visible) and keeps cookies.</summary>
    public HttpClient CreateClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client for the caller: anonymous, or signed in through the sign-in page with a cookie.</summary>
    public async Task<HttpClient> CookieClientAsync(Caller caller)
    {
        var client = CreateClient();
        if (caller != Caller.Anonymous)
        {
            await SignInWithCookieAsync(client, caller.DemoAccount(), DemoPassword);
        }

        return client;
    }

    /// <summary>A client for the caller: anonymous, or with a bearer token from <c>POST /api/auth/login</c>.</summary>
    public async Task<HttpClient> BearerClientAsync(Caller caller)
    {
        var client = CreateClient();
        if (caller != Caller.Anonymous)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync(caller));
        }

        return client;
    }

    public static async Task SignInWithCookieAsync(HttpClient client, string userId, string password)
    {
        ArgumentNullException.ThrowIfNull(client);
        var token = await AntiforgeryTokenAsync(client, "/Account/SignIn");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserId"] = userId,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        using var response = await client.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), form);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"signing in as {userId} did not redirect: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>GETs a page and returns the antiforgery token of its first form.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"GET {path}");
        var html = await response.Content.ReadAsStringAsync();
        var match = AntiforgeryInput().Match(html);
        match.Success.ShouldBeTrue($"{path} has no antiforgery token");
        return WebUtility.HtmlDecode(match.Groups["token"].Value);
    }

    public async Task<string> TokenAsync(Caller caller)
    {
        await _tokenLock.WaitAsync();
        try
        {
            if (!_tokens.TryGetValue(caller, out var token))
            {
                token = await LoginAsync(CreateClient(), caller.DemoAccount(), DemoPassword);
                _tokens[caller] = token;
            }

            return token;
        }
        finally
        {
            _tokenLock.Release();
        }
    }

    public static async Task<string> LoginAsync(HttpClient client, string userId, string password)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { email = userId, password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"login as {userId}: {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<LoginResponse>();
        var token = body.ShouldNotBeNull().AccessToken;
        token.ShouldNotBeNullOrEmpty();
        return token;
    }

    /// <summary>Runs something against the app's own services in a fresh scope (as one request would).</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        ArgumentNullException.ThrowIfNull(use);
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    /// <summary>Reads the database directly.</summary>
    public Task<T> QueryAsync<T>(Func<JustCultureDbContext, Task<T>> query) =>
        InScopeAsync(services => query(services.GetRequiredService<JustCultureDbContext>()));

    /// <summary>Adds a product user with a sign-in (for per-case rules the demo accounts cannot show).</summary>
    public Task AddSignInAsync(string userId, string role, string? staffRef, string password = DemoPassword) =>
        InScopeAsync<bool>(async services =>
        {
            await services.GetRequiredService<JustCulture.Application.Users.AddUserHandler>()
                .HandleAsync(new JustCulture.Application.Users.AddUserCommand(userId, userId, role, staffRef, new JustCulture.Application.Common.Actor("test", "Administrator")));
            await DatabasePreparation.CreateSignInAsync(
                services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Microsoft.AspNetCore.Identity.IdentityUser>>(), userId, password);
            return true;
        });

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"(?<token>[^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex AntiforgeryInput();

    private sealed record LoginResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);
}

/// <summary>The web app on a copy of the demo SQLite database, one file per test class.</summary>
public class SqliteWebAppFixture : WebAppFixture
{
    private SqliteTestDatabase? _database;

    public override TestProvider Provider => TestProvider.Sqlite;

    protected override async Task<string> CreateDatabaseAsync()
    {
        _database = await DemoDatabase.CopyAsync("web");
        return DemoDatabase.SqliteSetting(_database);
    }

    protected override Task DeleteDatabaseAsync()
    {
        _database?.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// The demo trust with every stage's target one working day, so its open stages are overdue on whatever day the tests
/// run: the demo's own targets leave that to the calendar (docs/domain/case-clocks.md, "Targets").
/// </summary>
public sealed class ShortStageTargetsWebAppFixture : SqliteWebAppFixture
{
    protected override IReadOnlyDictionary<string, string?>? Settings { get; } = new Dictionary<string, string?>
    {
        ["JustCulture:Clocks:TargetWorkingDays:Checklist"] = "1",
        ["JustCulture:Clocks:TargetWorkingDays:AwaitingReview"] = "1",
        ["JustCulture:Clocks:TargetWorkingDays:InformalResolution"] = "1",
        ["JustCulture:Clocks:TargetWorkingDays:FormalInvestigation"] = "1",
    };
}

/// <summary>
/// The web app on a fresh database of the throwaway PostgreSQL server, migrated by the app itself on start. Seeding
/// the whole demo trust on PostgreSQL takes minutes, so this fixture adds a small trust through the application's
/// own use cases instead: the four demo accounts (same user ids and password), a second line manager and a
/// concern of theirs. Only used from <c>[Collection(PostgresFixture.Collection)]</c> classes whose tests are
/// PostgresFact/PostgresTheory, so it never starts when the server is unavailable and not required.
/// </summary>
public sealed class PostgresWebAppFixture : WebAppFixture
{
    public const string OtherLineManager = "lm.other";

    private const string StaffCsv = """
        StaffRef,Name,EthnicCode,Band,StaffGroup,Directorate,StartDate,LineManagerRef
        X001,Executive One,A,Band 9,Administrative and Clerical,Corporate,2001-04-01,
        M001,Manager One,A,Band 7,Nursing and Midwifery Registered,Medicine,2010-05-01,X001
        M002,Manager Two,N,Band 7,Nursing and Midwifery Registered,Surgery,2012-05-01,X001
        S001,Staff One,A,Band 5,Nursing and Midwifery Registered,Medicine,2020-01-06,M001
        S002,Staff Two,N,Band 5,Nursing and Midwifery Registered,Medicine,2021-03-01,M001
        S005,Staff Five,C2,Band 5,Nursing and Midwifery Registered,Surgery,2018-07-01,M002
        H001,Reviewer One,B,Band 8a,Administrative and Clerical,Corporate,2015-01-05,X001
        A001,Auditor One,99,Band 8a,Administrative and Clerical,Corporate,2017-01-05,X001
        """;

    public override TestProvider Provider => TestProvider.Postgres;

    protected override bool CanStart => PostgresServer.IsAvailable || PostgresServer.IsRequired;

    /// <summary>A server database has no "beside": the log's key and checkpoints go in a folder of this fixture's own.</summary>
    private readonly string _logDirectory = Path.Combine(Path.GetTempPath(), $"jc-web-log-{Guid.NewGuid():N}");

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["JustCulture:SeedDemo"] = "false",
        ["JustCulture:SigningKey"] = Path.Combine(_logDirectory, "log-key.pem"),
        ["JustCulture:Checkpoints"] = Path.Combine(_logDirectory, "checkpoints"),
    };

    protected override Task DeleteDatabaseAsync()
    {
        if (Directory.Exists(_logDirectory))
        {
            Directory.Delete(_logDirectory, recursive: true);
        }

        return Task.CompletedTask;
    }

    protected override async Task<string> CreateDatabaseAsync() =>
        "postgres:" + await PostgresServer.Shared.CreateDatabaseAsync("web");

    protected override async Task AfterStartAsync()
    {
        var operatorActor = new JustCulture.Application.Common.Actor("test", "Administrator");
        // Awaited inside the lambda: the import reads the file as it goes, so the reader must outlive the whole step.
        await InScopeAsync(async services =>
        {
            using var csv = new StringReader(StaffCsv);
            return await services.GetRequiredService<JustCulture.Application.Staff.ImportStaffHandler>()
                .HandleAsync(new JustCulture.Application.Staff.ImportStaffCommand(csv, "staff.csv", "2024-25", operatorActor));
        });
        await AddSignInAsync(Caller.LineManager.DemoAccount(), "LineManager", "M001");
        await AddSignInAsync(Caller.CommissioningManager.DemoAccount(), "CommissioningManager", "H001");
        await AddSignInAsync(Caller.Auditor.DemoAccount(), "Auditor", "A001");
        await AddSignInAsync(Caller.Administrator.DemoAccount(), "Administrator", null);
        await AddSignInAsync(OtherLineManager, "LineManager", "M002");
        await InScopeAsync(services => services.GetRequiredService<JustCulture.Application.Concerns.OpenConcernHandler>()
            .HandleAsync(new JustCulture.Application.Concerns.OpenConcernCommand("S005", OtherLineManager, "Left the ward without handing over", ["Left 30 minutes early"], "Conduct")));
    }
}
