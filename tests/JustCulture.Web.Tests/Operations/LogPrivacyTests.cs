using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using JustCulture.Application.Demo;
using JustCulture.Web.Api;
using JustCulture.Web.Tests.Hosting;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace JustCulture.Web.Tests.Operations;

/// <summary>
/// Names and people's own words never reach the log at Information or above: a concern is raised with free text
/// about a named person and read back on its pages while every log line is captured, request logs included.
/// </summary>
public sealed class LogPrivacyTests
{
    private const string FreeText = "Quillon-Marchbanks spilled the evening medication";
    private const string ActionText = "Left the Drummond-Ashby bay unattended";

    [Fact]
    public async Task LogsNoNameOrFreeTextAtInformationGivenConcernRaisedAndRead()
    {
        using var database = await DemoDatabase.CopyAsync("web-log-privacy");
        var captured = new CapturingLoggerProvider();
        // The app's own log levels, but Information for everything, request logs too.
        await using var root = new JustCultureWebFactory(DemoDatabase.SqliteSetting(database), settings: new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
        });
        await using var factory = root.WithWebHostBuilder(web => web.ConfigureLogging(logging => logging.AddProvider(captured)));
        using var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new("Bearer", await WebAppFixture.LoginAsync(factory.CreateClient(), DemoSeeder.LineManagerAccount, WebAppFixture.DemoPassword));
        var (subjectRef, subjectName) = await SubjectAsync(factory);

        using var raised = await api.PostAsJsonAsync(new Uri("/api/concerns", UriKind.Relative),
            new RaiseConcernRequest(subjectRef, $"{subjectName}: {FreeText}", [ActionText], "Clinical practice", new DateOnly(2025, 5, 1)));
        raised.StatusCode.ShouldBe(HttpStatusCode.Created, await raised.Content.ReadAsStringAsync());
        var id = (await raised.Content.ReadFromJsonAsync<ConcernCreated>()).ShouldNotBeNull().Id;
        using var browser = factory.CreateClient(new() { AllowAutoRedirect = false });
        await WebAppFixture.SignInWithCookieAsync(browser, DemoSeeder.LineManagerAccount, WebAppFixture.DemoPassword);
        using var page = await browser.GetAsync(new Uri($"/Concerns/Details/{id}", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();
        page.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain(FreeText, customMessage: $"the journey shows the free text, so the log has the chance to hold it: {html[html.IndexOf("<main", StringComparison.Ordinal)..]}");
        using var apiView = await api.GetAsync(new Uri($"/api/concerns/{id}", UriKind.Relative));
        apiView.StatusCode.ShouldBe(HttpStatusCode.OK);

        var lines = captured.Lines.Where(l => l.Level >= LogLevel.Information).ToList();
        lines.ShouldContain(l => l.Category.StartsWith("Microsoft.AspNetCore.Hosting", StringComparison.Ordinal), "request logs were captured");
        var leaks = lines.Where(l => new[] { FreeText, ActionText, subjectName, subjectRef, "Quillon", "Drummond" }
            .Any(secret => l.Message.Contains(secret, StringComparison.OrdinalIgnoreCase))).Select(l => $"{l.Level} {l.Category}: {l.Message}").ToList();
        leaks.ShouldBeEmpty();
    }

    private static async Task<(string StaffRef, string Name)> SubjectAsync(WebApplicationFactory<Program> factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JustCulture.Persistence.JustCultureDbContext>();
        var manager = await db.Users.SingleAsync(u => u.UserId == DemoSeeder.LineManagerAccount);
        var subject = await db.Staff.Where(s => s.LineManagerRef == manager.StaffRef).OrderBy(s => s.StaffRef).FirstAsync();
        return (subject.StaffRef, subject.Name);
    }

    public sealed record LogLine(LogLevel Level, string Category, string Message);

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<LogLine> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, Lines);

        public void Dispose()
        {
        }

        private sealed class CapturingLogger(string category, ConcurrentQueue<LogLine> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                ArgumentNullException.ThrowIfNull(formatter);
                lines.Enqueue(new(logLevel, category, formatter(state, exception) + (exception is null ? string.Empty : " " + exception)));
            }
        }
    }
}
