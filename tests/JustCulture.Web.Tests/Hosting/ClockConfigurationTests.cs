using JustCulture.Application.Clocks;
using JustCulture.Domain.Concerns;
using JustCulture.Web.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace JustCulture.Web.Tests.Hosting;

/// <summary>The trust's stage targets: its own over the defaults; a setting that names no stage or no sensible number stops the start naming it.</summary>
public class ClockConfigurationTests
{
    private static ClockSettings Read(params (string Stage, string Days)[] targets) =>
        ClockConfiguration.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(targets.ToDictionary(t => $"{ClockConfiguration.Section}:{t.Stage}", t => (string?)t.Days))
            .Build());

    [Fact]
    public void KeepsTheDefaultsGivenNoSettings() =>
        Read().Targets.ShouldBe(ClockSettings.DefaultTargets);

    [Fact]
    public void OverridesOnlyTheNamedStageGivenOneTarget()
    {
        var settings = Read(("formalinvestigation", "60"));

        settings.TargetFor(ActionStage.FormalInvestigation).ShouldBe(60);
        settings.TargetFor(ActionStage.Checklist).ShouldBe(5);
        settings.TargetFor(ActionStage.Closed).ShouldBeNull();
    }

    [Theory]
    [InlineData("FormalInvestigaton", "40", "names no stage")]
    [InlineData("Closed", "5", "names no stage")]
    [InlineData("Checklist", "0", "from 1 to 500")]
    [InlineData("Checklist", "501", "from 1 to 500")]
    [InlineData("Checklist", "five", "it is 'five'")]
    [InlineData("Checklist", "-3", "from 1 to 500")]
    public void StopsTheStartNamingTheSettingGivenATargetThatCannotBeMeant(string stage, string days, string says)
    {
        var refused = Should.Throw<InvalidOperationException>(() => Read((stage, days)));

        refused.Message.ShouldContain($"{ClockConfiguration.Section}:{stage}");
        refused.Message.ShouldContain(says);
    }

    [Fact]
    public void UsesTheTrustsTargetForEveryClockGivenTheSettingInTheWebApp()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"jc-clocks-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            using var factory = new JustCultureWebFactory($"sqlite:Data Source={Path.Combine(folder, "jc.db")}", settings: new Dictionary<string, string?>
            {
                ["JustCulture:SeedDemo"] = "false",
                [$"{ClockConfiguration.Section}:FormalInvestigation"] = "60",
            });

            factory.Services.GetRequiredService<ClockSettings>().TargetFor(ActionStage.FormalInvestigation).ShouldBe(60);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
