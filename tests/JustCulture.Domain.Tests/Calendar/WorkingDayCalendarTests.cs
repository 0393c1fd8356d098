using System.Text;
using JustCulture.Domain.Calendar;

namespace JustCulture.Domain.Tests.Calendar;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar EnglandAndWales = WorkingDayCalendar.EnglandAndWales();

    [Fact]
    public void ShipsEightBankHolidaysAYearFrom2025To2028()
    {
        var byYear = WorkingDayCalendar.EnglandAndWales2025To2028.GroupBy(d => d.Year).ToDictionary(g => g.Key, g => g.Count());
        byYear.ShouldBe(new Dictionary<int, int> { [2025] = 8, [2026] = 8, [2027] = 8, [2028] = 8 });
        EnglandAndWales.LastYearKnown.ShouldBe(2028);
    }

    [Theory]
    [InlineData("2025-04-18")] // Good Friday
    [InlineData("2025-04-21")] // Easter Monday
    [InlineData("2026-12-28")] // Boxing Day 2026 falls on a Saturday: the substitute Monday
    [InlineData("2027-12-27")] // Christmas Day 2027 falls on a Saturday
    [InlineData("2028-01-03")] // New Year's Day 2028 falls on a Saturday
    public void IsNotAWorkingDayGivenABankHoliday(string date)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        EnglandAndWales.IsBankHoliday(day).ShouldBeTrue();
        EnglandAndWales.IsWorkingDay(day).ShouldBeFalse();
    }

    [Fact]
    public void CountsWeekdaysOnlyGivenNoHolidays()
    {
        var calendar = new WorkingDayCalendar([]);
        // Friday 6 June 2025 + 1 working day is Monday 9 June.
        calendar.AddWorkingDays(new DateOnly(2025, 6, 6), 1).ShouldBe(new DateOnly(2025, 6, 9));
        calendar.AddWorkingDays(new DateOnly(2025, 6, 2), 10).ShouldBe(new DateOnly(2025, 6, 16));
        calendar.WorkingDaysBetween(new DateOnly(2025, 6, 2), new DateOnly(2025, 6, 16)).ShouldBe(10);
        calendar.WorkingDaysBetween(new DateOnly(2025, 6, 16), new DateOnly(2025, 6, 2)).ShouldBe(-10);
    }

    [Fact]
    public void SkipsEasterGivenAStageStartedTheDayBeforeGoodFriday()
    {
        // Thursday 17 April 2025; Good Friday 18th and Easter Monday 21st are bank holidays.
        EnglandAndWales.AddWorkingDays(new DateOnly(2025, 4, 17), 2).ShouldBe(new DateOnly(2025, 4, 23));
        new WorkingDayCalendar([]).AddWorkingDays(new DateOnly(2025, 4, 17), 2).ShouldBe(new DateOnly(2025, 4, 21));
        EnglandAndWales.WorkingDaysBetween(new DateOnly(2025, 4, 17), new DateOnly(2025, 4, 23)).ShouldBe(2);
    }

    [Fact]
    public void SkipsAConfiguredExtraHoliday()
    {
        var withExtra = WorkingDayCalendar.EnglandAndWales([new DateOnly(2025, 6, 3)]);
        withExtra.AddWorkingDays(new DateOnly(2025, 6, 2), 1).ShouldBe(new DateOnly(2025, 6, 4));
        EnglandAndWales.AddWorkingDays(new DateOnly(2025, 6, 2), 1).ShouldBe(new DateOnly(2025, 6, 3));
    }

    [Fact]
    public void ReadsTheGovUkFileShapeWholeOrOneDivision()
    {
        const string whole = """{"england-and-wales":{"division":"england-and-wales","events":[{"title":"Extra","date":"2029-01-01","notes":"","bunting":true}]},"scotland":{"division":"scotland","events":[{"title":"2 January","date":"2029-01-02"}]}}""";
        WorkingDayCalendar.ReadGovUkJson(new MemoryStream(Encoding.UTF8.GetBytes(whole))).ShouldBe([new DateOnly(2029, 1, 1)]);
        Should.Throw<FormatException>(() => WorkingDayCalendar.ReadGovUkJson(new MemoryStream(Encoding.UTF8.GetBytes("""{"events":[{"date":"1 Jan 2029"}]}"""))));
    }

    [Fact]
    public void DueDateCrossesABankHolidayWeekend()
    {
        // Entered 17 April 2025 at 10:00 UK time (09:00 UTC, BST); 2 working days: due Wednesday 23 April.
        var due = StageDue.Of(new DateTime(2025, 4, 17, 9, 0, 0, DateTimeKind.Utc), 2, new DateTime(2025, 4, 22, 12, 0, 0, DateTimeKind.Utc), EnglandAndWales);
        due.DueOn.ShouldBe(new DateOnly(2025, 4, 23));
        due.WorkingDaysLeft.ShouldBe(1);
        due.IsOverdue.ShouldBeFalse();
        due.Words.ShouldBe("due 23 April 2025, 1 working day left");
    }

    [Fact]
    public void UkDateDecidesTheStartGivenALateEveningInSummer()
    {
        // 23:30 UTC on Thursday 24 July 2025 is 00:30 on Friday 25 July in the UK: the clock starts on Friday.
        var due = StageDue.Of(new DateTime(2025, 7, 24, 23, 30, 0, DateTimeKind.Utc), 1, new DateTime(2025, 7, 25, 12, 0, 0, DateTimeKind.Utc), EnglandAndWales);
        due.StartedOn.ShouldBe(new DateOnly(2025, 7, 25));
        due.DueOn.ShouldBe(new DateOnly(2025, 7, 28));
    }

    [Fact]
    public void ClockChangeDoesNotShiftTheDueDate()
    {
        // Entered Friday 24 October 2025 at 23:30 UTC = 00:30 BST on Saturday 25 October; the clocks go back on
        // Sunday 26 October. One working day: due Monday 27 October, a GMT day.
        var entered = new DateTime(2025, 10, 24, 23, 30, 0, DateTimeKind.Utc);
        var due = StageDue.Of(entered, 1, new DateTime(2025, 10, 27, 23, 30, 0, DateTimeKind.Utc), EnglandAndWales);
        due.StartedOn.ShouldBe(new DateOnly(2025, 10, 25));
        due.DueOn.ShouldBe(new DateOnly(2025, 10, 27));
        // 23:30 UTC on the 27th is still the 27th in the UK (GMT): due today, not overdue, though one hour of BST
        // carried over would make it the 28th.
        due.WorkingDaysLeft.ShouldBe(0);
        due.Words.ShouldBe("due today (27 October 2025)");

        var nextMorning = StageDue.Of(entered, 1, new DateTime(2025, 10, 28, 0, 30, 0, DateTimeKind.Utc), EnglandAndWales);
        nextMorning.IsOverdue.ShouldBeTrue();
        nextMorning.WorkingDaysOverdue.ShouldBe(1);
        nextMorning.Words.ShouldBe("overdue by 1 working day (due 27 October 2025)");
    }

    [Fact]
    public void ClockChangeInSpringDoesNotShiftTheDueDate()
    {
        // Entered Friday 28 March 2025 at 23:30 UTC = 23:30 GMT, still the 28th; clocks go forward Sunday 30 March.
        // Two working days: Monday 31 March and Tuesday 1 April (a BST day).
        var due = StageDue.Of(new DateTime(2025, 3, 28, 23, 30, 0, DateTimeKind.Utc), 2, new DateTime(2025, 3, 31, 23, 30, 0, DateTimeKind.Utc), EnglandAndWales);
        due.StartedOn.ShouldBe(new DateOnly(2025, 3, 28));
        due.DueOn.ShouldBe(new DateOnly(2025, 4, 1));
        // 23:30 UTC on 31 March is 00:30 BST on 1 April: the UK day is the due date.
        due.WorkingDaysLeft.ShouldBe(0);
    }
}
