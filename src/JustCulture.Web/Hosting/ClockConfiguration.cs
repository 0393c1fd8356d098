using System.Globalization;
using JustCulture.Application.Clocks;
using JustCulture.Domain.Concerns;

namespace JustCulture.Web.Hosting;

/// <summary>
/// <c>JustCulture:Clocks:TargetWorkingDays:{Stage}</c>: the trust's own stage targets over the defaults
/// (docs/domain/case-clocks.md). Read at start, so a mistyped stage or number stops the app naming the setting
/// rather than leaving a stage silently on its default.
/// </summary>
public static class ClockConfiguration
{
    public const string Section = $"{JustCultureWebOptions.Section}:Clocks:TargetWorkingDays";

    public static ClockSettings Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var stages = Enum.GetNames<ActionStage>().Where(s => s != nameof(ActionStage.Closed)).ToArray();
        var targets = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var setting in configuration.GetSection(Section).GetChildren())
        {
            var stage = stages.SingleOrDefault(s => s.Equals(setting.Key, StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidOperationException($"{Section}:{setting.Key} names no stage with a clock; the stages are {string.Join(", ", stages)}.");
            if (!int.TryParse(setting.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 1 or > ClockSettings.MaxTargetWorkingDays)
            {
                throw new InvalidOperationException(
                    $"{Section}:{setting.Key} must be a whole number of working days from 1 to {ClockSettings.MaxTargetWorkingDays}; it is '{setting.Value}'.");
            }

            targets[stage] = days;
        }

        return new ClockSettings(targets);
    }
}
