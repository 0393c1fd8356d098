using System.Net;
using JustCulture.TestSupport;
using JustCulture.Web.Identity;
using JustCulture.Web.Tests.Hosting;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JustCulture.Web.Tests.OpenIdConnect;

/// <summary>What the browser never gets to see: a forged answer from the provider and an issuer that does not answer at start.</summary>
[Collection(OrganisationSignInFixture.Collection)]
public class OrganisationSignInFailureTests(OrganisationSignInFixture app)
{
    [Fact]
    public async Task ShowsSignInDidNotCompleteGivenCallbackWithForgedState()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        using var callback = await client.GetAsync(new Uri($"{OpenIdConnectSignIn.CallbackPath}?code=forged&state=forged", UriKind.Relative));

        callback.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        callback.Headers.Location!.ToString().ShouldBe($"{OpenIdConnectSignIn.ProblemPage}?problem={ExternalSignInProblem.Failed}");
        using var page = await client.GetAsync(callback.Headers.Location);
        page.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("Sign-in did not complete");
        html.ShouldNotContain("Exception");
    }

    [Fact]
    public async Task AnswersGivenTheRunningProvider()
    {
        var options = app.Factory.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectSettings.Scheme);
        (await OpenIdConnectDiscoveryProbe.IsAnsweringAsync(options, CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public async Task StartsAndLogsWarningGivenIssuerThatDoesNotAnswer()
    {
        using var database = await DemoDatabase.CopyAsync("web-oidc-silent");
        var silent = new Uri($"http://127.0.0.1:{OrganisationSignInFixture.FreePort()}/");
        var logs = new CapturedLogs();
        await using var factory = new JustCultureWebFactory(DemoDatabase.SqliteSetting(database), settings: OrganisationSignInFixture.Settings(silent));
        await using var withLogs = factory.WithWebHostBuilder(host => host.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(logs)));
        using var client = withLogs.CreateClient();

        (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK, "the app started");
        var deadline = DateTime.UtcNow + OpenIdConnectDiscoveryProbe.Timeout + TimeSpan.FromSeconds(5);
        while (DateTime.UtcNow < deadline && !logs.Warnings.Any(w => w.Contains("did not answer", StringComparison.Ordinal)))
        {
            await Task.Delay(100);
        }

        logs.Warnings.ShouldContain(w => w.Contains("did not answer", StringComparison.Ordinal) && w.Contains(silent.ToString(), StringComparison.Ordinal));
    }

    /// <summary>Every warning the app logs, as text.</summary>
    private sealed class CapturedLogs : ILoggerProvider
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<string> _warnings = new();

        public IReadOnlyList<string> Warnings => [.. _warnings];

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturedLogs owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel >= LogLevel.Warning)
                {
                    owner._warnings.Enqueue(formatter(state, exception));
                }
            }
        }
    }
}
