using System.Collections.Concurrent;
using JustCulture.Application.Clocks;
using JustCulture.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;

namespace JustCulture.Application.Tests.Clocks;

/// <summary>
/// The daily digest sent over SMTP to a real SMTP server (the SmtpServer package, listening on 127.0.0.1 on a
/// free port) that this test starts; what arrives is parsed and asserted.
/// </summary>
public sealed class ClockDigestTests : IAsyncLifetime
{
    private readonly LocalSmtpServer _received = new();
    private readonly CapturingLogs _logs = new();

    private TestApp App { get; set; } = null!;

    public async Task InitializeAsync() =>
        App = await TestApp.StartWithSmallTrustAsync(TestProvider.Sqlite, services => services.AddLogging(l => l.AddProvider(_logs)));

    public async Task DisposeAsync()
    {
        await _received.DisposeAsync();
        await App.DisposeAsync();
    }

    private DigestSettings Settings(IReadOnlyDictionary<string, string> recipients) =>
        new("127.0.0.1", _received.Port, "justculture@trust.example", recipients, BaseUrl: "https://justculture.trust.example/");

    [Fact]
    public async Task SendsEachRecipientOnlyTheirOwnDueWorkWithoutNamesOrFreeText()
    {
        const string summary = "Something happened on the ward"; // what TestApp.OpenConcernAsync records
        var review = await App.OpenConcernAsync("S005", SmallTrust.OtherLineManager, "Gave the 22:00 dose at 23:30");
        await App.AnswerChecklistAsync(review, SmallTrust.OtherLineManager, SmallTrust.PathTo('G'));
        var checklist = await App.OpenConcernAsync("S001", SmallTrust.LineManager);
        App.Clock.Advance(TimeSpan.FromDays(16)); // Wednesday 18 June 2025: both stages past target

        var run = await App.RunAsync<ClockDigestHandler, DigestRun>(h => h.SendAsync(Settings(new Dictionary<string, string>
        {
            [SmallTrust.Reviewer] = "reviewer.one@trust.example",
            [SmallTrust.LineManager] = "manager.one@trust.example",
            [SmallTrust.ReviewerWhoManagesSubject] = "exec@trust.example",
            ["nobody"] = "nobody@trust.example",
        })));

        run.ShouldBe(new DigestRun(Sent: 2, NothingDue: 1, UnknownRecipients: 1));
        var messages = await _received.WaitForAsync(2);
        messages.Select(m => m.To.Mailboxes.Single().Address).ShouldBe(["manager.one@trust.example", "reviewer.one@trust.example"], ignoreOrder: true);

        var toReviewer = messages.Single(m => m.To.Mailboxes.Single().Address == "reviewer.one@trust.example");
        toReviewer.From.Mailboxes.Single().Address.ShouldBe("justculture@trust.example");
        toReviewer.Subject.ShouldBe("JustCulture: 1 overdue, 0 due (18 June 2025)");
        var body = toReviewer.TextBody ?? string.Empty;
        body.ShouldContain($"{Domain.Concerns.CaseReference.Of(review)}: Action 1, awaiting review: overdue by 2 working days (due 16 June 2025); delay reason needed");
        body.ShouldNotContain(Domain.Concerns.CaseReference.Of(checklist));
        body.ShouldContain("https://justculture.trust.example/Clocks");

        var toRaiser = messages.Single(m => m.To.Mailboxes.Single().Address == "manager.one@trust.example");
        (toRaiser.TextBody ?? string.Empty).ShouldContain($"{Domain.Concerns.CaseReference.Of(checklist)}: Action 1, checklist to answer: overdue");
        (toRaiser.TextBody ?? string.Empty).ShouldNotContain(Domain.Concerns.CaseReference.Of(review));

        foreach (var message in messages)
        {
            var whole = message.ToString();
            foreach (var secret in new[] { "Staff Five", "Staff One", "Reviewer One", "Manager One", "S005", "S001", summary, "22:00 dose" })
            {
                whole.ShouldNotContain(secret);
            }

            message.To.Mailboxes.Single().Name.ShouldBeNullOrEmpty();
        }

        var information = _logs.Lines.Where(l => l.Level >= LogLevel.Information).Select(l => l.Text).ToList();
        information.ShouldContain("Clock digest: 2 sent, 1 with nothing due, 1 configured recipients who are not users");
        information.ShouldAllBe(l => !l.Contains("trust.example") && !l.Contains("cm1") && !l.Contains("Staff"));
    }

    [Fact]
    public async Task SendsNothingGivenNothingDue()
    {
        var run = await App.RunAsync<ClockDigestHandler, DigestRun>(h => h.SendAsync(Settings(new Dictionary<string, string> { [SmallTrust.Reviewer] = "r@trust.example" })));

        run.ShouldBe(new DigestRun(0, 1, 0));
        _received.Messages.ShouldBeEmpty();
    }

    private sealed class CapturingLogs : ILoggerProvider
    {
        public ConcurrentQueue<(LogLevel Level, string Text)> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLogs owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Lines.Enqueue((logLevel, formatter(state, exception)));
        }
    }
}
