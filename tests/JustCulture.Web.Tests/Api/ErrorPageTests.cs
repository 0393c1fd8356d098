using System.Net;
using JustCulture.Web.Tests.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Web.Tests.Api;

/// <summary>Browsers get the NHS.UK error pages in the site layout; the API keeps problem details.</summary>
public sealed class ErrorPageTests(SqliteWebAppFixture app) : IClassFixture<SqliteWebAppFixture>
{
    private const string Secret = "connection string with a password in it";

    [Fact]
    public async Task ShowsPageNotFoundInLayoutGivenBrowserAskingForUnknownPage()
    {
        var browser = await app.CookieClientAsync(Caller.LineManager);

        using var response = await browser.GetAsync(new Uri("/Concerns/NoSuchPage", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("<h1>Page not found</h1>");
        html.ShouldContain("<title>Page not found");
        html.ShouldContain("nhsuk-header");
    }

    [Fact]
    public async Task AnswersProblemJsonGivenUnknownApiRoute()
    {
        var client = await app.BearerClientAsync(Caller.LineManager);

        using var response = await client.GetAsync(new Uri("/api/no-such-thing", UriKind.Relative));

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ShowsStyledProblemPageWithoutExceptionTextGivenPageThatThrows()
    {
        // The app as it runs, plus a filter that makes one page throw: no production route throws on purpose.
        await using var failing = app.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.Configure<MvcOptions>(mvc => mvc.Filters.Add(new ThrowOnPageFilter()))));
        using var browser = failing.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await WebAppFixture.SignInWithCookieAsync(browser, Caller.Administrator.DemoAccount(), WebAppFixture.DemoPassword);

        using var response = await browser.GetAsync(new Uri("/Admin/Workflows", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("<h1>Sorry, there is a problem with the service</h1>");
        html.ShouldContain("nhsuk-header");
        html.ShouldNotContain(Secret);
        html.ShouldNotContain(nameof(InvalidOperationException));
    }

    [Fact]
    public async Task ShowsAccessDeniedContentGivenErrorPageFor403()
    {
        using var response = await app.CreateClient().GetAsync(new Uri("/Error/403", UriKind.Relative));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).ShouldContain("<h1>You do not have access to this page</h1>");
    }

    /// <summary>Throws in the Workflows page only, the way a bug would.</summary>
    private sealed class ThrowOnPageFilter : IPageFilter
    {
        public void OnPageHandlerSelected(PageHandlerSelectedContext context)
        {
        }

        public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
        {
            if (context.ActionDescriptor.ViewEnginePath == "/Admin/Workflows")
            {
                throw new InvalidOperationException(Secret);
            }
        }

        public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
        {
        }
    }
}
