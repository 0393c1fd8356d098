using JustCulture.Domain.Ethnicity;

namespace JustCulture.Domain.Tests.Ethnicity;

public class EthnicCodeTests
{
    [Theory]
    [InlineData("A", "White - British")]
    [InlineData("B", "White - Irish")]
    [InlineData("C", "White - Any other White background")]
    public void DerivesWhiteGivenCodesAToC(string code, string description)
    {
        var parsed = EthnicCode.Parse(code);

        parsed.Code.ShouldBe(code);
        parsed.Description.ShouldBe(description);
        parsed.WresGroup.ShouldBe(WresGroup.White);
    }

    [Theory]
    [InlineData("D", "Mixed - White and Black Caribbean")]
    [InlineData("E", "Mixed - White and Black African")]
    [InlineData("F", "Mixed - White and Asian")]
    [InlineData("G", "Mixed - Any other mixed background")]
    [InlineData("H", "Asian or Asian British - Indian")]
    [InlineData("J", "Asian or Asian British - Pakistani")]
    [InlineData("K", "Asian or Asian British - Bangladeshi")]
    [InlineData("L", "Asian or Asian British - Any other Asian background")]
    [InlineData("M", "Black or Black British - Caribbean")]
    [InlineData("N", "Black or Black British - African")]
    [InlineData("P", "Black or Black British - Any other Black background")]
    [InlineData("R", "Other Ethnic Groups - Chinese")]
    [InlineData("S", "Other Ethnic Groups - Any other ethnic group")]
    public void DerivesBmeGivenCodesDToS(string code, string description)
    {
        var parsed = EthnicCode.Parse(code);

        parsed.Code.ShouldBe(code);
        parsed.Description.ShouldBe(description);
        parsed.WresGroup.ShouldBe(WresGroup.Bme);
    }

    [Fact]
    public void DerivesBmeGivenCodeN()
    {
        EthnicCode.Parse("N").WresGroup.ShouldBe(WresGroup.Bme);
    }

    [Theory]
    [InlineData("C2")]
    [InlineData("C3")]
    [InlineData("CA")]
    [InlineData("CP")]
    [InlineData("CY")]
    public void DerivesWhiteWithCDescriptionGivenCSubCode(string code)
    {
        var parsed = EthnicCode.Parse(code);

        parsed.Code.ShouldBe(code);
        parsed.WresGroup.ShouldBe(WresGroup.White);
        parsed.Description.ShouldBe("White - Any other White background");
    }

    [Fact]
    public void KeepsRecordedDescriptionGivenSubCodeWithDescription()
    {
        var parsed = EthnicCode.Parse("CP White - Polish");

        parsed.Code.ShouldBe("CP");
        parsed.Description.ShouldBe("White - Polish");
        parsed.WresGroup.ShouldBe(WresGroup.White);
    }

    [Theory]
    [InlineData("Z", "Not stated")]
    [InlineData("99", "Not known")]
    public void DerivesNotStatedGivenZOr99(string code, string description)
    {
        var parsed = EthnicCode.Parse(code);

        parsed.Code.ShouldBe(code);
        parsed.Description.ShouldBe(description);
        parsed.WresGroup.ShouldBe(WresGroup.NotStated);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ReturnsNotRecordedGivenBlank(string? value)
    {
        EthnicCode.TryParse(value, out var parsed, out var error).ShouldBeTrue();

        error.ShouldBeNull();
        parsed.ShouldBeSameAs(EthnicCode.NotRecorded);
        parsed.Code.ShouldBeEmpty();
        parsed.WresGroup.ShouldBe(WresGroup.NotStated);
        parsed.ToString().ShouldBe("Not recorded");
    }

    [Fact]
    public void SplitsCodeAndDescriptionGivenEsrStyleValue()
    {
        var parsed = EthnicCode.Parse("N Black or Black British - African");

        parsed.Code.ShouldBe("N");
        parsed.Description.ShouldBe("Black or Black British - African");
        parsed.WresGroup.ShouldBe(WresGroup.Bme);
        parsed.ToString().ShouldBe("N Black or Black British - African");
    }

    [Fact]
    public void NormalisesCaseAndSpacesGivenLowerCaseCode()
    {
        var parsed = EthnicCode.Parse("  h  ");

        parsed.Code.ShouldBe("H");
        parsed.WresGroup.ShouldBe(WresGroup.Bme);
    }

    [Fact]
    public void EqualsStandardFormGivenCodeWithStandardDescription()
    {
        EthnicCode.Parse("A White - British").ShouldBe(EthnicCode.Parse("A"));
        EthnicCode.FromStored("A").ShouldBe(EthnicCode.Parse("A"));
    }

    [Theory]
    [InlineData("I")]
    [InlineData("O")]
    [InlineData("Q")]
    [InlineData("X")]
    [InlineData("T")]
    [InlineData("9")]
    [InlineData("100")]
    [InlineData("white")]
    [InlineData("White British")]
    [InlineData("CABC")]
    [InlineData("Cat")]
    [InlineData("C-1")]
    [InlineData("AA")]
    public void RejectsWithoutGuessingGivenUnknownCode(string value)
    {
        EthnicCode.TryParse(value, out var parsed, out var error).ShouldBeFalse();

        parsed.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain("is not an NHS ethnic category code");
        Should.Throw<DomainRuleException>(() => EthnicCode.Parse(value)).Message.ShouldBe(error);
    }

    [Fact]
    public void NamesOffendingCodeGivenX()
    {
        EthnicCode.TryParse("X", out _, out var error);

        error.ShouldBe("'X' is not an NHS ethnic category code (expected A-S, Z or 99, optionally followed by its description)");
    }
}
