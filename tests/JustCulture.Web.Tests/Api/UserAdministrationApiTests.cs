using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JustCulture.Application.Demo;
using JustCulture.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Web.Tests.Api;

/// <summary>
/// User administration through the API: role changes that take effect on the user's next request, deactivation that
/// stops sign-in and ends sessions (cookie and bearer), password resets and each user's own password.
/// </summary>
public sealed class UserAdministrationApiTests(SqliteWebAppFixture app) : IClassFixture<SqliteWebAppFixture>
{
    private const string Password = "Someone-password-1";

    private async Task<string> NewUserAsync(string role = "LineManager")
    {
        var userId = $"api.{Guid.NewGuid():N}"[..16];
        await app.AddSignInAsync(userId, role, null, Password);
        return userId;
    }

    private static HttpClient Bearer(HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private async Task<HttpResponseMessage> AdminAsync(HttpMethod method, string path, object? body = null)
    {
        var admin = await app.BearerClientAsync(Caller.Administrator);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        return await admin.SendAsync(request);
    }

    [Fact]
    public async Task ListsMatchingUsersPageGivenSearch()
    {
        using var response = await AdminAsync(HttpMethod.Get, "/api/users?search=commissioning&pageSize=2");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        page.GetProperty("total").GetInt32().ShouldBe(3);
        page.GetProperty("pageCount").GetInt32().ShouldBe(2);
        page.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("userId").GetString()).ShouldBe([DemoSeeder.CommissioningAccount, "commissioning2"]);
    }

    [Fact]
    public async Task GivesNewRoleOnSameTokenGivenRoleChanged()
    {
        var userId = await NewUserAsync("LineManager");
        using var user = Bearer(app.CreateClient(), await WebAppFixture.LoginAsync(app.CreateClient(), userId, Password));
        (await user.GetAsync(new Uri("/api/audit/log", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var change = await AdminAsync(HttpMethod.Put, $"/api/users/{userId}/role", new { role = "Auditor" });

        change.StatusCode.ShouldBe(HttpStatusCode.OK, await change.Content.ReadAsStringAsync());
        (await change.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString().ShouldBe("Auditor");
        (await user.GetAsync(new Uri("/api/audit/log", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.QueryAsync(db => db.DecisionLog.CountAsync(e => e.EventType == "UserRoleChanged" && e.Question == $"User {userId} role changed"))).ShouldBe(1);
    }

    [Fact]
    public async Task Returns422ProblemKeyedToRoleGivenLastActiveAdministrator()
    {
        using var response = await AdminAsync(HttpMethod.Put, $"/api/users/{DemoSeeder.AdministratorAccount}/role", new { role = "Auditor" });

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
        problem.GetProperty("errors").GetProperty("Role")[0].GetString().ShouldNotBeNull().ShouldContain("last active administrator");
    }

    [Fact]
    public async Task Returns400ProblemKeyedToRoleGivenUnknownRole()
    {
        var userId = await NewUserAsync();

        using var response = await AdminAsync(HttpMethod.Put, $"/api/users/{userId}/role", new { role = "Overlord" });

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Role", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Returns404ProblemGivenUnknownUser()
    {
        using var response = await AdminAsync(HttpMethod.Post, "/api/users/nobody.at.all/deactivate");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Returns422ProblemGivenAdministratorDeactivatingThemselves()
    {
        using var response = await AdminAsync(HttpMethod.Post, $"/api/users/{DemoSeeder.AdministratorAccount}/deactivate");

        (await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain("yourself");
    }

    [Fact]
    public async Task RefusesTokenRefreshAndLoginGivenDeactivatedUser()
    {
        var userId = await NewUserAsync();
        using var login = await app.CreateClient().PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { email = userId, password = Password });
        var tokens = await login.Content.ReadFromJsonAsync<JsonElement>();
        using var user = Bearer(app.CreateClient(), tokens.GetProperty("accessToken").GetString()!);
        (await user.GetAsync(new Uri("/api/tasks", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var deactivate = await AdminAsync(HttpMethod.Post, $"/api/users/{userId}/deactivate");

        deactivate.StatusCode.ShouldBe(HttpStatusCode.OK, await deactivate.Content.ReadAsStringAsync());
        // The token issued before is refused on its very next request, its refresh token too, and so is a new sign-in.
        (await user.GetAsync(new Uri("/api/tasks", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var refresh = await app.CreateClient().PostAsJsonAsync(new Uri("/api/auth/refresh", UriKind.Relative), new { refreshToken = tokens.GetProperty("refreshToken").GetString() });
        refresh.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var again = await app.CreateClient().PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { email = userId, password = Password });
        again.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RefusesCookieSessionAndSignInFormGivenDeactivatedUser()
    {
        var userId = await NewUserAsync();
        using var browser = app.CreateClient();
        await WebAppFixture.SignInWithCookieAsync(browser, userId, Password);
        (await browser.GetAsync(new Uri("/", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await AdminAsync(HttpMethod.Post, $"/api/users/{userId}/deactivate")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var next = await browser.GetAsync(new Uri("/", UriKind.Relative));
        next.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        next.Headers.Location!.OriginalString.ShouldContain("/Account/SignIn");
        using var fresh = app.CreateClient();
        var token = await WebAppFixture.AntiforgeryTokenAsync(fresh, "/Account/SignIn");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["UserId"] = userId, ["Password"] = Password, ["__RequestVerificationToken"] = token });
        using var signIn = await fresh.PostAsync(new Uri("/Account/SignIn", UriKind.Relative), form);
        signIn.StatusCode.ShouldBe(HttpStatusCode.OK, "no redirect: the sign-in was refused");
        (await signIn.Content.ReadAsStringAsync()).ShouldContain("Enter a correct user ID and password");
    }

    [Fact]
    public async Task LetsUserSignInAgainGivenReactivated()
    {
        var userId = await NewUserAsync();
        (await AdminAsync(HttpMethod.Post, $"/api/users/{userId}/deactivate")).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var reactivate = await AdminAsync(HttpMethod.Post, $"/api/users/{userId}/reactivate");

        reactivate.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await WebAppFixture.LoginAsync(app.CreateClient(), userId, Password)).ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task SignsInWithGeneratedPasswordOnlyAndMustChangeItGivenReset()
    {
        var userId = await NewUserAsync();

        using var reset = await AdminAsync(HttpMethod.Post, $"/api/users/{userId}/password", new { });

        reset.StatusCode.ShouldBe(HttpStatusCode.OK, await reset.Content.ReadAsStringAsync());
        var generated = (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("generatedPassword").GetString().ShouldNotBeNull();
        using var old = await app.CreateClient().PostAsJsonAsync(new Uri("/api/auth/login", UriKind.Relative), new { email = userId, password = Password });
        old.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var browser = app.CreateClient();
        await WebAppFixture.SignInWithCookieAsync(browser, userId, generated);
        using var home = await browser.GetAsync(new Uri("/Concerns", UriKind.Relative));
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.Headers.Location!.OriginalString.ShouldBe("/Account/Password");
    }

    [Fact]
    public async Task Returns400ProblemKeyedToPasswordGivenWeakTemporaryPassword()
    {
        var userId = await NewUserAsync();

        using var reset = await AdminAsync(HttpMethod.Post, $"/api/users/{userId}/password", new { password = "weak" });

        (await reset.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Password", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task ChangesOwnPasswordGivenCorrectCurrentPassword()
    {
        var userId = await NewUserAsync();
        using var user = Bearer(app.CreateClient(), await WebAppFixture.LoginAsync(app.CreateClient(), userId, Password));

        using var change = await user.PostAsJsonAsync(new Uri("/api/account/password", UriKind.Relative), new { currentPassword = Password, newPassword = "A-brand-new-password-2" });

        change.StatusCode.ShouldBe(HttpStatusCode.NoContent, await change.Content.ReadAsStringAsync());
        (await WebAppFixture.LoginAsync(app.CreateClient(), userId, "A-brand-new-password-2")).ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Returns400ProblemsByFieldGivenWrongCurrentOrWeakNewPassword()
    {
        var userId = await NewUserAsync();
        using var user = Bearer(app.CreateClient(), await WebAppFixture.LoginAsync(app.CreateClient(), userId, Password));

        using var wrong = await user.PostAsJsonAsync(new Uri("/api/account/password", UriKind.Relative), new { currentPassword = "not-it-Really-1", newPassword = "A-brand-new-password-2" });
        using var weak = await user.PostAsJsonAsync(new Uri("/api/account/password", UriKind.Relative), new { currentPassword = Password, newPassword = "short" });

        (await wrong.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("CurrentPassword", out _).ShouldBeTrue();
        (await weak.ShouldBeProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("NewPassword", out _).ShouldBeTrue();
        (await WebAppFixture.LoginAsync(app.CreateClient(), userId, Password)).ShouldNotBeNullOrEmpty();
    }
}
