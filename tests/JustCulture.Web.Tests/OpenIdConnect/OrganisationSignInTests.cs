using System.Net;
using JustCulture.Persistence;
using JustCulture.TestSupport;
using JustCulture.Web.Identity;
using JustCulture.Web.Tests.Browser;
using JustCulture.Web.Tests.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JustCulture.Web.Tests.OpenIdConnect;

/// <summary>
/// Staff sign in with the trust's identity provider — a real OpenID Connect provider on 127.0.0.1, through its own
/// sign-in pages, in Chromium. Screenshots are in TestResults/screenshots/oidc-*.png; axe checks the new pages.
/// </summary>
[Collection(OrganisationSignInFixture.Collection)]
public class OrganisationSignInTests(OrganisationSignInFixture app)
{
    [BrowserFact]
    public async Task ReachesReviewQueueGivenCommissioningManagerSetUpByEmail()
    {
        await using var session = await app.NewSessionAsync("oidc-linked-by-email");
        await SignInWithOrganisationAsync(session, OrganisationSignInFixture.LinkedByEmail, "signed-in");
        session.Page.Url.ShouldNotContain("/Account/", Case.Insensitive, "the signed-in page sends the browser on");

        (await session.GotoAsync("/Review")).ShouldBe(200);
        (await session.Page.Locator("h1").InnerTextAsync()).ShouldBe("Review queue");
        await session.ScreenshotAsync("review-queue");
        (await app.LinkedUserAsync(OrganisationSignInFixture.LinkedByEmail.Oid)).ShouldBe("oidc.cm.email", "the first sign-in links the object id");
        await session.GotoAsync("/Concerns");
        session.Page.Url.ShouldContain("/Account/AccessDenied", Case.Insensitive, "the product role, not the token, decides what they reach");
    }

    [BrowserFact]
    public async Task SignsInBySubjectGivenLinkedUserWhoseEmailChangedSince()
    {
        await using (var first = await app.NewSessionAsync("oidc-twice-first"))
        {
            await SignInWithOrganisationAsync(first, OrganisationSignInFixture.SignsInTwice, "first");
            (await first.GotoAsync("/Review")).ShouldBe(200);
        }

        // The recorded email no longer matches the token's: only the linked subject can find them now.
        await app.InScopeAsync(async services =>
        {
            var accounts = services.GetRequiredService<UserManager<IdentityUser>>();
            var account = (await accounts.FindByNameAsync("oidc.cm.twice")).ShouldNotBeNull();
            return await accounts.SetEmailAsync(account, "someone.else@trust.nhs.uk");
        });

        await using var second = await app.NewSessionAsync("oidc-twice-second");
        await SignInWithOrganisationAsync(second, OrganisationSignInFixture.SignsInTwice, "second");
        (await second.GotoAsync("/Review")).ShouldBe(200);
        (await second.Page.Locator("h1").InnerTextAsync()).ShouldBe("Review queue");
        var logins = await app.InScopeAsync(services => services.GetRequiredService<IdentityStoreContext>().UserLogins.CountAsync(l => l.ProviderKey == OrganisationSignInFixture.SignsInTwice.Oid));
        logins.ShouldBe(1);
    }

    [BrowserFact]
    public async Task ShowsNotSetUpAndCreatesNothingGivenPersonNobodyAdded()
    {
        var before = await CountsAsync();
        await using var session = await app.NewSessionAsync("oidc-not-set-up");
        await SignInWithOrganisationAsync(session, OrganisationSignInFixture.Stranger, "not-set-up");

        await ShouldShowProblemAsync(session, "Your account has not been set up", "ask your administrator");
        (await CountsAsync()).ShouldBe(before, "no product user, sign-in account or link is created");
        (await app.LinkedUserAsync(OrganisationSignInFixture.Stranger.Oid)).ShouldBeNull();
        await ShouldNotBeSignedInAsync(session);
    }

    [BrowserFact]
    public async Task ShowsNotSetUpGivenRecordedEmailTheProviderDoesNotCallVerified()
    {
        await using var session = await app.NewSessionAsync("oidc-unverified-email");
        await SignInWithOrganisationAsync(session, OrganisationSignInFixture.UnverifiedEmail, "unverified");

        await ShouldShowProblemAsync(session, "Your account has not been set up", "ask your administrator");
        (await app.LinkedUserAsync(OrganisationSignInFixture.UnverifiedEmail.Oid)).ShouldBeNull();
    }

    [BrowserFact]
    public async Task RefusesGivenTokenGroupsGrantingAnotherRoleThanTheUsers()
    {
        await using var session = await app.NewSessionAsync("oidc-role-disagrees");
        await SignInWithOrganisationAsync(session, OrganisationSignInFixture.WrongGroup, "role-disagrees");

        await ShouldShowProblemAsync(session, "Your organisation's sign-in gives you a different role", "'groups'");
        await ShouldNotBeSignedInAsync(session);
    }

    [BrowserFact]
    public async Task RefusesGivenTokenWithoutTheMappedGroupsClaim()
    {
        await using var session = await app.NewSessionAsync("oidc-no-role-claim");
        await SignInWithOrganisationAsync(session, OrganisationSignInFixture.NoGroups, "no-role-claim");

        await ShouldShowProblemAsync(session, "Your organisation's sign-in did not say what your role is", "no 'groups' claim");
        await ShouldNotBeSignedInAsync(session);
    }

    [BrowserFact]
    public async Task RefusesGivenLinkedUserAnAdministratorDeactivated()
    {
        await using var session = await app.NewSessionAsync("oidc-deactivated");
        await SignInWithOrganisationAsync(session, OrganisationSignInFixture.Deactivated, "deactivated");

        await ShouldShowProblemAsync(session, "Your account has been deactivated", "Ask your administrator");
        await ShouldNotBeSignedInAsync(session);
    }

    [BrowserFact]
    public async Task ShowsServiceNotAnsweringAndKeepsLocalSignInGivenIssuerThatDoesNotAnswer()
    {
        // A second app whose identity provider is a port nobody listens on.
        var port = OrganisationSignInFixture.FreePort();
        using var database = await DemoDatabase.CopyAsync("web-oidc-down");
        var silent = new Uri($"http://127.0.0.1:{OrganisationSignInFixture.FreePort()}/");
        await using var factory = new JustCultureWebFactory(DemoDatabase.SqliteSetting(database), settings: OrganisationSignInFixture.Settings(silent));
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        factory.StartServer();

        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = $"http://127.0.0.1:{port}/", Locale = "en-GB" });
        await using var session = new BrowserSession(context, await context.NewPageAsync(), "oidc-issuer-down");
        (await session.GotoAsync("/Account/SignIn")).ShouldBe(200);
        await session.ClickAndWaitForPageAsync(session.Page.Locator("#organisation-sign-in"));
        (await session.Page.Locator("h1").InnerTextAsync()).ShouldBe($"The sign-in service of {OrganisationSignInFixture.DisplayName} is not answering");
        await session.ScreenshotAsync("not-answering");
        (await session.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();

        await session.SignInAsync(Caller.CommissioningManager);
        (await session.GotoAsync("/Review")).ShouldBe(200, "local sign-in still works");
    }

    [BrowserFact]
    public async Task SignsInGivenUserTheAdministratorAddedWithObjectIdAndNoPassword()
    {
        var person = OrganisationSignInFixture.AddedByAdministrator;
        await using (var admin = await app.NewSessionAsync("oidc-admin-adds"))
        {
            await admin.SignInAsync(Caller.Administrator);
            (await admin.GotoAsync("/Admin/Users")).ShouldBe(200);
            await admin.Page.GetByLabel("User ID", new() { Exact = true }).FillAsync("oidc.cm.added");
            await admin.Page.GetByLabel("Full name").FillAsync("Added Person");
            await admin.Page.GetByLabel("commissioning manager", new() { Exact = true }).CheckAsync();
            await admin.Page.Locator("#Input_ObjectId").FillAsync(OrganisationSignInFixture.LinkedByEmail.Oid);
            await admin.ClickAndWaitForPageAsync(admin.Page.GetByRole(AriaRole.Button, new() { Name = "Add user" }));
            (await admin.Page.Locator("#Input_ObjectId-error").InnerTextAsync()).ShouldContain("already linked to another user");
            (await app.InScopeAsync(services => services.GetRequiredService<JustCultureDbContext>().Users.AnyAsync(u => u.UserId == "oidc.cm.added"))).ShouldBeFalse("a refused link adds nobody");
            await admin.ScreenshotAsync("object-id-taken");
            (await admin.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();

            await admin.Page.Locator("#Input_ObjectId").FillAsync(person.Oid);
            await admin.ClickAndWaitForPageAsync(admin.Page.GetByRole(AriaRole.Button, new() { Name = "Add user" }));
            (await admin.Page.Locator(".nhsuk-panel--confirmation").InnerTextAsync()).ShouldContain($"They sign in with {OrganisationSignInFixture.DisplayName}");
            (await admin.GotoAsync("/Admin/ManageUser?user=oidc.cm.added")).ShouldBe(200);
            (await admin.Page.Locator("#organisation-sign-in-summary").InnerTextAsync()).ShouldBe("Linked by object id");
            (await admin.Page.Locator("#ObjectId").InputValueAsync()).ShouldBe(person.Oid);
            await admin.ScreenshotAsync("manage");
            (await admin.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();
        }

        await using var session = await app.NewSessionAsync("oidc-added-signs-in");
        await SignInWithOrganisationAsync(session, person, "signed-in");
        (await session.GotoAsync("/Review")).ShouldBe(200);
        (await session.Page.Locator("h1").InnerTextAsync()).ShouldBe("Review queue");
    }

    /// <summary>From the app's sign-in page through the provider's own login and consent pages, back to the app.</summary>
    private async Task SignInWithOrganisationAsync(BrowserSession session, TestPerson person, string step)
    {
        (await session.GotoAsync("/Account/SignIn")).ShouldBe(200);
        await session.ScreenshotAsync("sign-in-page");
        var page = session.Page;
        var provider = app.ProviderIssuer.Authority;
        await page.Locator("#organisation-sign-in").ClickAsync();
        // The app fetches the provider's metadata before it redirects; on a loaded machine that can take a while, and
        // if it fails the app shows its own problem page instead: wait for either, and say which.
        await page.WaitForURLAsync(url => new Uri(url).Authority == provider || url.Contains(OpenIdConnectSignIn.ProblemPage, StringComparison.Ordinal),
            new() { Timeout = 90_000 });
        if (new Uri(page.Url).Authority != provider)
        {
            throw new Xunit.Sdk.XunitException($"Expected the provider's login page, got {page.Url}: {await page.Locator("main").InnerTextAsync()}");
        }

        for (var prompt = 0; prompt < 4 && new Uri(page.Url).Authority == provider; prompt++)
        {
            var before = page.Url;
            if (await page.Locator("input[name=login]").CountAsync() > 0)
            {
                await page.Locator("input[name=login]").FillAsync(person.Login);
                await page.Locator("input[name=password]").FillAsync("any password");
                if (prompt == 0)
                {
                    await session.ScreenshotAsync("provider-login");
                }
            }

            await page.Locator("button[type=submit]").First.ClickAsync();
            await page.WaitForURLAsync(url => url != before);
        }

        await page.WaitForURLAsync(url => new Uri(url).Authority == app.BaseAddress.Authority);
        await page.WaitForLoadStateAsync(LoadState.Load);
        if (await page.Locator("#continue").CountAsync() > 0)
        {
            // Signed in: the page refreshes itself on to where the person was going.
            await page.WaitForURLAsync(url => !url.Contains("/Account/ExternalSignIn", StringComparison.Ordinal));
            await page.WaitForLoadStateAsync(LoadState.Load);
        }

        await session.ScreenshotAsync(step);
    }

    private static async Task ShouldShowProblemAsync(BrowserSession session, string heading, string explanation)
    {
        (await session.Page.Locator("h1").InnerTextAsync()).ShouldBe(heading);
        (await session.Page.Locator("main").InnerTextAsync()).ShouldContain(explanation, Case.Insensitive);
        (await session.SeriousAccessibilityViolationsAsync()).ShouldBeEmpty();
    }

    private static async Task ShouldNotBeSignedInAsync(BrowserSession session)
    {
        await session.GotoAsync("/Review");
        session.Page.Url.ShouldContain("/Account/SignIn", Case.Insensitive);
    }

    private Task<(int Users, int Accounts, int Links)> CountsAsync() =>
        app.InScopeAsync(async services =>
        {
            var identity = services.GetRequiredService<IdentityStoreContext>();
            return (await services.GetRequiredService<JustCultureDbContext>().Users.CountAsync(), await identity.Users.CountAsync(), await identity.UserLogins.CountAsync());
        });
}
