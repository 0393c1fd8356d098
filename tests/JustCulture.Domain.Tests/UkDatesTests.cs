using JustCulture.Domain;

namespace JustCulture.Domain.Tests;

public class UkDatesTests
{
    [Fact]
    public void WritesLongDateGivenDateOnly() =>
        UkDates.Date(new DateOnly(2027, 1, 15)).ShouldBe("15 January 2027");

    [Fact]
    public void WritesGmtClockTimeGivenWinterInstant() =>
        UkDates.DateTime(new DateTime(2027, 1, 15, 14, 5, 0, DateTimeKind.Utc)).ShouldBe("15 January 2027 at 14:05 UK time");

    [Fact]
    public void WritesBstClockTimeAndNextDayGivenSummerLateEveningInstant()
    {
        var utc = new DateTime(2026, 6, 30, 23, 30, 0, DateTimeKind.Utc);
        UkDates.DateTime(utc).ShouldBe("1 July 2026 at 00:30 UK time");
        UkDates.Date(utc).ShouldBe("1 July 2026");
        UkDates.UkDateOf(utc).ShouldBe(new DateOnly(2026, 7, 1));
    }
}
