using JustCulture.Domain.Calendar;
using JustCulture.Domain.Concerns;

namespace JustCulture.Application.Clocks;

/// <summary>
/// The trust's stage targets in working days and its working-day calendar (web: <c>JustCulture:Clocks:*</c>;
/// docs/domain/case-clocks.md). A stage is named as the product stores it (<see cref="ActionStage"/>), so a stage
/// added later is given a target by configuration alone; a stage with no target has no clock.
/// </summary>
public sealed class ClockSettings
{
    /// <summary>The defaults, in working days: the checklist a week; the commissioning review two weeks (the review
    /// queue's 14 calendar days); an informal resolution five weeks (the queue's 35 days for a plan); a formal
    /// investigation eight weeks.</summary>
    public static IReadOnlyDictionary<string, int> DefaultTargets { get; } = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [nameof(ActionStage.Checklist)] = 5,
        [nameof(ActionStage.AwaitingReview)] = 10,
        [nameof(ActionStage.InformalResolution)] = 25,
        [nameof(ActionStage.FormalInvestigation)] = 40,
    };

    /// <summary>The most working days a target may be (about two years).</summary>
    public const int MaxTargetWorkingDays = 500;

    public ClockSettings(IReadOnlyDictionary<string, int>? targets = null, WorkingDayCalendar? calendar = null)
    {
        var merged = new Dictionary<string, int>(DefaultTargets, StringComparer.Ordinal);
        foreach (var (stage, days) in targets ?? new Dictionary<string, int>())
        {
            if (days is < 1 or > MaxTargetWorkingDays)
            {
                throw new ArgumentOutOfRangeException(nameof(targets), days, $"JustCulture:Clocks:TargetWorkingDays:{stage} must be from 1 to {MaxTargetWorkingDays} working days.");
            }

            merged[stage] = days;
        }

        Targets = merged;
        Calendar = calendar ?? WorkingDayCalendar.EnglandAndWales();
    }

    public IReadOnlyDictionary<string, int> Targets { get; }

    public WorkingDayCalendar Calendar { get; }

    public int? TargetFor(ActionStage stage) => stage == ActionStage.Closed ? null
        : Targets.TryGetValue(stage.ToString(), out var days) ? days : null;
}
