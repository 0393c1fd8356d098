namespace JustCulture.Domain.Calendar;

/// <summary>
/// Where a stage's clock stands: started on the UK date the stage was entered, due a target number of working
/// days later, and read against today's UK date. Both instants become UK dates first
/// (<see cref="UkDates.UkDateOf"/>), so a stage entered at 23:30 UTC in summer starts on the next UK day and a
/// clock change between GMT and BST never moves a due date (docs/domain/case-clocks.md).
/// </summary>
/// <param name="StartedOn">The UK date the stage was entered.</param>
/// <param name="DueOn">The last working day within the target.</param>
/// <param name="WorkingDaysLeft">Working days after today up to the due date: 0 on the due date, negative once past it.</param>
public sealed record StageDue(DateOnly StartedOn, int TargetWorkingDays, DateOnly DueOn, int WorkingDaysLeft)
{
    public bool IsOverdue => WorkingDaysLeft < 0;

    /// <summary>Working days past the due date (0 when not overdue).</summary>
    public int WorkingDaysOverdue => Math.Max(0, -WorkingDaysLeft);

    public static StageDue Of(DateTime enteredAtUtc, int targetWorkingDays, DateTime nowUtc, WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var started = UkDates.UkDateOf(enteredAtUtc);
        var due = calendar.AddWorkingDays(started, targetWorkingDays);
        return new StageDue(started, targetWorkingDays, due, calendar.WorkingDaysBetween(UkDates.UkDateOf(nowUtc), due));
    }

    /// <summary>"due 15 January 2027, 3 working days left", "due today", or "overdue by 2 working days (due 15 January 2027)".</summary>
    public string Words => WorkingDaysLeft switch
    {
        < 0 => $"overdue by {Days(WorkingDaysOverdue)} (due {UkDates.Date(DueOn)})",
        0 => $"due today ({UkDates.Date(DueOn)})",
        _ => $"due {UkDates.Date(DueOn)}, {Days(WorkingDaysLeft)} left",
    };

    private static string Days(int n) => n == 1 ? "1 working day" : $"{n} working days";
}
