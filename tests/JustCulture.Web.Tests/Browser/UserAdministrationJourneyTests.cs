using JustCulture.Web.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JustCulture.Web.Tests.Browser;

/// <summary>
/// An administrator manages a user through the real UI — adds, finds, changes the role, resets the password,
/// deactivates — and a demo user changes their own password. Screenshots are in
/// TestResults/screenshots/users-*.png; axe checks each new page, errors included.
/// </summary>
[Collection(BrowserFixture.Collection)]
public class UserAdministrationJourneyTests(BrowserFixture browser)
{
    private const string InitialPassword = "Journey-initial-pass-1";
    private const string ChosenPassword = "Journey-chosen-pass-2";

    [BrowserFact]
    public async Task LocksUserOutGivenAdministratorFindsChangesResetsAndDeactivatesThem()
    {
        var userId = $"journey.{Guid.NewGuid():N}"[..16];
        await using var admin = await browser.NewSessionAsync("users-admin");
        await admin.SignInAsync(Caller.Administrator);

        // Add them (the demo's other users have no password sign-in to reset).
        (await admin.GotoAsync("/Admin/Users")).ShouldBe(200);
        await admin.Page.GetByLabel("User ID", new() { Exact = true }).FillAsync(userId);
        await admin.Page.GetByLabel("Full name").FillAsync("Journey Person");
        await admin.Page.GetByLabel("line manager", new() { Exact = true }).CheckAsync();
        await admin.Page.GetByLabel("Initial password").FillAsync(InitialPassword);
        await admin.ClickAndWaitForPageAsync(admin.Page.GetByRole(AriaRole.Button, new() { Name = "Add user" }));
        (await admin.Page.Locator(".nhsuk-panel--confirmation").InnerTextAsync()).ShouldContain($"{userId} added");

        // Find them among the demo's users, paged.
        (await admin.Page.Locator(".nhsuk-pagination").CountAsync()).ShouldBe(1, "the demo has more users than one page");
        await admin.Page.GetByLabel("Search by user ID, name or role").FillAsync(userId);
        await admin.ClickAndWaitForPageAsync(admin.Page.GetByRole(AriaRole.Button, new() { Name = "Search" }));
        (await admin.Page.Locator("tbody tr").CountAsync()).ShouldBe(1);
        (await admin.Page.Locator("main").InnerTextAsync()).ShouldContain("1 user matching");
        await admin.ScreenshotAsync("search");
        (await admin.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();
        await admin.ClickAndWaitForPageAsync(admin.Page.GetByRole(AriaRole.Link, new() { Name = $"Manage {userId}" }));
        (await admin.Page.Locator("h1").InnerTextAsync()).ShouldBe($"Manage {userId}");
        await admin.ScreenshotAsync("manage");
        (await admin.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();

        // Change their role.
        await admin.Page.GetByLabel("commissioning manager", new() { Exact = true }).CheckAsync();
        await admin.ClickAndWaitForPageAsync(admin.Page.GetByRole(AriaRole.Button, new() { Name = "Change role" }));
        (await admin.Page.Locator(".nhsuk-panel--confirmation").InnerTextAsync()).ShouldContain($"{userId} is now a commissioning manager");
        await admin.ScreenshotAsync("role-changed");

        // Reset their password: a generated one, shown once.
        await admin.ClickAndWaitForPageAsync(admin.Page.GetByRole(AriaRole.Button, new() { Name = "Generate a password instead" }));
        var generated = (await admin.Page.Locator("#generated-password").InnerTextAsync()).Trim();
        generated.Length.ShouldBe(16);
        await admin.ScreenshotAsync("password-generated");
        (await admin.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();

        // They sign in with it, must choose their own, and see the review queue of their new role.
        await using var user = await browser.NewSessionAsync("users-person");
        await user.SubmitSignInAsync(userId, InitialPassword);
        user.Page.Url.ShouldContain("/Account/SignIn", Case.Insensitive, "the old password still worked");
        await user.SubmitSignInAsync(userId, generated);
        user.Page.Url.ShouldEndWith("/Account/Password");
        (await user.Page.Locator("main").InnerTextAsync()).ShouldContain("Choose your own password");
        await user.ScreenshotAsync("must-change");
        await ChangePasswordAsync(user, generated, ChosenPassword, ChosenPassword);
        (await user.Page.Locator(".nhsuk-panel--confirmation").InnerTextAsync()).ShouldContain("Password changed");
        (await user.GotoAsync("/Review")).ShouldBe(200);

        // Deactivate them: their open session ends at its next request, and they cannot sign in again.
        (await admin.GotoAsync($"/Admin/ManageUser?user={userId}")).ShouldBe(200);
        await admin.ClickAndWaitForPageAsync(admin.Page.GetByRole(AriaRole.Button, new() { Name = $"Deactivate {userId}" }));
        (await admin.Page.Locator(".nhsuk-panel--confirmation").InnerTextAsync()).ShouldContain("is deactivated");
        (await admin.Page.Locator("main").InnerTextAsync()).ShouldContain("Deactivated on");
        await admin.ScreenshotAsync("deactivated");
        await user.GotoAsync("/Review");
        user.Page.Url.ShouldContain("/Account/SignIn", Case.Insensitive, "the deactivated user's session still worked");
        await user.SubmitSignInAsync(userId, ChosenPassword);
        user.Page.Url.ShouldContain("/Account/SignIn", Case.Insensitive);
        (await user.Page.Locator(".nhsuk-error-summary").InnerTextAsync()).ShouldContain("Enter a correct user ID and password");
        await user.ScreenshotAsync("refused");
    }

    [BrowserFact]
    public async Task ShowsErrorSummaryGivenAdministratorRemovingTheLastAdministrator()
    {
        await using var admin = await browser.NewSessionAsync("users-last-admin");
        await admin.SignInAsync(Caller.Administrator);
        (await admin.GotoAsync($"/Admin/ManageUser?user={Caller.Administrator.DemoAccount()}")).ShouldBe(200);
        (await admin.Page.Locator("main").InnerTextAsync()).ShouldContain("You cannot deactivate yourself");

        await admin.Page.GetByLabel("auditor", new() { Exact = true }).CheckAsync();
        await admin.ClickAndWaitForPageAsync(admin.Page.GetByRole(AriaRole.Button, new() { Name = "Change role" }));

        (await admin.Page.TitleAsync()).ShouldStartWith("Error: ");
        var summary = admin.Page.Locator(".nhsuk-error-summary");
        (await summary.InnerTextAsync()).ShouldContain("last active administrator");
        (await summary.Locator("a[href='#Role']").CountAsync()).ShouldBe(1);
        await admin.ScreenshotAsync("refused");
        (await admin.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();
    }

    [BrowserFact]
    public async Task SignsInWithNewPasswordGivenDemoUserChangedTheirOwn()
    {
        var demoUser = Caller.Auditor.DemoAccount();
        await using var session = await browser.NewSessionAsync("users-own-password");
        try
        {
            await session.SignInAsync(Caller.Auditor);
            await session.ClickAndWaitForPageAsync(session.Page.GetByRole(AriaRole.Link, new() { Name = $"Your account: {demoUser}" }));
            session.Page.Url.ShouldEndWith("/Account/Password");

            await ChangePasswordAsync(session, WebAppFixture.DemoPassword, ChosenPassword, "Something-else-3");
            (await session.Page.TitleAsync()).ShouldStartWith("Error: ");
            (await session.Page.Locator(".nhsuk-error-summary").InnerTextAsync()).ShouldContain("The new passwords do not match");
            await session.ScreenshotAsync("mismatch");
            (await session.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();

            await ChangePasswordAsync(session, WebAppFixture.DemoPassword, ChosenPassword, ChosenPassword);
            (await session.Page.Locator(".nhsuk-panel--confirmation").InnerTextAsync()).ShouldContain("Password changed");
            await session.ScreenshotAsync("changed");
            (await session.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();

            await session.ClickAndWaitForPageAsync(session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }));
            await session.SubmitSignInAsync(demoUser, WebAppFixture.DemoPassword);
            session.Page.Url.ShouldContain("/Account/SignIn", Case.Insensitive, "the old password still worked");
            await session.SubmitSignInAsync(demoUser, ChosenPassword);
            session.Page.Url.ShouldNotContain("/Account/SignIn", Case.Insensitive);
            await session.ScreenshotAsync("signed-in-again");
        }
        finally
        {
            // The other browser tests sign in as this demo account with the published password.
            await using var scope = browser.Factory.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var account = (await users.FindByNameAsync(demoUser)).ShouldNotBeNull();
            await users.RemovePasswordAsync(account);
            (await users.AddPasswordAsync(account, WebAppFixture.DemoPassword)).Succeeded.ShouldBeTrue();
        }
    }

    private static async Task ChangePasswordAsync(BrowserSession session, string current, string next, string confirm)
    {
        await session.Page.GetByLabel("Current password", new() { Exact = true }).FillAsync(current);
        await session.Page.GetByLabel("New password", new() { Exact = true }).FillAsync(next);
        await session.Page.GetByLabel("Confirm new password", new() { Exact = true }).FillAsync(confirm);
        await session.ClickAndWaitForPageAsync(session.Page.GetByRole(AriaRole.Button, new() { Name = "Change password" }));
    }
}
