using JustCulture.Application.Common;
using JustCulture.Application.Retention;
using JustCulture.Application.Tests.Review;
using JustCulture.Domain;

namespace JustCulture.Application.Tests.Retention;

/// <summary>Cases closed at chosen times, and the retention use cases run as of chosen dates.</summary>
public abstract class RetentionTestBase : ReviewTestBase
{
    protected static readonly RetentionPeriod SixYears = RetentionPeriod.Default;

    protected static Actor Administrator => new(JustCulture.TestSupport.SmallTrust.Administrator, "Administrator");

    /// <summary>Opens a concern about <paramref name="subject"/> at <paramref name="atUtc"/> and closes it (no further action).</summary>
    protected async Task<Guid> ClosedAtAsync(string subject, DateTime atUtc)
    {
        App.Clock.UtcNow = atUtc;
        return await RoutedAsync(subject, 'G', "NoFurtherAction");
    }

    protected Task<IReadOnlyList<RetentionDuePerson>> DueAsync(DateOnly asOf, RetentionPeriod? period = null) =>
        App.RunAsync<RetentionDueHandler, IReadOnlyList<RetentionDuePerson>>(h => h.HandleAsync(new RetentionDueQuery(asOf, period ?? SixYears)));

    protected Task<RetentionRunResult> RunAsync(DateOnly asOf, bool dryRun = false, Actor? actor = null) =>
        App.RunAsync<RunRetentionHandler, RetentionRunResult>(h => h.HandleAsync(new RunRetentionCommand(asOf, SixYears, actor ?? Administrator, dryRun)));

    /// <summary>The first UK day on which a six-year period has passed since the clock's current time.</summary>
    protected DateOnly SixYearsAfterNow => UkDates.UkDateOf(App.Clock.UtcNow).AddYears(6).AddDays(1);
}
