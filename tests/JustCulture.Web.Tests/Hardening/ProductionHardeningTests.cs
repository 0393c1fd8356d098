using System.Net;
using JustCulture.TestSupport;
using JustCulture.Web.Hosting;
using JustCulture.Web.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Web.Tests.Hardening;

/// <summary>Production speaks HTTPS only, marks its cookies Secure and does not serve Swagger UI unless told to.</summary>
public sealed class ProductionHardeningTests : IAsyncLifetime
{
    private const string UserId = "prod.auditor";
    private const string Password = "Production-password-1";
    private static readonly Uri Https = new("https://justculture.trust.example/");

    private readonly SqliteTestDatabase _database = new("web-production-hardening");
    private JustCultureWebFactory? _factory;

    private JustCultureWebFactory Factory => _factory!;

    private static Dictionary<string, string?> Settings(bool? swaggerUi = null) => new()
    {
        [PseudonymKeySetting.Name] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        [SwaggerUiSetting.Name] = swaggerUi?.ToString(),
    };

    public async Task InitializeAsync()
    {
        _factory = new JustCultureWebFactory(DemoDatabase.SqliteSetting(_database), environment: "Production", settings: Settings());
        await AddUserAsync(Factory);
    }

    private static async Task AddUserAsync(JustCultureWebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<JustCulture.Application.Users.AddUserHandler>()
            .HandleAsync(new JustCulture.Application.Users.AddUserCommand(UserId, UserId, "Auditor", null, new JustCulture.Application.Common.Actor("test", "Administrator")));
        await DatabasePreparation.CreateSignInAsync(scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>(), UserId, Password);
    }

    /// <summary>Signed in over HTTPS (the cookie is Secure) through the sign-in page.</summary>
    private static async Task<HttpClient> SignedInAsync(JustCultureWebFactory factory)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Https, AllowAutoRedirect = false });
        await WebAppFixture.SignInWithCookieAsync(client, UserId, Password);
        return client;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        _database.Dispose();
    }

    private HttpClient HttpsClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = Https, AllowAutoRedirect = false });

    [Fact]
    public async Task RedirectsToHttpsGivenPlainHttpRequest()
    {
        using var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://justculture.trust.example/"), AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri("/Account/SignIn?returnUrl=%2F", UriKind.Relative));

        ((int)response.StatusCode).ShouldBeOneOf(307, 308);
        response.Headers.Location.ShouldBe(new Uri("https://justculture.trust.example/Account/SignIn?returnUrl=%2F"));
    }

    [Fact]
    public async Task SendsHstsGivenHttpsRequest()
    {
        using var client = HttpsClient();

        using var response = await client.GetAsync(new Uri("/Account/SignIn", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.GetValues("Strict-Transport-Security").ShouldHaveSingleItem().ShouldStartWith("max-age=");
    }

    [Fact]
    public async Task MarksAuthAndAntiforgeryCookiesSecureGivenSignIn()
    {
        using var client = HttpsClient();
        using var page = await client.GetAsync(new Uri("/Account/SignIn", UriKind.Relative));
        var antiforgery = page.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal)).ShouldHaveSingleItem();
        var html = await page.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"(?<t>[^\"]+)\"").Groups["t"].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/Account/SignIn", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserId"] = UserId, ["Password"] = Password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) }),
        };

        using var signIn = await client.SendAsync(request);

        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signIn.Content.ReadAsStringAsync());
        var auth = signIn.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("JustCulture.Auth=", StringComparison.Ordinal)).ShouldHaveSingleItem();
        auth.ShouldContain("secure", Case.Insensitive);
        auth.ShouldContain("httponly", Case.Insensitive);
        auth.ShouldContain("samesite=strict", Case.Insensitive);
        antiforgery.ShouldContain("secure", Case.Insensitive);
    }

    [Fact]
    public async Task Answers404OnSwaggerAndLinksNoApiPageGivenSwaggerUiNotTurnedOn()
    {
        using var client = await SignedInAsync(Factory);

        using var swagger = await client.GetAsync(new Uri("/swagger/index.html", UriKind.Relative));
        using var root = await client.GetAsync(new Uri("/swagger", UriKind.Relative));
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));

        swagger.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        root.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await home.Content.ReadAsStringAsync()).ShouldNotContain("href=\"/swagger\"");
    }

    [Fact]
    public async Task ServesSwaggerWithItsOwnPolicyGivenSwaggerUiTurnedOn()
    {
        using var database = new SqliteTestDatabase("web-production-swagger");
        await using var factory = new JustCultureWebFactory(DemoDatabase.SqliteSetting(database), environment: "Production", settings: Settings(swaggerUi: true));
        await AddUserAsync(factory);
        using var client = await SignedInAsync(factory);

        using var swagger = await client.GetAsync(new Uri("/swagger/index.html", UriKind.Relative));
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));

        swagger.StatusCode.ShouldBe(HttpStatusCode.OK);
        swagger.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem().ShouldBe(SecurityHeaders.SwaggerUiPolicy);
        home.Headers.GetValues("Content-Security-Policy").ShouldHaveSingleItem().ShouldBe(SecurityHeaders.ContentSecurityPolicy);
        (await home.Content.ReadAsStringAsync()).ShouldContain("href=\"/swagger\"");
    }
}
