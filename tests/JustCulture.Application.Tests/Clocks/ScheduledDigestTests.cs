using JustCulture.Application.Clocks;
using JustCulture.Domain.Notifications;
using JustCulture.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace JustCulture.Application.Tests.Clocks;

/// <summary>
/// The daily digest on a schedule, against a real SMTP server on 127.0.0.1: from 07:00 UK time on working days, once
/// per UK day however many nodes try. The test clock starts on Monday 2 June 2025 at 10:00 UK time; one review is
/// waiting for cm1.
/// </summary>
public abstract class ScheduledDigestTests : IAsyncLifetime
{
    private readonly LocalSmtpServer _smtp = new();

    protected abstract TestProvider Provider { get; }

    private TestApp App { get; set; } = null!;

    public async Task InitializeAsync()
    {
        App = await TestApp.StartWithSmallTrustAsync(Provider);
        var concernId = await App.OpenConcernAsync("S005", SmallTrust.OtherLineManager);
        await App.AnswerChecklistAsync(concernId, SmallTrust.OtherLineManager, SmallTrust.PathTo('G'));
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await App.DisposeAsync();
    }

    private DigestSchedule Schedule(int port = 0) => new(
        new DigestSettings("127.0.0.1", port == 0 ? _smtp.Port : port, "justculture@trust.example",
            new Dictionary<string, string> { [SmallTrust.Reviewer] = "reviewer@trust.example" }),
        DigestSchedule.DefaultSendAtUk);

    private static Task<(ScheduledDigestOutcome Outcome, DigestRun? Run)> AttemptAsync(TestApp app, DigestSchedule schedule) =>
        app.RunAsync<ScheduledDigestHandler, (ScheduledDigestOutcome, DigestRun?)>(h => h.SendIfDueAsync(schedule));

    private void At(int day, int hourUtc, int minute = 0) => App.Clock.UtcNow = new DateTime(2025, 6, day, hourUtc, minute, 0, DateTimeKind.Utc);

    [Fact]
    public async Task SendsOnceADayFromTheHourOnWorkingDaysGivenRepeatedAttempts()
    {
        At(3, 5, 59); // Tuesday 06:59 UK time (BST)
        (await AttemptAsync(App, Schedule())).Outcome.ShouldBe(ScheduledDigestOutcome.NotDue);

        At(3, 6, 0);
        var first = await AttemptAsync(App, Schedule());
        first.Outcome.ShouldBe(ScheduledDigestOutcome.Sent);
        first.Run.ShouldBe(new DigestRun(1, 0, 0));
        (await AttemptAsync(App, Schedule())).Outcome.ShouldBe(ScheduledDigestOutcome.AlreadyClaimed);
        At(3, 15);
        (await AttemptAsync(App, Schedule())).Outcome.ShouldBe(ScheduledDigestOutcome.AlreadyClaimed);

        At(7, 9); // Saturday
        (await AttemptAsync(App, Schedule())).Outcome.ShouldBe(ScheduledDigestOutcome.NotDue);
        At(9, 9); // Monday
        (await AttemptAsync(App, Schedule())).Outcome.ShouldBe(ScheduledDigestOutcome.Sent);

        (await _smtp.WaitForAsync(2)).Count.ShouldBe(2);
        var days = await App.QueryAsync(db => db.ClockDigestDays.AsNoTracking().OrderBy(d => d.UkDate).ToListAsync());
        days.Select(d => (d.UkDate, d.Sent)).ShouldBe([(new DateOnly(2025, 6, 3), (int?)1), (new DateOnly(2025, 6, 9), (int?)1)]);
    }

    [Fact]
    public async Task SendsExactlyOneDigestGivenTwoNodesAtOnce()
    {
        await using var other = TestApp.OnSameDatabase(App, workflowsDirectory: null);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => AttemptAsync(i % 2 == 0 ? App : other, Schedule())));

        outcomes.Count(o => o.Outcome == ScheduledDigestOutcome.Sent).ShouldBe(1);
        outcomes.Count(o => o.Outcome == ScheduledDigestOutcome.AlreadyClaimed).ShouldBe(5);
        await Task.Delay(300);
        (await _smtp.WaitForAsync(1)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task TriesAgainLaterTheSameDayGivenTheServerUnreachable()
    {
        await Should.ThrowAsync<Exception>(() => AttemptAsync(App, Schedule(port: 1)));
        (await App.QueryAsync(db => db.ClockDigestDays.CountAsync())).ShouldBe(0, "a failed send leaves no claim");

        App.Clock.Advance(TimeSpan.FromMinutes(5));
        (await AttemptAsync(App, Schedule())).Outcome.ShouldBe(ScheduledDigestOutcome.Sent);
        (await _smtp.WaitForAsync(1)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task TakesOverAClaimLeftUnsentGivenItIsOlderThanHalfAnHour()
    {
        var stopped = App.Clock.UtcNow;
        await App.QueryAsync(async db =>
        {
            db.ClockDigestDays.Add(new ClockDigestDay(Domain.UkDates.UkDateOf(stopped), stopped));
            return await db.SaveChangesAsync();
        });

        App.Clock.Advance(TimeSpan.FromMinutes(20));
        (await AttemptAsync(App, Schedule())).Outcome.ShouldBe(ScheduledDigestOutcome.AlreadyClaimed, "another node may still be sending");
        App.Clock.Advance(TimeSpan.FromMinutes(11));
        (await AttemptAsync(App, Schedule())).Outcome.ShouldBe(ScheduledDigestOutcome.Sent);
        (await _smtp.WaitForAsync(1)).Count.ShouldBe(1);
    }
}

public sealed class SqliteScheduledDigestTests : ScheduledDigestTests
{
    protected override TestProvider Provider => TestProvider.Sqlite;
}

[Collection(PostgresFixture.Collection)]
public sealed class PostgresScheduledDigestTests : ScheduledDigestTests
{
    protected override TestProvider Provider => TestProvider.Postgres;
}
