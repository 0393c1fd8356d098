using JustCulture.Application.Common;
using JustCulture.Application.Retention;

namespace JustCulture.Application.Tests.Retention;

public sealed class RetentionRuleTests
{
    [Fact]
    public void IsDueFromTheDayAfterTheAnniversaryGivenAllClosed()
    {
        var last = new DateTime(2020, 3, 3, 12, 0, 0, DateTimeKind.Utc);

        RetentionRule.DueSince(last, RetentionPeriod.Default).ShouldBe(new DateOnly(2026, 3, 4));
        RetentionRule.IsDue(true, last, new DateOnly(2026, 3, 4), RetentionPeriod.Default).ShouldBeTrue();
        RetentionRule.IsDue(true, last, new DateOnly(2026, 3, 3), RetentionPeriod.Default).ShouldBeFalse();
        RetentionRule.IsDue(false, last, new DateOnly(2040, 1, 1), RetentionPeriod.Default).ShouldBeFalse();
    }

    [Fact]
    public void CountsFromTheUkDateGivenALateEveningInSummer()
    {
        // 23:30 UTC on 30 June is 00:30 on 1 July in the UK (BST).
        var last = new DateTime(2020, 6, 30, 23, 30, 0, DateTimeKind.Utc);

        RetentionRule.DueSince(last, new RetentionPeriod(1, "test")).ShouldBe(new DateOnly(2021, 7, 2));
    }

    [Theory]
    [InlineData(null, 6, "the default")]
    [InlineData("1", 1, "the setting --retention-years")]
    [InlineData(" 100 ", 100, "the setting --retention-years")]
    public void ReadsWholeYearsGivenValidSetting(string? text, int years, string source)
    {
        var period = RetentionPeriod.Parse(text, "--retention-years");

        period.Years.ShouldBe(years);
        period.Source.ShouldBe(source);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("101")]
    [InlineData("6.5")]
    [InlineData("-3")]
    [InlineData("six")]
    [InlineData("")]
    public void RefusesNamingTheSettingGivenAnythingButWholeYearsInRange(string text)
    {
        var refused = Should.Throw<UseCaseException>(() => RetentionPeriod.Parse(text, "JustCulture:Retention:Years"));

        refused.Error.ShouldBe(UseCaseError.Invalid);
        refused.Message.ShouldStartWith("JustCulture:Retention:Years must be a whole number of years from 1 to 100");
    }
}
