using JustCulture.Application.Clocks;
using JustCulture.Persistence;
using JustCulture.TestSupport;
using JustCulture.Web.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Web.Tests.Hosting;

/// <summary>The daily digest's settings: off by default; when on, a setting that cannot work stops the start naming it; and the running app sends on schedule.</summary>
public class DigestConfigurationTests
{
    private static readonly (string, string)[] Minimal =
        [("Enabled", "true"), ("SmtpHost", "smtp.trust.example"), ("From", "justculture@trust.example"), ("Recipients:cm1", "reviewer@trust.example")];

    private static DigestSchedule? Read(params (string Key, string Value)[] settings) =>
        DigestConfiguration.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(settings.ToDictionary(s => $"{DigestConfiguration.Section}:{s.Key}", s => (string?)s.Value))
            .Build());

    [Fact]
    public void IsOffGivenNoSettings() => Read().ShouldBeNull();

    [Fact]
    public void UsesTheDefaultsGivenTheMinimalSettings()
    {
        var schedule = Read(Minimal).ShouldNotBeNull();

        schedule.SendAtUk.ShouldBe(new TimeOnly(7, 0));
        schedule.Settings.SmtpPort.ShouldBe(25);
        schedule.Settings.Security.ShouldBe(DigestSecurity.None);
        schedule.Settings.Recipients.ShouldBe(new Dictionary<string, string> { ["cm1"] = "reviewer@trust.example" });
    }

    [Theory]
    [InlineData("SmtpHost", "", "SmtpHost")]
    [InlineData("SmtpPort", "70000", "SmtpPort")]
    [InlineData("From", "not an address", "From")]
    [InlineData("Security", "tls", "Security")]
    [InlineData("Recipients:cm1", "reviewer", "Recipients:cm1")]
    [InlineData("SendAtUkTime", "7am", "SendAtUkTime")]
    [InlineData("Enabled", "yes", "Enabled")]
    public void StopsTheStartNamingTheSettingGivenOneThatCannotWork(string key, string value, string named)
    {
        var settings = Minimal.Where(s => s.Item1 != key).Append((key, value)).ToArray();

        var refused = Should.Throw<InvalidOperationException>(() => Read(settings));

        refused.Message.ShouldStartWith($"{DigestConfiguration.Section}:{named} ");
    }

    [Fact]
    public async Task ClaimsAndRecordsTheDaysDigestGivenTheAppRunningOnAWorkingDayMorning()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"jc-digest-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        await using var smtp = new LocalSmtpServer();
        var tuesdayMorning = new TestClock(new DateTime(2025, 6, 3, 9, 0, 0, DateTimeKind.Utc));
        try
        {
            await using var factory = new JustCultureWebFactory($"sqlite:Data Source={Path.Combine(folder, "jc.db")}", settings: new Dictionary<string, string?>
            {
                ["JustCulture:SeedDemo"] = "false",
                [$"{DigestConfiguration.Section}:Enabled"] = "true",
                [$"{DigestConfiguration.Section}:SmtpHost"] = "127.0.0.1",
                [$"{DigestConfiguration.Section}:SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [$"{DigestConfiguration.Section}:From"] = "justculture@trust.example",
                [$"{DigestConfiguration.Section}:Recipients:nobody"] = "nobody@trust.example",
            });
            await using var app = factory.WithWebHostBuilder(web => web.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(tuesdayMorning)));
            using var client = app.CreateClient();

            // The service's first pass runs at start; a claimed, recorded day is what it leaves.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            Domain.Notifications.ClockDigestDay? day = null;
            while (day?.SentAtUtc is null && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
                await using var scope = app.Services.CreateAsyncScope();
                day = await scope.ServiceProvider.GetRequiredService<JustCultureDbContext>().ClockDigestDays.AsNoTracking().SingleOrDefaultAsync();
            }

            day.ShouldNotBeNull("the running app claimed the day's digest").UkDate.ShouldBe(new DateOnly(2025, 6, 3));
            day.SentAtUtc.ShouldNotBeNull();
            day.UnknownRecipients.ShouldBe(1, "the one recipient configured is not a user of this empty installation");
            smtp.Messages.ShouldBeEmpty("nobody with work due, so nothing is sent");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
