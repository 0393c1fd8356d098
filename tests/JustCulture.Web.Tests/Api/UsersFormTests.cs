using System.Net;
using JustCulture.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Web.Tests.Api;

/// <summary>The users page creates the product user and their sign-in together, and puts each refusal beside its input.</summary>
public sealed class UsersFormTests(SqliteWebAppFixture app) : IClassFixture<SqliteWebAppFixture>
{
    private async Task<(HttpStatusCode Status, string Html)> AddAsync(string userId, string password, string role = "CommissioningManager", string staffRef = "")
    {
        var admin = await app.CookieClientAsync(Caller.Administrator);
        var token = await WebAppFixture.AntiforgeryTokenAsync(admin, "/Admin/Users");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.UserId"] = userId,
            ["Input.Name"] = "New Person",
            ["Input.Role"] = role,
            ["Input.StaffRef"] = staffRef,
            ["Input.Password"] = password,
        });
        using var response = await admin.PostAsync(new Uri("/Admin/Users", UriKind.Relative), form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task CreatesUserWhoCanSignInGivenValidForm()
    {
        var (status, _) = await AddAsync("auditor.new", "Auditor-new-password-1", role: "Auditor");

        status.ShouldBe(HttpStatusCode.Redirect, "post, redirect, get");
        (await app.QueryAsync(db => db.Users.AnyAsync(u => u.UserId == "auditor.new"))).ShouldBeTrue();
        (await WebAppFixture.LoginAsync(app.Factory.CreateClient(), "auditor.new", "Auditor-new-password-1")).ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task StoresNothingAndShowsErrorsByFieldGivenWeakPasswordAndUnknownRole()
    {
        var (status, html) = await AddAsync("someone.new", "short", role: "Overlord");

        status.ShouldBe(HttpStatusCode.BadRequest);
        html.ShouldContain("id=\"Input_Role-error\"");
        html.ShouldContain("id=\"Input_Password-error\"");
        (await app.QueryAsync(db => db.Users.AnyAsync(u => u.UserId == "someone.new"))).ShouldBeFalse();
    }

    [Fact]
    public async Task RefusesKeyedToStaffRefGivenUnknownStaffRef()
    {
        var (status, html) = await AddAsync("someone.else", "Someone-else-password-1", staffRef: "NOPE999");

        status.ShouldBe(HttpStatusCode.NotFound);
        html.ShouldContain("id=\"Input_StaffRef-error\"");
        (await app.QueryAsync(db => db.Users.AnyAsync(u => u.UserId == "someone.else"))).ShouldBeFalse();
    }

    [Fact]
    public async Task RefusesWithConflictKeyedToStaffRefGivenStaffRefLinkedToAnotherUser()
    {
        var linked = await app.QueryAsync(db => db.Users.Where(u => u.UserId == JustCulture.Application.Demo.DemoSeeder.LineManagerAccount).Select(u => u.StaffRef!).SingleAsync());

        var (status, html) = await AddAsync("second.account", "Second-account-password-1", staffRef: linked);

        status.ShouldBe(HttpStatusCode.Conflict);
        html.ShouldContain("id=\"Input_StaffRef-error\"");
        html.ShouldContain($"is already linked to user &#x27;{JustCulture.Application.Demo.DemoSeeder.LineManagerAccount}&#x27;");
        (await app.QueryAsync(db => db.Users.AnyAsync(u => u.UserId == "second.account"))).ShouldBeFalse();
        (await app.QueryAsync(db => db.Users.CountAsync(u => u.StaffRef == linked))).ShouldBe(1);
    }
}
