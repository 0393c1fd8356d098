using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using JustCulture.Web.Identity;
using JustCulture.Web.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Web.Tests.Hardening;

/// <summary>
/// Nobody learns from a refused sign-in which user IDs exist or which are locked: an unknown user ID, a wrong
/// password and a locked account get the same status, body and message from the page and the API, and each checks
/// exactly one password hash, so they take as long.
/// </summary>
public sealed partial class SignInUniformityTests : IAsyncLifetime
{
    private const string Password = "Uniform-password-123";
    private const string Locked = "uniform.locked";
    private const string Known = "uniform.known";
    private readonly CountingHasher _hasher = new();
    private JustCulture.TestSupport.SqliteTestDatabase? _database;
    private JustCultureWebFactory? _root;
    private WebApplicationFactory<Program>? _factory;

    private WebApplicationFactory<Program> Factory => _factory!;

    public async Task InitializeAsync()
    {
        _database = await DemoDatabase.CopyAsync("web-uniform");
        _root = new JustCultureWebFactory(DemoDatabase.SqliteSetting(_database));
        _factory = _root.WithWebHostBuilder(web => web.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<IdentityUser>>(_hasher)));
        await AddSignInAsync(Locked);
        await AddSignInAsync(Known);
        using var client = Factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await LoginAsync(client, Locked, "Wrong-password-000");
        }
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_root is not null)
        {
            await _root.DisposeAsync();
        }

        _database?.Dispose();
    }

    private async Task AddSignInAsync(string userId)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<JustCulture.Application.Users.AddUserHandler>()
            .HandleAsync(new JustCulture.Application.Users.AddUserCommand(userId, userId, "Auditor", null, new JustCulture.Application.Common.Actor("test", "Administrator")));
        await JustCulture.Web.Hosting.DatabasePreparation.CreateSignInAsync(scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>(), userId, Password);
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string userId, string password) =>
        client.PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { email = userId, password });

    /// <summary>Each refusal: an unknown user, a wrong password, a locked account with its right password and with a wrong one.</summary>
    public static TheoryData<string, string> Refusals => new()
    {
        { "nobody.by.this.name", Password },
        { Known, "Wrong-password-000" },
        { Locked, Password },
        { Locked, "Wrong-password-000" },
    };

    [Fact]
    public async Task AnswersApiLoginIdenticallyGivenUnknownUserWrongPasswordOrLockedAccount()
    {
        using var client = Factory.CreateClient();
        var answers = new List<string>();
        foreach (var (userId, password) in Refusals.Select(r => ((string)r[0], (string)r[1])))
        {
            using var response = await LoginAsync(client, userId, password);
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"{userId}: {await response.Content.ReadAsStringAsync()}");
            var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            problem.GetProperty("detail").GetString().ShouldBe(PasswordSignIn.RefusedMessage);
            // The trace id differs per request by design; everything else must be the same.
            answers.Add(JsonSerializer.Serialize(problem.EnumerateObject().Where(p => p.Name != "traceId").ToDictionary(p => p.Name, p => p.Value.ToString())));
        }

        answers.Distinct().ShouldHaveSingleItem();
        answers[0].ShouldNotContain("LockedOut");
    }

    [Fact]
    public async Task AnswersSignInPageIdenticallyGivenUnknownUserWrongPasswordOrLockedAccount()
    {
        var pages = new List<(HttpStatusCode Status, string Html)>();
        foreach (var (userId, password) in Refusals.Select(r => ((string)r[0], (string)r[1])))
        {
            using var client = Factory.CreateClient(new() { AllowAutoRedirect = false });
            var token = await WebAppFixture.AntiforgeryTokenAsync(client, "/Account/SignIn");
            using var response = await client.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserId"] = userId, ["Password"] = password, ["__RequestVerificationToken"] = token,
            }));
            var html = await response.Content.ReadAsStringAsync();
            // The page echoes the user ID typed and carries a fresh token: the rest must not differ.
            pages.Add((response.StatusCode, TokenInput().Replace(html, "<token>").Replace(userId, "<user>", StringComparison.Ordinal)));
        }

        pages.Select(p => p.Status).Distinct().ShouldBe([HttpStatusCode.OK]);
        pages[0].Html.ShouldContain(WebUtility.HtmlEncode(PasswordSignIn.RefusedMessage));
        pages.Select(p => p.Html).Distinct().Count().ShouldBe(1, "the sign-in page answered one of the refusals differently");
    }

    [Fact]
    public async Task ChecksOnePasswordHashGivenEachKindOfRefusal()
    {
        using var client = Factory.CreateClient();
        foreach (var (userId, password) in Refusals.Select(r => ((string)r[0], (string)r[1])))
        {
            var before = _hasher.Verifications;

            using var response = await LoginAsync(client, userId, password);

            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (_hasher.Verifications - before).ShouldBe(1, $"{userId} / {(password == Password ? "right" : "wrong")} password checked a different number of hashes");
        }
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex TokenInput();

    /// <summary>Identity's own hasher, counting how many hashes it checks.</summary>
    private sealed class CountingHasher : IPasswordHasher<IdentityUser>
    {
        private readonly PasswordHasher<IdentityUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(IdentityUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(IdentityUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
